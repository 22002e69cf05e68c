package dev.gallerykit.web.pages;

import dev.gallerykit.Gallery;
import dev.gallerykit.IssuedLink;
import dev.gallerykit.LinkSettings;
import dev.gallerykit.SharedAlbum;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.AlbumRole;
import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.ShareLinkId;
import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.AccessDeniedException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.web.session.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Sharing an album: the owner's members (share by email as viewer or contributor, change a role, revoke) and
 * share links (make one, shown once, and revoke it), and the albums others shared with the user, which they
 * may leave. The gallery decides who may do what: a member who posts an owner's form gets its
 * {@code AccessDeniedException}, answered 403 (ErrorPages).
 */
@Controller
class SharingController {

    static final int SHARED_PER_PAGE = 24;
    /** Longest expiry a link form takes: ten years. */
    static final int MAX_EXPIRY_DAYS = 3650;

    private final Gallery gallery;
    private final AlbumPage albumPage;
    private final AlbumRoles roles;
    private final PhotoLinks links;
    private final Clock clock;

    SharingController(Gallery gallery, AlbumPage albumPage, AlbumRoles roles, PhotoLinks links,
                      ObjectProvider<Clock> clock) {
        this.gallery = gallery;
        this.albumPage = albumPage;
        this.roles = roles;
        this.links = links;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /**
     * Shares the album with the account of {@code email}, or, for a member already, changes their role and
     * originals switch. An email without an account, or with one that cannot hold albums (not confirmed yet,
     * being deleted), is said so on the page, next to the form, with what was typed.
     */
    @PostMapping("/albums/{id}/members")
    String share(CurrentUser user, @PathVariable String id, @RequestParam(defaultValue = "") String email,
                 @RequestParam(defaultValue = "viewer") String role, @RequestParam(defaultValue = "false") boolean originals,
                 Model model, HttpServletResponse response) {
        Album album = gallery.albums().get(user.id(), AlbumId.parse(id));
        if (!album.ownerId().equals(user.id())) {
            // The email is looked up before the gallery is asked: a member is refused before that tells them anything.
            throw new AccessDeniedException("share album " + album.id(), "only the owner may");
        }
        AlbumRole parsed = role(role);
        Optional<User> member = email.isBlank() ? Optional.empty() : roles.findByEmail(email);
        String problem = null;
        if (member.isEmpty()) {
            problem = "There is no account with that email.";
        } else if (member.get().id().equals(user.id())) {
            problem = "That is your own email: the album is yours already.";
        } else {
            try {
                gallery.sharing().share(user.id(), album.id(), member.get().id(), parsed, originals);
                return "redirect:/albums/" + album.id() + "?shared#members";
            } catch (NotFoundException e) {
                if (!"user".equals(e.kind())) {
                    throw e;
                }
                problem = "There is no account with that email that can be shared with yet.";
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("memberProblem", problem);
        model.addAttribute("memberEmail", email);
        model.addAttribute("memberRole", role);
        model.addAttribute("memberOriginals", originals);
        return show(user, album, model);
    }

    /**
     * Changes a member's role and originals switch: sharing again with them. Only the owner may (the gallery
     * checks), and an owner may share with any account, so the id needs no other check.
     */
    @PostMapping("/albums/{id}/members/{memberId}")
    String change(CurrentUser user, @PathVariable String id, @PathVariable String memberId,
                  @RequestParam(defaultValue = "viewer") String role, @RequestParam(defaultValue = "false") boolean originals) {
        AlbumId album = AlbumId.parse(id);
        gallery.sharing().share(user.id(), album, UserId.parse(memberId), role(role), originals);
        return "redirect:/albums/" + album + "?memberChanged#members";
    }

    @PostMapping("/albums/{id}/members/{memberId}/revoke")
    String revoke(CurrentUser user, @PathVariable String id, @PathVariable String memberId) {
        AlbumId album = AlbumId.parse(id);
        gallery.sharing().unshare(user.id(), album, UserId.parse(memberId));
        return "redirect:/albums/" + album + "?memberRevoked#members";
    }

    /**
     * Makes a share link and shows its address on the album page, this once: the gallery keeps only a hash of
     * its token. No redirect, since the address must not be put anywhere to show it again.
     */
    @PostMapping("/albums/{id}/links")
    String createLink(CurrentUser user, @PathVariable String id, @RequestParam(defaultValue = "") String expiresInDays,
                      @RequestParam(defaultValue = "") String password,
                      @RequestParam(defaultValue = "false") boolean allowOriginals,
                      @RequestParam(defaultValue = "false") boolean showLocation,
                      Model model, HttpServletResponse response) {
        Album album = gallery.albums().get(user.id(), AlbumId.parse(id));
        if (!album.ownerId().equals(user.id())) {
            // The form is read before the gallery is asked: a member is refused first, whatever they typed.
            throw new AccessDeniedException("make a link to album " + album.id(), "only the owner may");
        }
        try {
            LinkSettings settings = LinkSettings.defaults().allowingOriginals(allowOriginals).showingLocation(showLocation);
            if (!expiresInDays.isBlank()) {
                settings = settings.expiringAt(clock.instant().plus(Duration.ofDays(days(expiresInDays))));
            }
            if (!password.isEmpty()) {
                settings = settings.withPassword(password);
            }
            IssuedLink issued = gallery.sharing().createLink(user.id(), album.id(), settings);
            model.addAttribute("newLinkUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
                    .path("/s/{token}").buildAndExpand(issued.token()).toUriString());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("linkProblem", e.getMessage());
            model.addAttribute("linkExpiresInDays", expiresInDays);
            model.addAttribute("linkAllowOriginals", allowOriginals);
            model.addAttribute("linkShowLocation", showLocation);
        }
        return show(user, album, model);
    }

    /** Revokes a link: it and every visit it started stop at once. It stays listed, with its views. */
    @PostMapping("/albums/{id}/links/{linkId}/revoke")
    String revokeLink(CurrentUser user, @PathVariable String id, @PathVariable String linkId) {
        AlbumId album = AlbumId.parse(id);
        gallery.sharing().revokeLink(user.id(), album, ShareLinkId.parse(linkId));
        return "redirect:/albums/" + album + "?linkRevoked#links";
    }

    /** The albums others shared with the user, newest first, with their owner and the user's role. */
    @GetMapping("/shared")
    String shared(CurrentUser user, @RequestParam Optional<String> cursor, Model model) {
        Page<SharedAlbum> page = gallery.sharing().sharedWithMe(user.id(), new PageRequest(SHARED_PER_PAGE, cursor));
        model.addAttribute("albums", page.items().stream().map(shared -> new SharedCard(shared,
                roles.nameOf(shared.album().ownerId()), links.cover(user.id(), shared.album()).orElse(null))).toList());
        model.addAttribute("next", page.nextCursor().orElse(null));
        model.addAttribute("paged", cursor.isPresent());
        return "shared";
    }

    /** Ends the user's membership of someone else's album: it leaves their "shared with me". */
    @PostMapping("/albums/{id}/leave")
    String leave(CurrentUser user, @PathVariable String id) {
        gallery.sharing().leave(user.id(), AlbumId.parse(id));
        return "redirect:/shared?left";
    }

    private String show(CurrentUser user, Album album, Model model) {
        model.addAttribute("editName", album.name());
        model.addAttribute("editDescription", album.description());
        return albumPage.show(user, album, Optional.empty(), model);
    }

    private static AlbumRole role(String text) {
        return switch (text) {
            case "viewer" -> AlbumRole.VIEWER;
            case "contributor" -> AlbumRole.CONTRIBUTOR;
            default -> throw new InvalidInputException("role", "must be viewer or contributor");
        };
    }

    private static long days(String text) {
        long days;
        try {
            days = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("expiry", "must be a whole number of days");
        }
        if (days < 1 || days > MAX_EXPIRY_DAYS) {
            throw new InvalidInputException("expiry", "must be between 1 and " + MAX_EXPIRY_DAYS + " days");
        }
        return days;
    }

    /** An album shared with the user; {@code coverUrl} is null when there is no cover thumbnail to show. */
    record SharedCard(SharedAlbum shared, String ownerName, String coverUrl) {

        public String role() {
            return shared.membership().contributes() ? "contributor" : "viewer";
        }
    }
}
