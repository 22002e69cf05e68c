package dev.gallerykit.web.pages;

import dev.gallerykit.Gallery;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumMember;
import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.ShareLink;
import dev.gallerykit.domain.User;
import dev.gallerykit.web.session.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The album page, for its owner and for its members. The owner gets every control: cover, upload, name
 * and description, delete, the members and the share links. A member gets the grid, and the upload forms
 * when they contribute. What the page leaves out the gallery refuses anyway.
 */
@Component
class AlbumPage {

    static final int PHOTOS_PER_PAGE = 24;
    /** Members read per round: the page lists them all. */
    static final int MEMBERS_PER_READ = 100;
    /** The newest links shown; older ones, revoked or expired mostly, are left off. */
    static final int LINKS_SHOWN = 50;
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Gallery gallery;
    private final PhotoLinks links;
    private final AlbumRoles roles;
    private final Clock clock;

    AlbumPage(Gallery gallery, PhotoLinks links, AlbumRoles roles, ObjectProvider<Clock> clock) {
        this.gallery = gallery;
        this.links = links;
        this.roles = roles;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    String show(CurrentUser user, Album album, Optional<String> cursor, Model model) {
        AlbumRoles.Role role = roles.of(user.id(), album);
        Page<Photo> page = gallery.photos().list(user.id(), album.id(), new PageRequest(PHOTOS_PER_PAGE, cursor));
        model.addAttribute("album", album);
        model.addAttribute("coverId", album.cover().orElse(null));
        List<PhotoLinks.Card> cards = links.cards(user.id(), page.items());
        model.addAttribute("cards", cards);
        // The page's script asks for these photos' status until one of them changes, then reloads.
        model.addAttribute("processing", cards.stream().anyMatch(card -> card.photo().processing().isProcessing()));
        model.addAttribute("next", page.nextCursor().orElse(null));
        model.addAttribute("paged", cursor.isPresent());
        model.addAttribute("owner", role.owner());
        model.addAttribute("contributor", role.contributes());
        if (role.owner()) {
            model.addAttribute("members", members(user, album));
            Page<ShareLink> shown = gallery.sharing().links(user.id(), album.id(), PageRequest.first(LINKS_SHOWN));
            Instant now = clock.instant();
            model.addAttribute("links", shown.items().stream().map(link -> LinkRow.of(link, now)).toList());
            model.addAttribute("moreLinks", shown.nextCursor().isPresent());
        } else {
            model.addAttribute("role", role.label());
            model.addAttribute("sharedBy", roles.nameOf(album.ownerId()));
        }
        return "album";
    }

    private List<MemberRow> members(CurrentUser user, Album album) {
        List<MemberRow> rows = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<AlbumMember> page = gallery.sharing().members(user.id(), album.id(),
                    new PageRequest(MEMBERS_PER_READ, cursor));
            for (AlbumMember member : page.items()) {
                Optional<User> account = roles.find(member.memberId());
                rows.add(new MemberRow(member, account.map(AlbumRoles::name).orElse("a deleted account"),
                        account.map(User::email).orElse("")));
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return rows;
    }

    /** A member of the owner's album, with the name and email of their account. */
    record MemberRow(AlbumMember member, String name, String email) {

        public String role() {
            return member.contributes() ? "contributor" : "viewer";
        }
    }

    /** A share link of the owner's album and its state: active, expired or revoked. */
    record LinkRow(ShareLink link, String state, String created, String expires) {

        static LinkRow of(ShareLink link, Instant now) {
            String state = link.revokedAt().isPresent() ? "revoked" : link.activeAt(now) ? "active" : "expired";
            return new LinkRow(link, state, WHEN.format(link.createdAt()),
                    link.expiresAt().map(WHEN::format).orElse("never"));
        }

        public boolean active() {
            return "active".equals(state);
        }
    }
}
