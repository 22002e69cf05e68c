package dev.gallerykit.internal;

import dev.gallerykit.SharedAlbum;
import dev.gallerykit.Sharing;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.AlbumMember;
import dev.gallerykit.domain.AlbumRole;
import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.OwnerCheck;
import dev.gallerykit.spi.Slice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class SharingService implements Sharing {

    private final Core core;
    private final OwnerCheck owners;

    SharingService(Core core, OwnerCheck owners) {
        this.core = core;
        this.owners = owners;
    }

    @Override
    public AlbumMember share(UserId actor, AlbumId albumId, UserId member, AlbumRole role, boolean originals) {
        Validation.required("member", member);
        Validation.required("role", role);
        requireShares();
        Album album = core.access.album(actor, albumId, Access.Right.MANAGE).album();
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
        Album album = core.access.album(actor, albumId, Access.Right.MANAGE).album();
        return core.page(CursorCodec.scope("members", actor, albumId), page,
                (limit, after) -> core.shares.listMembers(actor, album.id(), limit, after));
    }

    @Override
    public void unshare(UserId actor, AlbumId albumId, UserId member) {
        Validation.required("member", member);
        Album album = core.access.album(actor, albumId, Access.Right.MANAGE).album();
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

    private void requireShares() {
        if (core.shares instanceof NoShares) {
            throw new IllegalStateException(NoShares.MISSING);
        }
    }
}
