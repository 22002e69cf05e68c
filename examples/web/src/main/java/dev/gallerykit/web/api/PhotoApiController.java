package dev.gallerykit.web.api;

import dev.gallerykit.Gallery;
import dev.gallerykit.PhotoUpdate;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.spi.PresignedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The caller's photos: list an album's, upload through the app, get with presigned URLs, edit, move, delete. */
@RestController
class PhotoApiController {

    /** How long the presigned GET URLs of a photo's files work. */
    static final Duration URL_TTL = Duration.ofMinutes(15);

    private final Gallery gallery;

    PhotoApiController(Gallery gallery) {
        this.gallery = gallery;
    }

    /** The album's photos, newest first. */
    @GetMapping("/api/v1/albums/{albumId}/photos")
    PageJson<PhotoJson> list(ApiUser user, @PathVariable String albumId, @RequestParam Optional<Integer> limit,
                             @RequestParam Optional<String> cursor) {
        return PageJson.of(gallery.photos().list(user.id(), AlbumId.parse(albumId), Requests.page(limit, cursor)),
                PhotoJson::of);
    }

    /**
     * Uploads one photo as a multipart {@code file}; the gallery streams it, checks its real type and
     * limits, reads its EXIF and makes the renditions before it answers.
     */
    @PostMapping(path = "/api/v1/albums/{albumId}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PhotoJson> upload(ApiUser user, @PathVariable String albumId,
                                     @RequestPart("file") MultipartFile file, @RequestParam Optional<String> title,
                                     @RequestParam Optional<String> description,
                                     @RequestParam Optional<List<String>> tags) {
        AlbumId album = AlbumId.parse(albumId);
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "is empty");
        }
        String name = Optional.ofNullable(file.getOriginalFilename()).filter(n -> !n.isBlank()).orElse("photo");
        Photo photo;
        try (InputStream content = file.getInputStream()) {
            photo = gallery.photos().upload(user.id(), album, Upload.of(u -> u.content(content).fileName(name)
                    .title(title.orElse(null)).description(description.orElse("")).tags(tags.orElse(List.of()))));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded file " + name, e);
        }
        return ResponseEntity.created(URI.create("/api/v1/photos/" + photo.id())).body(PhotoJson.of(photo));
    }

    /** One photo, with a presigned GET URL for the original and each rendition. */
    @GetMapping("/api/v1/photos/{photoId}")
    PhotoJson get(ApiUser user, @PathVariable String photoId) {
        Photo photo = gallery.photos().get(user.id(), PhotoId.parse(photoId));
        return PhotoJson.of(photo, derivative -> {
            PresignedRequest get = gallery.photos().url(user.id(), photo.id(), derivative.name(), URL_TTL);
            return new PhotoJson.Link(get.uri().toString(), get.expiresAt().toString());
        });
    }

    /** Changes the title, description and/or user tags; a field left out stays, machine tags always stay. */
    @PatchMapping("/api/v1/photos/{photoId}")
    PhotoJson update(ApiUser user, @PathVariable String photoId, @RequestBody PhotoChange body) {
        PhotoUpdate update = PhotoUpdate.of(u -> u.title(body.title()).description(body.description())
                .tags(body.tags()));
        if (update.isEmpty()) {
            throw new InvalidInputException("body", "changes nothing: give title, description or tags");
        }
        return PhotoJson.of(gallery.photos().update(user.id(), PhotoId.parse(photoId), update));
    }

    /** Moves the photo to another of the caller's albums. */
    @PostMapping("/api/v1/photos/{photoId}/move")
    PhotoJson move(ApiUser user, @PathVariable String photoId, @RequestBody Move body) {
        return PhotoJson.of(gallery.photos().move(user.id(), PhotoId.parse(photoId),
                AlbumId.parse(Requests.required("albumId", body.albumId()))));
    }

    /** Deletes the photo and its files; idempotent, so a second delete also answers 204. */
    @DeleteMapping("/api/v1/photos/{photoId}")
    ResponseEntity<Void> delete(ApiUser user, @PathVariable String photoId) {
        gallery.photos().delete(user.id(), PhotoId.parse(photoId));
        return ResponseEntity.noContent().build();
    }

    record PhotoChange(String title, String description, List<String> tags) {
    }

    record Move(String albumId) {
    }
}
