package dev.gallerykit;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.AlbumMember;
import dev.gallerykit.domain.AlbumRole;
import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.ShareLink;
import dev.gallerykit.domain.ShareLinkId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.AccessDeniedException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.NotFoundException;

/**
 * Albums shared with other users. Only the owner shares an album, changes a membership or revokes it;
 * a member lists what is shared with them and may leave. What a member may then do is decided once,
 * in the core, for every use case: a viewer sees the album, its photos and their renditions (and the
 * originals when the membership says so); a contributor also uploads into it, and edits or deletes the
 * photos they uploaded, which belong to the owner. Needs a {@code ShareRepository}
 * ({@code Gallery.Builder#shares}); without one a gallery is owner-only and these calls throw
 * {@link IllegalStateException}.
 */
public interface Sharing {

    /**
     * Shares the owner's album with {@code member}, or changes the member's role and originals switch.
     *
     * @param originals whether the member may read and download the originals
     * @throws NotFoundException when the album is not the actor's and not shared with them, or when
     *         {@code member} is not a user who may hold albums
     * @throws AccessDeniedException when the actor is a member, not the owner
     * @throws InvalidInputException when the member is the owner
     */
    AlbumMember share(UserId actor, AlbumId album, UserId member, AlbumRole role, boolean originals);

    /**
     * The members of the owner's album, by member id.
     *
     * @throws NotFoundException when the actor does not see the album
     * @throws AccessDeniedException when the actor is a member
     */
    Page<AlbumMember> members(UserId actor, AlbumId album, PageRequest page);

    /**
     * Revokes a membership; does nothing when the user is not a member.
     *
     * @throws NotFoundException when the actor does not see the album
     * @throws AccessDeniedException when the actor is a member
     */
    void unshare(UserId actor, AlbumId album, UserId member);

    /** Ends the actor's membership of someone else's album; does nothing when they are not a member. */
    void leave(UserId actor, AlbumId album);

    /** The albums others shared with the actor, newest album first, with the actor's membership of each. */
    Page<SharedAlbum> sharedWithMe(UserId actor, PageRequest page);

    /**
     * Makes a link to the owner's album for people without an account; see {@link LinkViews}. The
     * returned token is the only copy: the store keeps its hash.
     *
     * @throws NotFoundException when the actor does not see the album
     * @throws AccessDeniedException when the actor is a member
     * @throws InvalidInputException naming {@code expiresAt} when it is not in the future, or
     *         {@code password} when it is blank or longer than 1,024 characters
     */
    IssuedLink createLink(UserId actor, AlbumId album, LinkSettings settings);

    /**
     * The links of the owner's album, newest first, revoked and expired ones included (with their views).
     *
     * @throws NotFoundException when the actor does not see the album
     * @throws AccessDeniedException when the actor is a member
     */
    Page<ShareLink> links(UserId actor, AlbumId album, PageRequest page);

    /**
     * Revokes a link of the owner's album: from now on it, and every ticket it gave, is not found. The
     * link stays listed, with its views. Revoking it again does nothing.
     *
     * @return the revoked link
     * @throws NotFoundException when the actor does not see the album or the link is not one of its
     * @throws AccessDeniedException when the actor is a member
     */
    ShareLink revokeLink(UserId actor, AlbumId album, ShareLinkId link);
}
