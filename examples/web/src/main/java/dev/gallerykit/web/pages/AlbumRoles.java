package dev.gallerykit.web.pages;

import dev.gallerykit.Gallery;
import dev.gallerykit.SharedAlbum;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumMember;
import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.spi.UserRepository;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who the signed-in user is to an album they see, so that a page offers only what they may do (the gallery
 * refuses the rest anyway), and the names of the people sharing it.
 */
@Component
class AlbumRoles {

    /** Memberships read per round while looking for the user's membership of one album. */
    static final int MEMBERSHIPS_PER_READ = 100;

    private final Gallery gallery;
    private final UserRepository users;

    AlbumRoles(Gallery gallery, UserRepository users) {
        this.gallery = gallery;
        this.users = users;
    }

    /**
     * The user's part in an album they see: its owner, or a member. The gallery answers a member's
     * membership only among all of theirs, so those are read until this album's is found; when it went away
     * meanwhile (revoked), the user is taken for a viewer, and the gallery refuses what a viewer may not do.
     */
    Role of(UserId user, Album album) {
        if (album.ownerId().equals(user)) {
            return new Role(user, true, Optional.empty());
        }
        Optional<String> cursor = Optional.empty();
        do {
            Page<SharedAlbum> page = gallery.sharing().sharedWithMe(user, new PageRequest(MEMBERSHIPS_PER_READ, cursor));
            Optional<AlbumMember> found = page.items().stream().map(SharedAlbum::membership)
                    .filter(membership -> membership.albumId().equals(album.id())).findFirst();
            if (found.isPresent()) {
                return new Role(user, false, found);
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return new Role(user, false, Optional.empty());
    }

    /** The name to show for a user: their display name, else their email; a deleted account is said so. */
    String nameOf(UserId id) {
        return users.findById(id).map(AlbumRoles::name).orElse("a deleted account");
    }

    Optional<User> find(UserId id) {
        return users.findById(id);
    }

    Optional<User> findByEmail(String email) {
        return users.findByEmail(email.strip());
    }

    static String name(User user) {
        return user.displayName().isBlank() ? user.email() : user.displayName();
    }

    /**
     * The user's part in an album: its owner, or a member ({@code membership} empty when it was not found,
     * see {@link AlbumRoles#of}).
     */
    record Role(UserId user, boolean owner, Optional<AlbumMember> membership) {

        /** A member who may upload into the album. */
        boolean contributes() {
            return membership.map(AlbumMember::contributes).orElse(false);
        }

        /** Whether the user may change or delete the photo: its owner, or the contributor who uploaded it. */
        boolean mayEdit(Photo photo) {
            return owner || contributes() && photo.uploaderId().equals(user);
        }

        /** "viewer" or "contributor"; empty for the owner. */
        String label() {
            return owner ? "" : contributes() ? "contributor" : "viewer";
        }
    }
}
