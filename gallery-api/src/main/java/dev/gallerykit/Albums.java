package dev.gallerykit;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.error.StorageException;
import dev.gallerykit.error.StorageUnavailableException;

/**
 * Album use cases. Every call names the acting user; another user's album is
 * {@link dev.gallerykit.error.NotFoundException not found}, never forbidden.
 *
 * <pre>{@code
 * Album trip = gallery.albums().create(me, "Lisbon 2026", "Tiles and trams");
 * Page<Album> first = gallery.albums().list(me, PageRequest.first(20));
 * }</pre>
 *
 * <p>Every method may fail with a retryable {@link StorageUnavailableException} (a store that cannot
 * be reached, times out or throttles) or a {@link StorageException} that is not retryable (a missing
 * table, bucket or permission); no driver or SDK exception escapes. Bad input is an
 * {@link InvalidInputException} naming the field, and changes nothing.
 */
public interface Albums {

    /**
     * @param name        1 to 200 characters, not blank (surrounding white space is dropped)
     * @param description up to 5,000 characters; may be empty
     * @throws InvalidInputException naming {@code name} or {@code description} when out of bounds
     * @throws NotFoundException naming the user when the gallery's {@link dev.gallerykit.spi.OwnerCheck}
     *         says {@code actor} may not own albums (a deleted or disabled account); nothing is left
     * @throws StorageUnavailableException when a store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when a store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Album create(UserId actor, String name, String description);

    /**
     * @throws NotFoundException when the album does not exist or is another user's
     * @throws StorageUnavailableException when a store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when a store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Album get(UserId actor, AlbumId id);

    /**
     * @throws InvalidInputException naming {@code name}, as for {@link #create}
     * @throws NotFoundException when the album does not exist or is another user's
     * @throws ConcurrentModificationException when the album changed meanwhile; read it again and retry
     * @throws StorageUnavailableException when a store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when a store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Album rename(UserId actor, AlbumId id, String name);

    /**
     * @throws InvalidInputException naming {@code description}, as for {@link #create}
     * @throws NotFoundException when the album does not exist or is another user's
     * @throws ConcurrentModificationException when the album changed meanwhile; read it again and retry
     * @throws StorageUnavailableException when a store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when a store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Album describe(UserId actor, AlbumId id, String description);

    /**
     * Renames and describes the album in one write: both fields are checked first, and when either is
     * refused nothing changes. An empty update changes nothing and returns the album as it is.
     *
     * @throws InvalidInputException naming {@code name} or {@code description}, as for {@link #create}
     * @throws NotFoundException when the album does not exist or is another user's
     * @throws ConcurrentModificationException when the album changed meanwhile; read it again and retry
     * @throws StorageUnavailableException when a store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when a store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Album update(UserId actor, AlbumId id, AlbumUpdate update);

    /**
     * Shows {@code photo}, which must be in this album, for the album.
     *
     * @throws NotFoundException when the album, or the photo in it, does not exist or is another user's
     * @throws ConcurrentModificationException when the album changed meanwhile; read it again and retry
     * @throws StorageUnavailableException when a store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when a store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Album setCover(UserId actor, AlbumId id, PhotoId photo);

    /**
     * @throws NotFoundException when the album does not exist or is another user's
     * @throws ConcurrentModificationException when the album changed meanwhile; read it again and retry
     * @throws StorageUnavailableException when a store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when a store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Album clearCover(UserId actor, AlbumId id);

    /**
     * The actor's albums, newest first. The page has a next cursor exactly when another album follows.
     *
     * @throws InvalidInputException naming {@code limit} when it is outside 1 to the gallery's maximum page
     *         size, or {@code cursor} when it was altered or issued for another query or user
     * @throws StorageUnavailableException when a store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when a store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Page<Album> list(UserId actor, PageRequest page);

    /**
     * The actor's albums whose name or description contains {@code text}, ignoring case, newest first.
     * The page has a next cursor exactly when another match follows.
     *
     * @throws InvalidInputException naming {@code text} when blank, or {@code limit} or {@code cursor}
     *         as for {@link #list}
     * @throws StorageUnavailableException when a store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when a store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Page<Album> search(UserId actor, String text, PageRequest page);

    /**
     * Deletes the album with every photo in it and every blob of those photos. Idempotent: deleting
     * an album that is gone (or not the actor's) does nothing, and a delete that failed half-way can
     * simply be repeated.
     *
     * @throws StorageUnavailableException when a store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when a store refuses for a lasting reason, such as a missing table (not retryable)
     */
    void delete(UserId actor, AlbumId id);
}
