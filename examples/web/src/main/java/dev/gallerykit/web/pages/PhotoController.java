package dev.gallerykit.web.pages;

import dev.gallerykit.Gallery;
import dev.gallerykit.PhotoUpdate;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.TagSource;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.web.session.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The photo page (the 1280 px rendition, the EXIF table, the place on a map), editing its title,
 * description and tags, moving, deleting, and search by text, tag, days and place.
 */
@Controller
class PhotoController {

    static final int RESULTS_PER_PAGE = 24;
    /**
     * Photos of the album drawn on the photo page's map around it: the first this many inside the panel.
     * The album bounds the read of every photo page view (on DynamoDB it is the index partition; the
     * owner's whole library would be filtered otherwise); "photos near here" searches all of them.
     */
    static final int MAP_DOTS = 50;

    private final Gallery gallery;
    private final PhotoLinks links;
    private final AlbumRoles roles;

    PhotoController(Gallery gallery, PhotoLinks links, AlbumRoles roles) {
        this.gallery = gallery;
        this.links = links;
        this.roles = roles;
    }

    @GetMapping("/photos/{id}")
    String photo(CurrentUser user, @PathVariable String id, Model model) {
        Photo photo = gallery.photos().get(user.id(), PhotoId.parse(id));
        model.addAttribute("editTitle", photo.title());
        model.addAttribute("editDescription", photo.description());
        model.addAttribute("editTags", String.join(", ", userTags(photo)));
        return show(user, photo, model);
    }

    /**
     * Sets the title, the description and the user tags (comma-separated; machine labels stay as they
     * are) in one write: either all three change or, when the gallery refuses one, none does and the
     * page shows why next to the form, with what was typed.
     */
    @PostMapping("/photos/{id}/edit")
    String edit(CurrentUser user, @PathVariable String id, @RequestParam(defaultValue = "") String title,
                @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String tags,
                Model model, HttpServletResponse response) {
        PhotoId photoId = PhotoId.parse(id);
        List<String> values = Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        try {
            Photo photo = gallery.photos().update(user.id(), photoId,
                    PhotoUpdate.of(u -> u.title(title.strip()).description(description.strip()).tags(values)));
            return "redirect:/photos/" + photo.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("editTitle", title);
            model.addAttribute("editDescription", description);
            model.addAttribute("editTags", tags);
            model.addAttribute("editProblem", e.getMessage());
            return show(user, gallery.photos().get(user.id(), photoId), model);
        }
    }

    /**
     * The photo page. In an album shared with the user it is in member mode: no move, and no edit or delete
     * unless the user contributes and uploaded the photo; tags and the place search only the user's own photos,
     * so they are not offered as searches there.
     */
    private String show(CurrentUser user, Photo photo, Model model) {
        Album album = gallery.albums().get(user.id(), photo.albumId());
        AlbumRoles.Role role = roles.of(user.id(), album);
        model.addAttribute("photo", photo);
        model.addAttribute("album", album);
        model.addAttribute("owner", role.owner());
        model.addAttribute("mayEdit", role.mayEdit(photo));
        if (!photo.uploaderId().equals(photo.ownerId())) {
            model.addAttribute("uploadedBy", roles.nameOf(photo.uploaderId()));
        }
        model.addAttribute("previewUrl", links.preview(user.id(), photo).orElse(null));
        model.addAttribute("status", photo.status().name().toLowerCase(Locale.ROOT));
        model.addAttribute("statusReason", photo.processing().reason().orElse(null));
        model.addAttribute("exif", ExifRows.of(photo));
        if (role.owner()) {
            model.addAttribute("albums", allAlbums(user));
        }
        photo.location().ifPresent(point -> {
            List<Photo> around = gallery.photos().search(user.id(),
                    PhotoQuery.of(q -> q.box(LocationMap.area(point)).album(photo.albumId())), new PageRequest(MAP_DOTS, Optional.empty()))
                    .items();
            LocationMap map = LocationMap.of(photo, point, around);
            model.addAttribute("map", map);
            if (role.owner()) {
                model.addAttribute("nearLink", SearchForm.around(map.area()).link(Optional.empty()));
            }
        });
        return "photo";
    }

    /**
     * Where the processing of each of the given photos stands, for the pages that wait for them:
     * {@code {"<id>": "processing" | "ready" | "failed" | "gone"}}, gone for a photo deleted, or no longer
     * the user's to see. At most a page of photos at a time.
     */
    @GetMapping(value = "/photos/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, String> status(CurrentUser user, @RequestParam List<String> ids) {
        if (ids.size() > AlbumPage.PHOTOS_PER_PAGE) {
            throw new InvalidInputException("ids", "are at most " + AlbumPage.PHOTOS_PER_PAGE + ", a page of photos");
        }
        Map<String, String> statuses = new LinkedHashMap<>();
        for (String id : ids) {
            PhotoId photoId = PhotoId.parse(id);
            String status;
            try {
                status = gallery.photos().get(user.id(), photoId).status().name().toLowerCase(Locale.ROOT);
            } catch (NotFoundException gone) {
                status = "gone";
            }
            statuses.put(photoId.toString(), status);
        }
        return statuses;
    }

    /** Moves the photo to another of the user's albums; another user's album is not found (404), like a missing one. */
    @PostMapping("/photos/{id}/move")
    String move(CurrentUser user, @PathVariable String id, @RequestParam String albumId) {
        Photo photo = gallery.photos().move(user.id(), PhotoId.parse(id), AlbumId.parse(albumId));
        return "redirect:/photos/" + photo.id();
    }

    /** Deletes the photo and its files, then shows the album it was in. */
    @PostMapping("/photos/{id}/delete")
    String delete(CurrentUser user, @PathVariable String id) {
        Photo photo = gallery.photos().get(user.id(), PhotoId.parse(id));
        gallery.photos().delete(user.id(), photo.id());
        return "redirect:/albums/" + photo.albumId() + "?photoDeleted";
    }

    /**
     * Search by any of text, tag, days taken and place; the criteria given must all hold. A field the
     * gallery cannot read answers 400 on the same page, with the form as typed and the problem named.
     */
    @GetMapping("/search")
    String search(CurrentUser user, SearchForm form, @RequestParam Optional<String> cursor, Model model,
                  HttpServletResponse response) {
        model.addAttribute("form", form);
        if (form.isEmpty()) {
            return "search";
        }
        try {
            Page<Photo> page = gallery.photos().search(user.id(), form.query(),
                    new PageRequest(RESULTS_PER_PAGE, cursor));
            model.addAttribute("cards", links.cards(user.id(), page.items()));
            model.addAttribute("searched", form.describe());
            model.addAttribute("next", page.nextCursor().map(next -> form.link(Optional.of(next))).orElse(null));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("searchProblem", e.getMessage());
        }
        return "search";
    }

    /** Every album of the user, newest first, for the move select: read page by page, as the gallery lists them. */
    private List<Album> allAlbums(CurrentUser user) {
        List<Album> albums = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Album> page = gallery.albums().list(user.id(), new PageRequest(AlbumController.ALBUMS_PER_PAGE, cursor));
            albums.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return albums;
    }

    private static List<String> userTags(Photo photo) {
        return photo.tags().stream().filter(t -> t.source() == TagSource.USER).map(Tag::value).toList();
    }
}
