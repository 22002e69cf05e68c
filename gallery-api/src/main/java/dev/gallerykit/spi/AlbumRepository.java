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
     * @throws NotFoundException when there is no such album for its owner
     * @throws ConcurrentModificationException when the version moved on; nothing is written
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Album update(Album album);

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
     * The owner's albums whose name or description contains {@code text}, ignoring case, newest first.
     *
     * @throws InvalidInputException naming {@code limit} or {@code cursor}, as for {@link #list}
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Slice<Album> search(UserId owner, String text, int limit, Optional<String> after);

    /**
     * Removes the album record; does nothing when absent or another owner's.
     *
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    void delete(UserId owner, AlbumId id);
}
