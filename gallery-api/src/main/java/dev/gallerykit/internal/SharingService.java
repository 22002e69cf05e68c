package dev.gallerykit.internal;

import dev.gallerykit.IssuedLink;
import dev.gallerykit.LinkSettings;
import dev.gallerykit.SharedAlbum;
import dev.gallerykit.Sharing;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.AlbumMember;
import dev.gallerykit.domain.AlbumRole;
import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.ShareLink;
import dev.gallerykit.domain.ShareLinkId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.OwnerCheck;
import dev.gallerykit.spi.Slice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class SharingService implements Sharing {

    /** Longest password a link takes: a bound on the work one guess costs. */
    static final int MAX_PASSWORD = 1_024;
    /** Tries of a revoke whose link changed under it. */
    private static final int REVOKE_TRIES = 5;

    private final Core core;
    private final OwnerCheck owners;
    private final LinkSecrets secrets;

    SharingService(Core core, OwnerCheck owners, LinkSecrets secrets) {
        this.core = core;
        this.owners = owners;
        this.secrets = secrets;
    }

    @Override
    public AlbumMember share(UserId actor, AlbumId albumId, UserId member, AlbumRole role, boolean originals) {
        Validation.required("member", member);
        Validation.required("role", role);
        requireShares();
        Album album = managed(actor, albumId);
        if (member.equals(actor)) {
            throw new InvalidInputException("member", "is the owner of album " + albumId);
        }
        // I7: a membership names a user who exists (and is not being deleted).
        if (!owners.mayOwn(member)) {
            throw new NotFoundException("user", member);
        }
        Instant now = core.now();
        // The store keeps the first createdAt and refuses an album being deleted, atomically.
        AlbumMember stored = core.shares.putMember(new AlbumMember(album.id(), actor, member, role, originals, now, now));
        if (!owners.mayOwn(member)) {
            // The account was marked for deletion meanwhile; its purge may have removed its memberships
            // before this one was written: take it back (see OwnerCheck).
            core.shares.removeMember(album.id(), member);
            throw new NotFoundException("user", member);
        }
        return stored;
    }

    @Override
    public Page<AlbumMember> members(UserId actor, AlbumId albumId, PageRequest page) {
        Album album = managed(actor, albumId);
        return core.page(CursorCodec.scope("members", actor, albumId), page,
                (limit, after) -> core.shares.listMembers(actor, album.id(), limit, after));
    }

    @Override
    public void unshare(UserId actor, AlbumId albumId, UserId member) {
        Validation.required("member", member);
        Album album = managed(actor, albumId);
        core.shares.removeMember(album.id(), member);
    }

    @Override
    public void leave(UserId actor, AlbumId albumId) {
        Validation.required("actor", actor);
        Validation.required("albumId", albumId);
        core.shares.removeMember(albumId, actor);
    }

    @Override
    public Page<SharedAlbum> sharedWithMe(UserId actor, PageRequest page) {
        Validation.required("actor", actor);
        return core.page(CursorCodec.scope("shared", actor), page, (limit, after) -> {
            Slice<AlbumMember> memberships = core.shares.listSharedWith(actor, limit, after);
            List<SharedAlbum> albums = new ArrayList<>(memberships.items().size());
            for (AlbumMember membership : memberships.items()) {
                // An album being deleted still has its memberships for a moment: it is no longer shown.
                core.albums.find(membership.ownerId(), membership.albumId())
                        .ifPresent(album -> albums.add(new SharedAlbum(album, membership)));
            }
            return new Slice<>(albums, memberships.next());
        });
    }

    @Override
    public IssuedLink createLink(UserId actor, AlbumId albumId, LinkSettings settings) {
        Validation.required("settings", settings);
        requireShares();
        Instant now = core.now();
        settings.expiresAt().ifPresent(at -> {
            if (!at.isAfter(now)) {
                throw new InvalidInputException("expiresAt", "is not in the future: " + at);
            }
        });
        settings.password().ifPresent(password -> {
            if (password.isBlank()) {
                throw new InvalidInputException("password", "is blank");
            }
            if (password.length() > MAX_PASSWORD) {
                throw new InvalidInputException("password", "is " + password.length()
                        + " characters long; the maximum is " + MAX_PASSWORD);
            }
        });
        Album album = managed(actor, albumId);
        String token = secrets.newToken();
        ShareLink link = new ShareLink(new ShareLinkId(core.ids.next()), album.id(), actor, LinkSecrets.tokenHash(token),
                settings.expiresAt(), settings.password().map(secrets::hashPassword), settings.allowOriginals(),
                settings.showLocation(), now, Optional.empty(), 0, 0, Optional.empty(), 0);
        // The store refuses an album being deleted in the same step (I6).
        return new IssuedLink(core.shares.createLink(link), token);
    }

    @Override
    public Page<ShareLink> links(UserId actor, AlbumId albumId, PageRequest page) {
        Album album = managed(actor, albumId);
        return core.page(CursorCodec.scope("links", actor, albumId), page,
                (limit, after) -> core.shares.listLinks(actor, album.id(), limit, after));
    }

    @Override
    public ShareLink revokeLink(UserId actor, AlbumId albumId, ShareLinkId linkId) {
        Validation.required("linkId", linkId);
        Album album = managed(actor, albumId);
        for (int attempt = 1; ; attempt++) {
            ShareLink link = core.shares.findLink(actor, linkId).filter(found -> found.albumId().equals(album.id()))
                    .orElseThrow(() -> new NotFoundException("link", linkId));
            if (link.revokedAt().isPresent()) {
                return link;
            }
            try {
                return core.shares.updateLink(link.revoked(core.now()));
            } catch (ConcurrentModificationException e) {
                // Another change of the owner's settings came first; a revoke applies on top of any.
                if (attempt == REVOKE_TRIES) {
                    throw e;
                }
            }
        }
    }

    /** The actor's own album, for what only its owner may do. */
    private Album managed(UserId actor, AlbumId albumId) {
        return core.access.album(actor, albumId, Access.Right.MANAGE).album();
    }

    private void requireShares() {
        if (core.shares instanceof NoShares) {
            throw new IllegalStateException(NoShares.MISSING);
        }
    }
}
