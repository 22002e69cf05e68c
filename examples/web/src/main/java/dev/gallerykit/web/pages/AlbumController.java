package dev.gallerykit.web.pages;

import dev.gallerykit.AlbumUpdate;
import dev.gallerykit.Gallery;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.web.session.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The album list with covers, creating, editing and deleting albums, an album's grid of thumbnails, and uploads
 * (by the owner, or by a contributor of a shared album).
 */
@Controller
class AlbumController {

    static final int ALBUMS_PER_PAGE = 24;

    private final Gallery gallery;
    private final PhotoLinks links;
    private final AlbumPage albumPage;

    AlbumController(Gallery gallery, PhotoLinks links, AlbumPage albumPage) {
        this.gallery = gallery;
        this.links = links;
        this.albumPage = albumPage;
    }

    @GetMapping("/albums")
    String albums(CurrentUser user, @RequestParam Optional<String> cursor, Model model) {
        Page<Album> page = gallery.albums().list(user.id(), new PageRequest(ALBUMS_PER_PAGE, cursor));
        model.addAttribute("albums", page.items().stream()
                .map(album -> new PhotoLinks.AlbumCard(album, links.cover(user.id(), album).orElse(null))).toList());
        model.addAttribute("next", page.nextCursor().orElse(null));
        model.addAttribute("paged", cursor.isPresent());
        return "albums";
    }

    @PostMapping("/albums")
    String create(CurrentUser user, @RequestParam String name, @RequestParam(defaultValue = "") String description) {
        Album album = gallery.albums().create(user.id(), name, description);
        return "redirect:/albums/" + album.id();
    }

    /** The album's page: with every control for its owner, in member mode for those it is shared with (AlbumPage). */
    @GetMapping("/albums/{id}")
    String album(CurrentUser user, @PathVariable String id, @RequestParam Optional<String> cursor,
                 @RequestParam Optional<Integer> uploaded, Model model) {
        Album album = gallery.albums().get(user.id(), AlbumId.parse(id));
        uploaded.filter(count -> count > 0).ifPresent(count -> model.addAttribute("uploaded", count));
        model.addAttribute("editName", album.name());
        model.addAttribute("editDescription", album.description());
        return albumPage.show(user, album, cursor, model);
    }

    /**
     * Renames and describes the album in one write of the gallery, which owns the rules for both fields:
     * when it refuses one, nothing changes and the page shows why next to the form, with what was typed.
     */
    @PostMapping("/albums/{id}/edit")
    String edit(CurrentUser user, @PathVariable String id, @RequestParam String name,
                @RequestParam(defaultValue = "") String description, Model model, HttpServletResponse response) {
        Album album = gallery.albums().get(user.id(), AlbumId.parse(id));
        try {
            if (!name.strip().equals(album.name()) || !description.equals(album.description())) {
                album = gallery.albums().update(user.id(), album.id(),
                        AlbumUpdate.of(u -> u.name(name).description(description)));
            }
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("editName", name);
            model.addAttribute("editDescription", description);
            model.addAttribute("editProblem", e.getMessage());
            return albumPage.show(user, album, Optional.empty(), model);
        }
        return "redirect:/albums/" + album.id();
    }

    /** Makes one of the album's photos its cover, the picture the album list shows for it. */
    @PostMapping("/albums/{id}/cover")
    String cover(CurrentUser user, @PathVariable String id, @RequestParam String photoId) {
        Album album = gallery.albums().setCover(user.id(), AlbumId.parse(id), PhotoId.parse(photoId));
        return "redirect:/albums/" + album.id();
    }

    @PostMapping("/albums/{id}/delete")
    String delete(CurrentUser user, @PathVariable String id) {
        gallery.albums().delete(user.id(), AlbumId.parse(id));
        return "redirect:/albums";
    }

    /**
     * Uploads each file in turn: the gallery streams it, checks its real type and limits, reads its
     * EXIF and makes the renditions. A file that fails stops the rest; those before it stay uploaded.
     */
    @PostMapping("/albums/{id}/photos")
    String upload(CurrentUser user, @PathVariable String id, @RequestParam("files") List<MultipartFile> files) {
        AlbumId album = AlbumId.parse(id);
        List<MultipartFile> chosen = files.stream().filter(file -> !file.isEmpty()).toList();
        if (chosen.isEmpty()) {
            throw new InvalidInputException("files", "are missing: choose one or more photos");
        }
        for (MultipartFile file : chosen) {
            String name = Optional.ofNullable(file.getOriginalFilename()).filter(n -> !n.isBlank()).orElse("photo");
            try (InputStream content = file.getInputStream()) {
                gallery.photos().upload(user.id(), album, Upload.of(content, name));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the uploaded file " + name, e);
            }
        }
        // A query parameter, not a flash attribute: those live in a servlet session, which this app never opens.
        return "redirect:/albums/" + album + "?uploaded=" + chosen.size();
    }
}
