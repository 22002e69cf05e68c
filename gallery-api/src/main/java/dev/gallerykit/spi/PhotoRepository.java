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
 * <p>For the gallery's write invariants (at most one photo per owner and SHA-256 under
 * {@code DuplicatePolicy.REJECT}; a direct upload completes once), {@link #create(Photo, PhotoClaims)}
 * takes its {@link PhotoClaims} and writes the record in one atomic step of the store (a transaction,
 * a unique constraint, a conditional write), never with a lock inside one process: another JVM on the
 * same store must see the claim as well. A claim never exists without its record, so a crash cannot
 * leave one behind that blocks an upload; a content claim whose photo was deleted no longer counts.
 */
public interface PhotoRepository {

    /**
     * Stores a new photo with version 1 and returns it; {@code create(photo, PhotoClaims.NONE)}.
     *
     * @throws dev.gallerykit.error.ConflictException when a photo with this id exists
     */
    default Photo create(Photo photo) {
        return create(photo, PhotoClaims.NONE);
    }

    /**
     * Stores a new photo with version 1 and takes {@code claims}, all or nothing: when the create is
     * refused, nothing is stored and nothing is claimed.
     *
     * @throws dev.gallerykit.error.ConflictException       when a photo with this id exists, or, for a create
     *                                                      that holds its id, existed and its id is still held
     *                                                      ({@link PhotoClaims#idHeldUntil})
     * @throws dev.gallerykit.error.DuplicatePhotoException naming the holder when {@link PhotoClaims#uniqueContent}
     *                                                      is asked and another photo of the owner holds the
     *                                                      claim on this SHA-256
     */
    Photo create(Photo photo, PhotoClaims claims);

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

    /** Removes the record, and its content claim with it; does nothing when absent. */
    void delete(UserId owner, PhotoId id);

    /**
     * Removes these records, in as few round trips as the store allows; absent ones are skipped. Their
     * content claims no longer count from then on (a store may remove them later).
     */
    void deleteAll(UserId owner, Collection<PhotoId> ids);
}
