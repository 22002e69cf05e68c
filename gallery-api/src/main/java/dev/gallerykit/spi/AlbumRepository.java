package dev.gallerykit.spi;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.error.StorageException;
import dev.gallerykit.error.StorageUnavailableException;
import java.util.Optional;

/**
 * Stores albums. Every read is scoped by owner: an album of another owner is simply absent.
 *
 * <p>Guarantees, checked by {@code AlbumRepositoryContract}: {@link #update} is conditional on the
 * version; lists are newest first (descending id, ids being time-ordered) and stable under
 * concurrent inserts; {@link #delete} is idempotent and does not touch photos (the gallery deletes
 * them first). A page's {@link Slice#next()} is present exactly when another album follows.
 *
 * <p>Albums and photos live in one store, and the integrity between them is the store's to keep,
 * in single atomic steps that hold across processes (checked by {@code PhotoRepositoryContract}):
 * <ul>
 *   <li>an album being deleted ({@link #markDeleting}) takes no photo in and lets none out, so that
 *       deleting its contents always ends and no photo is left in an album that no longer exists;</li>
 *   <li>a cover is set only while its photo is in the album ({@link #setCover}), and the photo
 *       repository clears it in the same step that deletes or moves that photo away.</li>
 * </ul>
 *
 * <p>Failures, the same on every adapter: no driver or SDK exception escapes. A store that cannot be
 * reached, times out or throttles is a retryable {@link StorageUnavailableException}; a store that
 * refuses for a lasting reason (a missing table, bucket or permission, bad credentials) is a
 * {@link StorageException} that is not retryable. Every method may throw either; adapter-specific
 * exceptions extend one of them.
 */
public interface AlbumRepository {

    /**
     * Stores a new album with version 1 and returns it.
     *
     * @throws ConflictException when an album with this id is stored already; the stored one is kept
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Album create(Album album);

    /**
     * The album, if it exists and belongs to {@code owner}; empty otherwise, never null.
     *
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Optional<Album> find(UserId owner, AlbumId id);

    /**
     * Replaces the stored album if its version still equals {@code album.version()}.
     *
     * The cover is stored as given; {@link #setCover} is the one that checks the photo.
     *
     * @throws NotFoundException when there is no such album for its owner, or it is being deleted
     * @throws ConcurrentModificationException when the version moved on; nothing is written
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Album update(Album album);

    /**
     * Stores {@code album}, whose cover names one of the owner's photos, like {@link #update}, and only
     * while that photo is in this album: the check and the write are one atomic step, so a concurrent
     * delete or move of the photo either comes first (and this fails) or clears the cover after it.
     *
     * @throws IllegalArgumentException when {@code album} has no cover
     * @throws NotFoundException when there is no such album for its owner, it is being deleted, or the
     *         photo is not in it
     * @throws ConcurrentModificationException when the version moved on
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Album setCover(Album album);

    /**
     * Marks the album as being deleted, clears its cover and increments its version, in one atomic
     * step. Once this returns, creating a photo in the album, moving one into or out of it, and
     * {@link #update} or {@link #setCover} of it fail with {@code NotFoundException}, until
     * {@link #delete} removes it. The album stays visible to {@link #find} and {@link #list}, so that
     * an interrupted delete can be finished. Idempotent.
     *
     * <pre>{@code
     * if (albums.markDeleting(owner, id)) {
     *     // delete the photos of the album, then albums.delete(owner, id)
     * }
     * }</pre>
     *
     * @return whether the album exists for {@code owner} (being deleted or not)
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    boolean markDeleting(UserId owner, AlbumId id);

    /**
     * The owner's albums, newest first, at most {@code limit}, after position {@code after}; an
     * owner without albums gets an empty, last slice.
     *
     * @throws InvalidInputException naming {@code limit} when it is below 1, or {@code cursor} when
     *         {@code after} is not a position this store hands out
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Slice<Album> list(UserId owner, int limit, Optional<String> after);

    /**
     * The owner's albums whose name or description contains {@code text}, newest first, ignoring case
     * exactly as {@link dev.gallerykit.domain.TextMatch} defines (not as the store's own collation would).
     *
     * @throws InvalidInputException naming {@code limit} or {@code cursor}, as for {@link #list}
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Slice<Album> search(UserId owner, String text, int limit, Optional<String> after);

    /**
     * Removes the album record; does nothing when absent or another owner's. Refuses while any photo
     * is still in it, checked against what the store holds now (a SQL foreign key; on a store whose
     * album listing is eventually consistent, a consistent read of the photos themselves): the use
     * case lists the album's photos through {@link PhotoRepository#listByAlbum}, and this refusal is
     * what keeps a photo that listing has not seen yet from being left in a deleted album (I3).
     *
     * @throws ConflictException when photos are still in it
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    void delete(UserId owner, AlbumId id);
}
