package dev.gallerykit.internal;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.AlbumMember;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.AccessDeniedException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.spi.Slice;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what to an album or a photo: the one policy every use case asks. The owner may do
 * everything. A member of the album may do what their role grants ({@link Right}) and is refused the
 * rest with an {@link AccessDeniedException}. Anyone else gets a {@link NotFoundException}, exactly as
 * for an album or photo that does not exist.
 */
final class Access {

    /** Memberships read per round when looking for a shared photo by its id. */
    private static final int MEMBERSHIP_BATCH = 100;

    /** What a caller wants to do. */
    enum Right {
        /** See the album, list its photos, read a photo and its renditions. */
        READ,
        /** Read or download an original. */
        READ_ORIGINALS,
        /** Upload into the album. */
        CONTRIBUTE,
        /** Change or delete a photo: its owner, or the contributor who uploaded it. */
        EDIT,
        /** Rename, describe, delete or share the album, set its cover, move photos: the owner alone. */
        MANAGE
    }

    /** The album as the caller may use it; {@code membership} empty for its owner. */
    record AlbumGrant(Album album, Optional<AlbumMember> membership) {
        UserId owner() {
            return album.ownerId();
        }

        boolean byOwner() {
            return membership.isEmpty();
        }
    }

    /** The photo as the caller may use it; {@code membership} empty for its owner. */
    record PhotoGrant(Photo photo, Optional<AlbumMember> membership) {
        boolean byOwner() {
            return membership.isEmpty();
        }

        /** Whether the caller may read this derivative (renditions always; originals when allowed). */
        boolean mayRead(boolean original) {
            return !original || membership.map(AlbumMember::originals).orElse(true);
        }
    }

    private final AlbumRepository albums;
    private final PhotoRepository photos;
    private final ShareRepository shares;

    Access(AlbumRepository albums, PhotoRepository photos, ShareRepository shares) {
        this.albums = albums;
        this.photos = photos;
        this.shares = shares;
    }

    /**
     * The album, if the actor may do {@code right} to it.
     *
     * @throws NotFoundException when the actor neither owns the album nor is its member
     * @throws AccessDeniedException when the actor is a member whose role does not grant {@code right}
     */
    AlbumGrant album(UserId actor, AlbumId id, Right right) {
        Validation.required("actor", actor);
        Validation.required("albumId", id);
        Optional<Album> own = albums.find(actor, id);
        if (own.isPresent()) {
            return new AlbumGrant(own.get(), Optional.empty());
        }
        AlbumMember member = shares.findMember(id, actor).orElseThrow(() -> new NotFoundException("album", id));
        Album album = albums.find(member.ownerId(), id).orElseThrow(() -> new NotFoundException("album", id));
        if (!grants(member, right, Optional.empty())) {
            throw denied(right, "album " + id, member);
        }
        return new AlbumGrant(album, Optional.of(member));
    }

    /**
     * The photo, if the actor may do {@code right} to it.
     *
     * @throws NotFoundException when the actor neither owns the photo nor is a member of its album
     * @throws AccessDeniedException when the actor is a member whose role does not grant {@code right}
     */
    PhotoGrant photo(UserId actor, PhotoId id, Right right) {
        PhotoGrant grant = findPhoto(actor, id).orElseThrow(() -> new NotFoundException("photo", id));
        grant.membership().ifPresent(member -> {
            if (!grants(member, right, Optional.of(grant.photo()))) {
                throw denied(right, "photo " + id, member);
            }
        });
        return grant;
    }

    /**
     * The photo as the actor sees it, whatever they may do to it; empty when they do not see it. A
     * photo someone else owns is looked for with each owner who shared an album with the actor, then
     * the membership of its album (where it is now) decides.
     */
    Optional<PhotoGrant> findPhoto(UserId actor, PhotoId id) {
        Validation.required("actor", actor);
        Validation.required("photoId", id);
        Optional<Photo> own = photos.find(actor, id);
        if (own.isPresent()) {
            return Optional.of(new PhotoGrant(own.get(), Optional.empty()));
        }
        Set<UserId> owners = new LinkedHashSet<>();
        Optional<String> after = Optional.empty();
        do {
            Slice<AlbumMember> batch = shares.listSharedWith(actor, MEMBERSHIP_BATCH, after);
            for (AlbumMember member : batch.items()) {
                if (!owners.add(member.ownerId())) {
                    continue;
                }
                Optional<Photo> photo = photos.find(member.ownerId(), id);
                if (photo.isPresent()) {
                    return shares.findMember(photo.get().albumId(), actor)
                            .map(membership -> new PhotoGrant(photo.get(), Optional.of(membership)));
                }
            }
            after = batch.next();
        } while (after.isPresent());
        return Optional.empty();
    }

    /** The membership of {@code member} in {@code album} as it is now: empty once revoked or the album is deleted. */
    Optional<AlbumMember> membership(AlbumId album, UserId member) {
        return shares.findMember(album, member);
    }

    private static boolean grants(AlbumMember member, Right right, Optional<Photo> photo) {
        return switch (right) {
            case READ -> true;
            case READ_ORIGINALS -> member.originals();
            case CONTRIBUTE -> member.contributes();
            case EDIT -> member.contributes() && photo.map(p -> p.uploaderId().equals(member.memberId())).orElse(false);
            case MANAGE -> false;
        };
    }

    private static AccessDeniedException denied(Right right, String what, AlbumMember member) {
        String action = switch (right) {
            case READ -> "see " + what;
            case READ_ORIGINALS -> "read the original of " + what;
            case CONTRIBUTE -> "upload into " + what;
            case EDIT -> "change or delete " + what;
            case MANAGE -> "manage " + what;
        };
        String reason = switch (right) {
            case READ_ORIGINALS -> "the owner shared renditions only";
            case EDIT -> member.contributes() ? "only the owner and its uploader may" : "a viewer may not";
            case CONTRIBUTE -> "a viewer may not";
            default -> "only the owner may";
        };
        return new AccessDeniedException(action, reason);
    }
}
