package dev.gallerykit.spi;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.error.StorageException;
import dev.gallerykit.error.StorageUnavailableException;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores photo records (the bytes are in the {@link BlobStore}). Every read is scoped by owner.
 *
 * <p>Guarantees, checked by {@code PhotoRepositoryContract}: {@link #update} is conditional on the
 * version; lists and searches are newest first (descending id); a search matches exactly what
 * {@link PhotoQuery#matches} says; deletes are idempotent. A page's {@link Slice#next()} is present
 * exactly when another matching photo follows.
 *
 * <p>Every photo is in an existing album of its owner, in every store, whatever runs concurrently:
 * {@link #create} and a move ({@link #update} with another album) check the albums in the same
 * atomic step as the write; an album being deleted ({@link AlbumRepository#markDeleting}) takes no
 * photo in and lets none out. No cover names a photo that left its album: {@link #delete} and a move
 * clear the cover that names the photo in the same step.
 *
 * <p>For the gallery's write invariants (at most one photo per owner and SHA-256 under
 * {@code DuplicatePolicy.REJECT}; a direct upload completes once), {@link #create(Photo, PhotoClaims)}
 * takes its {@link PhotoClaims} and writes the record in one atomic step of the store (a transaction,
 * a unique constraint, a conditional write), never with a lock inside one process: another JVM on the
 * same store must see the claim as well. A claim never exists without its record, so a crash cannot
 * leave one behind that blocks an upload; a content claim whose photo was deleted no longer counts.
 *
 * <p>Failures, the same on every adapter: no driver or SDK exception escapes. A store that cannot be
 * reached, times out or throttles is a retryable {@link StorageUnavailableException}; a store that
 * refuses for a lasting reason (a missing table, bucket or permission, bad credentials) is a
 * {@link StorageException} that is not retryable. Every method may throw either; adapter-specific
 * exceptions extend one of them.
 */
public interface PhotoRepository {

    /**
     * Stores a new photo with version 1 and returns it; {@code create(photo, PhotoClaims.NONE)}.
     *
     * @throws NotFoundException when the album does not exist for the photo's owner, or is being deleted
     * @throws ConflictException when a photo with this id is stored already; the stored one is kept
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    default Photo create(Photo photo) {
        return create(photo, PhotoClaims.NONE);
    }

    /**
     * Stores a new photo with version 1 and takes {@code claims}, all or nothing, only while its album
     * exists for its owner and is not being deleted (checked in the same atomic step): when the create
     * is refused, nothing is stored and nothing is claimed.
     *
     * @throws NotFoundException when the album does not exist for the photo's owner, or is being deleted
     * @throws ConflictException when a photo with this id exists, or, for a create that holds its id,
     *         existed and its id is still held ({@link PhotoClaims#idHeldUntil})
     * @throws dev.gallerykit.error.DuplicatePhotoException naming the holder when
     *         {@link PhotoClaims#uniqueContent} is asked and another photo of the owner holds the claim
     *         on this SHA-256
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Photo create(Photo photo, PhotoClaims claims);

    /**
     * The photo, if it exists and belongs to {@code owner}; empty otherwise, never null.
     *
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Optional<Photo> find(UserId owner, PhotoId id);

    /**
     * One of the owner's photos with this SHA-256 of the original, if any (for duplicate detection);
     * empty otherwise, never null.
     *
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Optional<Photo> findBySha256(UserId owner, String sha256);

    /**
     * Replaces the stored photo (album, title, description, tags, ...) if its version still equals
     * {@code photo.version()}. A change of album is a move: in the same atomic step it checks that
     * the target album exists and neither album is being deleted, and clears the cover of the album
     * the photo leaves if that cover names it (incrementing that album's version).
     *
     * @throws NotFoundException when there is no such photo for its owner, when the target album does
     *         not exist for the owner or is being deleted (album), or when the album the photo is in is
     *         being deleted (photo)
     * @throws ConcurrentModificationException when the version moved on; nothing is written
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Photo update(Photo photo);

    /**
     * {@link #update(Photo)} of {@code changed}, told the photo it was made from: {@code current} as
     * read at its version, which the write is still conditioned on. Knowing both, a store may write
     * only what differs (a change of tags need not rewrite the renditions); the result, the checks and
     * the exceptions are those of {@code update(changed)}. This default writes the whole photo.
     *
     * @throws IllegalArgumentException when the two are not the same photo (owner and id) at the same version
     */
    default Photo update(Photo current, Photo changed) {
        requireSameVersion(current, changed);
        return update(changed);
    }

    /** Checks the arguments of {@link #update(Photo, Photo)}: one photo of one owner, at one version. */
    static void requireSameVersion(Photo current, Photo changed) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(changed, "changed");
        if (!current.id().equals(changed.id()) || !current.ownerId().equals(changed.ownerId())
                || current.version() != changed.version()) {
            throw new IllegalArgumentException("an update from photo " + current.id() + " of " + current.ownerId()
                    + " at version " + current.version() + " names photo " + changed.id() + " of "
                    + changed.ownerId() + " at version " + changed.version());
        }
    }

    /**
     * The photos of one album, newest first, at most {@code limit}, after position {@code after}; an
     * album without photos (or another owner's) gives an empty, last slice.
     *
     * @throws InvalidInputException naming {@code limit} when it is below 1, or {@code cursor} when
     *         {@code after} is not a position this store hands out
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Slice<Photo> listByAlbum(UserId owner, AlbumId album, int limit, Optional<String> after);

    /**
     * The owner's photos that match {@code query}, newest first.
     *
     * @throws InvalidInputException naming {@code limit} or {@code cursor}, as for {@link #listByAlbum}
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Slice<Photo> search(UserId owner, PhotoQuery query, int limit, Optional<String> after);

    /**
     * Removes the record and its content claim and, in the same atomic step, clears the cover of its
     * album if that cover names it (incrementing the album's version); does nothing when absent or
     * another owner's.
     *
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    void delete(UserId owner, PhotoId id);

    /**
     * Removes these records, in as few round trips as the store allows; absent ones are skipped. Meant
     * for the contents of an album being deleted, whose cover {@link AlbumRepository#markDeleting}
     * cleared: a store need not clear covers here. Their content claims no longer count from then on
     * (a store may remove them later).
     *
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    void deleteAll(UserId owner, Collection<PhotoId> ids);

    /**
     * Removes the owner's id holds ({@link PhotoClaims#idHeldUntil}) that ended before {@code before} and
     * returns how many it removed. A hold outlives its photo, so without this a store keeps one per direct
     * upload forever; once ended it protects nothing, since the upload's token expired with it. Holds that
     * have not ended, other owners' holds, photos and content claims stay. Idempotent, and safe while
     * photos are created: only a hold that ended is removed. {@code Maintenance.reconcile} runs it for
     * every owner it meets, without a scan of the whole store.
     *
     * <pre>{@code
     * photos.removeExpiredHolds(owner, clock.instant().minus(grace));
     * }</pre>
     *
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    int removeExpiredHolds(UserId owner, Instant before);
}
