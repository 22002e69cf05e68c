package dev.gallerykit.spi;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.UserId;
import java.util.Collection;
import java.util.Optional;

/**
 * Stores photo records (the bytes are in the {@link BlobStore}). Every read is scoped by owner.
 *
 * <p>Guarantees, checked by {@code PhotoRepositoryContract}: {@link #update} is conditional on the
 * version; lists and searches are newest first (descending id); a search matches exactly what
 * {@link PhotoQuery#matches} says; deletes are idempotent.
 */
public interface PhotoRepository {

    /** Stores a new photo with version 1 and returns it. */
    Photo create(Photo photo);

    Optional<Photo> find(UserId owner, PhotoId id);

    /** One of the owner's photos with this SHA-256 of the original, if any (for duplicate detection). */
    Optional<Photo> findBySha256(UserId owner, String sha256);

    /**
     * Replaces the stored photo (album, title, description, tags, ...) if its version still equals
     * {@code photo.version()}.
     *
     * @throws dev.gallerykit.error.NotFoundException when there is no such photo for its owner
     * @throws dev.gallerykit.error.ConcurrentModificationException when the version moved on
     */
    Photo update(Photo photo);

    /** The photos of one album, newest first. */
    Slice<Photo> listByAlbum(UserId owner, AlbumId album, int limit, Optional<String> after);

    /** The owner's photos that match {@code query}, newest first. */
    Slice<Photo> search(UserId owner, PhotoQuery query, int limit, Optional<String> after);

    /** Removes the record; does nothing when absent. */
    void delete(UserId owner, PhotoId id);

    /** Removes these records, in as few round trips as the store allows; absent ones are skipped. */
    void deleteAll(UserId owner, Collection<PhotoId> ids);
}
