package dev.gallerykit.web.api;

import dev.gallerykit.AlbumUpdate;
import dev.gallerykit.Gallery;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.error.InvalidInputException;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's albums: list (or search by name and description), create, get, rename or describe, delete. */
@RestController
@RequestMapping("/api/v1/albums")
class AlbumApiController {

    private final Gallery gallery;

    AlbumApiController(Gallery gallery) {
        this.gallery = gallery;
    }

    /** Newest first; with {@code text}, only the albums whose name or description contains it. */
    @GetMapping
    PageJson<AlbumJson> list(ApiUser user, @RequestParam Optional<String> text, @RequestParam Optional<Integer> limit,
                             @RequestParam Optional<String> cursor) {
        var page = Requests.page(limit, cursor);
        return PageJson.of(text.isPresent()
                ? gallery.albums().search(user.id(), text.get(), page)
                : gallery.albums().list(user.id(), page), AlbumJson::of);
    }

    @PostMapping
    ResponseEntity<AlbumJson> create(ApiUser user, @RequestBody AlbumChange body) {
        Album album = gallery.albums().create(user.id(), Requests.required("name", body.name()),
                Optional.ofNullable(body.description()).orElse(""));
        return ResponseEntity.created(URI.create("/api/v1/albums/" + album.id())).body(AlbumJson.of(album));
    }

    @GetMapping("/{albumId}")
    AlbumJson get(ApiUser user, @PathVariable String albumId) {
        return AlbumJson.of(gallery.albums().get(user.id(), AlbumId.parse(albumId)));
    }

    /** Renames and/or describes; a field left out stays as it is. */
    @PatchMapping("/{albumId}")
    AlbumJson update(ApiUser user, @PathVariable String albumId, @RequestBody AlbumChange body) {
        AlbumId id = AlbumId.parse(albumId);
        if (body.name() == null && body.description() == null) {
            throw new InvalidInputException("body", "changes nothing: give name or description");
        }
        // One write: when either field is refused, neither changes.
        return AlbumJson.of(gallery.albums().update(user.id(), id,
                new AlbumUpdate(Optional.ofNullable(body.name()), Optional.ofNullable(body.description()))));
    }

    /** Deletes the album with every photo in it; idempotent, so a second delete also answers 204. */
    @DeleteMapping("/{albumId}")
    ResponseEntity<Void> delete(ApiUser user, @PathVariable String albumId) {
        gallery.albums().delete(user.id(), AlbumId.parse(albumId));
        return ResponseEntity.noContent().build();
    }

    record AlbumChange(String name, String description) {
    }
}
