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
import dev.gallerykit.web.session.CurrentUser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The photo page (the 1280 px rendition and the EXIF table), editing tags, moving, deleting, and search by tag. */
@Controller
class PhotoController {

    static final int RESULTS_PER_PAGE = 24;

    private final Gallery gallery;
    private final PhotoLinks links;

    PhotoController(Gallery gallery, PhotoLinks links) {
        this.gallery = gallery;
        this.links = links;
    }

    @GetMapping("/photos/{id}")
    String photo(CurrentUser user, @PathVariable String id, Model model) {
        Photo photo = gallery.photos().get(user.id(), PhotoId.parse(id));
        Album album = gallery.albums().get(user.id(), photo.albumId());
        model.addAttribute("photo", photo);
        model.addAttribute("album", album);
        model.addAttribute("previewUrl", links.preview(user.id(), photo).orElse(null));
        model.addAttribute("exif", ExifRows.of(photo));
        model.addAttribute("userTags", String.join(", ", userTags(photo)));
        model.addAttribute("albums", allAlbums(user));
        return "photo";
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

    /** Replaces the user tags with the comma-separated list given (machine labels stay as they are). */
    @PostMapping("/photos/{id}/tags")
    String tags(CurrentUser user, @PathVariable String id, @RequestParam(defaultValue = "") String tags) {
        List<String> values = Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        Photo photo = gallery.photos().update(user.id(), PhotoId.parse(id), PhotoUpdate.of(u -> u.tags(values)));
        return "redirect:/photos/" + photo.id();
    }

    @GetMapping("/search")
    String search(CurrentUser user, @RequestParam Optional<String> tag, @RequestParam Optional<String> cursor,
                  Model model) {
        Optional<String> wanted = tag.map(String::strip).filter(t -> !t.isEmpty());
        model.addAttribute("tag", wanted.orElse(""));
        if (wanted.isPresent()) {
            Page<Photo> page = gallery.photos().search(user.id(), PhotoQuery.of(q -> q.tags(wanted.get())),
                    new PageRequest(RESULTS_PER_PAGE, cursor));
            model.addAttribute("cards", links.cards(user.id(), page.items()));
            model.addAttribute("next", page.nextCursor().orElse(null));
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
