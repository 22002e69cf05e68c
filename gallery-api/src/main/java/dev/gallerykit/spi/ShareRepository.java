package dev.gallerykit.spi;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.AlbumMember;
import dev.gallerykit.domain.ShareLink;
import dev.gallerykit.domain.ShareLinkId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.error.StorageException;
import dev.gallerykit.error.StorageUnavailableException;
import java.time.Instant;
import java.util.Optional;

/**
 * Stores who else sees an album: its members and its share links. It lives in the store of the
 * albums, whose integrity with them it keeps (I6: no membership or link points at a deleted album).
 *
 * <p>Guarantees, checked by {@code ShareRepositoryContract}:
 * <ul>
 *   <li>{@link #putMember} and {@link #createLink} write only while the album exists for its owner and
 *       is not being deleted ({@link AlbumRepository#markDeleting}), checked in the same atomic step
 *       as the write; so once {@code markDeleting} returned, {@link #removeAlbum} removes everything
 *       that can ever point at the album;</li>
 *   <li>every read is consistent with the writes that returned before it (no eventually consistent
 *       index serves it): a revoked membership is gone for the next {@link #findMember};</li>
 *   <li>the counters ({@link #countView}, {@link #takeGuess}, {@link #clearGuesses}) are atomic
 *       updates of the stored link that neither read nor move its version, so that they never
 *       conflict with the owner's changes, and {@link #takeGuess} never grants more guesses than
 *       allowed, whatever the number of concurrent callers in any number of processes;</li>
 *   <li>removals are idempotent.</li>
 * </ul>
 *
 * <p>Failures, the same on every adapter: no driver or SDK exception escapes. A store that cannot be
 * reached, times out or throttles is a retryable {@link StorageUnavailableException}; a store that
 * refuses for a lasting reason is a {@link StorageException} that is not retryable. Every method may
 * throw either.
 */
public interface ShareRepository {

    /**
     * Stores the membership, replacing the member's earlier one of this album (its {@code createdAt}
     * is kept from the first), and returns what is stored.
     *
     * @throws NotFoundException naming the album when it does not exist for {@code member.ownerId()}
     *         or is being deleted; nothing is written
     */
    AlbumMember putMember(AlbumMember member);

    /** The membership of {@code member} in the album; empty when there is none, never null. */
    Optional<AlbumMember> findMember(AlbumId album, UserId member);

    /**
     * The members of the owner's album, by member id ascending, at most {@code limit}, after position
     * {@code after}; another owner's album has none.
     *
     * @throws InvalidInputException naming {@code limit} when below 1, or {@code cursor} when
     *         {@code after} is not a position this store hands out
     */
    Slice<AlbumMember> listMembers(UserId owner, AlbumId album, int limit, Optional<String> after);

    /**
     * The memberships of {@code member}, newest album first (album id descending), at most
     * {@code limit}, after position {@code after}. Served by a query on the member, never a scan.
     *
     * @throws InvalidInputException naming {@code limit} or {@code cursor}, as for {@link #listMembers}
     */
    Slice<AlbumMember> listSharedWith(UserId member, int limit, Optional<String> after);

    /** Removes the membership; does nothing when there is none. */
    void removeMember(AlbumId album, UserId member);

    /** Removes every membership {@code member} has (an account being deleted); does nothing when none. */
    void removeMemberships(UserId member);

    /**
     * Stores a new link with version 1 and its counters at zero, and returns it.
     *
     * @throws NotFoundException naming the album when it does not exist for {@code link.ownerId()} or is
     *         being deleted; nothing is written
     * @throws ConflictException when a link with this id or token hash is stored already; it is kept
     */
    ShareLink createLink(ShareLink link);

    /** The owner's link; empty when there is none or it is another owner's, never null. */
    Optional<ShareLink> findLink(UserId owner, ShareLinkId id);

    /** The link whose token has this hash, whatever its state; empty when none, never null. */
    Optional<ShareLink> findLinkByToken(String tokenHash);

    /**
     * The links of the owner's album, newest first, revoked ones included, at most {@code limit},
     * after position {@code after}.
     *
     * @throws InvalidInputException naming {@code limit} or {@code cursor}, as for {@link #listMembers}
     */
    Slice<ShareLink> listLinks(UserId owner, AlbumId album, int limit, Optional<String> after);

    /**
     * Stores the owner's settings of the link (expiry, password hash, switches, revocation) if its
     * version still equals {@code link.version()}, and returns it with the next version. The counters
     * are not written: the returned link carries the stored ones.
     *
     * @throws NotFoundException when there is no such link for its owner
     * @throws ConcurrentModificationException when the version moved on; nothing is written
     */
    ShareLink updateLink(ShareLink link);

    /** Adds one to the link's views; does nothing when the link is gone. */
    void countView(ShareLinkId id);

    /**
     * Takes one password guess, atomically: granted while fewer than {@code max} wrong guesses are
     * counted, or when the last one came before {@code lockedBefore} (the count then starts again at
     * one). A granted guess counts as wrong, with {@code now}, until {@link #clearGuesses}.
     *
     * @return whether the guess may be checked; false when the link is locked or gone
     */
    boolean takeGuess(ShareLinkId id, int max, Instant now, Instant lockedBefore);

    /** Sets the wrong guesses back to zero (a right password came); does nothing when the link is gone. */
    void clearGuesses(ShareLinkId id);

    /** Removes every membership and link of the owner's album; does nothing when there are none. */
    void removeAlbum(UserId owner, AlbumId album);
}
