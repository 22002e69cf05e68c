package dev.gallerykit.web.pages;

import dev.gallerykit.Gallery;
import dev.gallerykit.LinkVisit;
import dev.gallerykit.PublicPhoto;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.LinkPasswordRequiredException;
import dev.gallerykit.error.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages of a share link, {@code /s/<token>}, for anybody who has it and no account: the password form
 * when the link has one, the album's grid of thumbnails, and a photo with a larger rendition and, when the
 * link gives it, the original to download. Where a photo was taken is shown only when the link shows it (the
 * gallery leaves it out otherwise). The link is opened once a visit ({@link VisitCookie}); a visit whose
 * ticket has run out opens it again. A link that is unknown, expired or revoked, or a wrong password, all
 * answer the same 404 page.
 */
@Controller
class LinkController {

    static final int PHOTOS_PER_PAGE = 24;
    static final String GONE = "This link does not exist, or it has ended.";
    /** What {@code LinkViews} names an expired or altered ticket. */
    static final String TICKET = "ticket";
    /** Tokens are base64url; anything else is not a link, and never reaches a cookie path or a redirect. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,200}");

    private final Gallery gallery;
    private final VisitCookie visits;
    private final Clock clock;

    LinkController(Gallery gallery, VisitCookie visits, ObjectProvider<Clock> clock) {
        this.gallery = gallery;
        this.visits = visits;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @GetMapping("/s/{token}")
    String album(@PathVariable String token, @RequestParam Optional<String> cursor, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        Optional<VisitCookie.Visit> visit = visit(token, request, response);
        model.addAttribute("token", token);
        if (visit.isEmpty()) {
            return "link-password";
        }
        String ticket = visit.get().ticket();
        try {
            Page<PublicPhoto> page = gallery.links().photos(ticket, new PageRequest(PHOTOS_PER_PAGE, cursor));
            model.addAttribute("albumName", visit.get().albumName());
            model.addAttribute("cards", page.items().stream()
                    .map(photo -> new Card(photo, thumbnail(photo).map(file -> url(ticket, photo, file)).orElse(null)))
                    .toList());
            model.addAttribute("next", page.nextCursor().orElse(null));
            model.addAttribute("paged", cursor.isPresent());
            return "link";
        } catch (InvalidInputException e) {
            return reopen(e, token, "/s/" + token, request, response);
        }
    }

    /** The password, in the body of a POST (never in an address); a wrong one answers the 404 page. */
    @PostMapping("/s/{token}")
    String password(@PathVariable String token, @RequestParam(defaultValue = "") String password,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        checked(token);
        model.addAttribute("token", token);
        if (password.isEmpty()) {
            model.addAttribute("passwordProblem", "Type the link's password.");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "link-password";
        }
        LinkVisit opened = gallery.links().open(token, Optional.of(password));
        visits.write(request, response, token, opened, clock.instant());
        return "redirect:/s/" + token;
    }

    @GetMapping("/s/{token}/photos/{id}")
    String photo(@PathVariable String token, @PathVariable String id, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        PhotoId photoId = PhotoId.parse(id);
        Optional<VisitCookie.Visit> visit = visit(token, request, response);
        if (visit.isEmpty()) {
            return "redirect:/s/" + token;
        }
        String ticket = visit.get().ticket();
        try {
            PublicPhoto photo = gallery.links().photo(ticket, photoId);
            model.addAttribute("albumName", visit.get().albumName());
            model.addAttribute("token", token);
            model.addAttribute("photo", photo);
            model.addAttribute("previewUrl", preview(photo).map(file -> url(ticket, photo, file)).orElse(null));
            model.addAttribute("originalUrl", photo.files().contains(Derivative.ORIGINAL)
                    ? url(ticket, photo, Derivative.ORIGINAL) : null);
            model.addAttribute("details", ExifRows.of(photo));
            return "link-photo";
        } catch (InvalidInputException e) {
            return reopen(e, token, "/s/" + token + "/photos/" + photoId, request, response);
        }
    }

    /** Every way a link does not open is the same page, which must not tell which it was. */
    @ExceptionHandler(NotFoundException.class)
    ModelAndView gone(HttpServletRequest request) {
        return ErrorPages.page(request, HttpStatus.NOT_FOUND, GONE);
    }

    /**
     * The visit this browser keeps for the link, or a new one: the link opened without a password. Empty
     * when the link needs its password.
     */
    private Optional<VisitCookie.Visit> visit(String token, HttpServletRequest request, HttpServletResponse response) {
        checked(token);
        Optional<VisitCookie.Visit> kept = visits.read(request, token);
        if (kept.isPresent()) {
            return kept;
        }
        try {
            return Optional.of(visits.write(request, response, token, gallery.links().open(token, Optional.empty()),
                    clock.instant()));
        } catch (LinkPasswordRequiredException e) {
            return Optional.empty();
        }
    }

    /** A ticket that ran out (or that this gallery did not issue) ends the visit: the page opens the link again. */
    private String reopen(InvalidInputException e, String token, String page, HttpServletRequest request,
                          HttpServletResponse response) {
        if (!TICKET.equals(e.field())) {
            throw e;
        }
        visits.clear(request, response, token);
        return "redirect:" + page;
    }

    private static void checked(String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw new NotFoundException("link", "(malformed)");
        }
    }

    private String url(String ticket, PublicPhoto photo, String file) {
        return gallery.links().url(ticket, photo.id(), file, PhotoLinks.TTL).uri().toString();
    }

    /** The smallest rendition, for the grid. */
    static Optional<String> thumbnail(PublicPhoto photo) {
        List<String> renditions = renditions(photo);
        return renditions.isEmpty() ? Optional.empty() : Optional.of(renditions.get(renditions.size() - 1));
    }

    /** The 1280 px rendition, or the largest there is. */
    static Optional<String> preview(PublicPhoto photo) {
        List<String> renditions = renditions(photo);
        return renditions.contains(PhotoLinks.PREVIEW) ? Optional.of(PhotoLinks.PREVIEW)
                : renditions.stream().findFirst();
    }

    /** The renditions a link gives, largest first (the original, when given, comes last in {@code files}). */
    private static List<String> renditions(PublicPhoto photo) {
        return photo.files().stream().filter(file -> !Derivative.ORIGINAL.equals(file)).toList();
    }

    /** A photo of the link's grid; {@code thumbnailUrl} is null when it has no rendition to show. */
    record Card(PublicPhoto photo, String thumbnailUrl) {

        public String label() {
            return photo.title().isBlank() ? "Photo" : photo.title();
        }

        /** {@code processing}, {@code ready} or {@code failed}, as the grid's picture fragment reads it. */
        public String status() {
            return photo.status().name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
