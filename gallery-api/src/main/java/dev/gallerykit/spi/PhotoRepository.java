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
 *
 * <p>Every photo is in an existing album of its owner, in every store, whatever runs concurrently:
 * {@link #create} and a move ({@link #update} with another album) check the albums in the same
 * atomic step as the write; an album being deleted ({@link AlbumRepository#markDeleting}) takes no
 * photo in and lets none out. No cover names a photo that left its album: {@link #delete} and a move
 * clear the cover that names the photo in the same step.
 */
public interface PhotoRepository {

    /**
     * Stores a new photo with version 1 and returns it, only while its album exists for its owner
     * and is not being deleted (checked in the same atomic step).
     *
     * @throws dev.gallerykit.error.NotFoundException when the album does not exist for the photo's
     *         owner, or is being deleted
     * @throws dev.gallerykit.error.ConflictException when a photo with this id exists
     */
    Photo create(Photo photo);

    Optional<Photo> find(UserId owner, PhotoId id);

    /** One of the owner's photos with this SHA-256 of the original, if any (for duplicate detection). */
    Optional<Photo> findBySha256(UserId owner, String sha256);

    /**
     * Replaces the stored photo (album, title, description, tags, ...) if its version still equals
     * {@code photo.version()}. A change of album is a move: in the same atomic step it checks that
     * the target album exists and neither album is being deleted, and clears the cover of the album
     * the photo leaves if that cover names it (incrementing that album's version).
     *
     * @throws dev.gallerykit.error.NotFoundException when there is no such photo for its owner, when
     *         the target album does not exist for the owner or is being deleted (album), or when the
     *         album the photo is in is being deleted (photo)
     * @throws dev.gallerykit.error.ConcurrentModificationException when the version moved on
     */
    Photo update(Photo photo);

    /** The photos of one album, newest first. */
    Slice<Photo> listByAlbum(UserId owner, AlbumId album, int limit, Optional<String> after);

    /** The owner's photos that match {@code query}, newest first. */
    Slice<Photo> search(UserId owner, PhotoQuery query, int limit, Optional<String> after);

    /**
     * Removes the record and, in the same atomic step, clears the cover of its album if that cover
     * names it (incrementing the album's version); does nothing when absent.
     */
    void delete(UserId owner, PhotoId id);

    /**
     * Removes these records, in as few round trips as the store allows; absent ones are skipped. Meant
     * for the contents of an album being deleted, whose cover {@link AlbumRepository#markDeleting}
     * cleared: a store need not clear covers here.
     */
    void deleteAll(UserId owner, Collection<PhotoId> ids);
}
