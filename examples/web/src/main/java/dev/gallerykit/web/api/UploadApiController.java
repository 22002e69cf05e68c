package dev.gallerykit.web.api;

import dev.gallerykit.DirectUpload;
import dev.gallerykit.DirectUploadRequest;
import dev.gallerykit.Gallery;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Photo;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Direct upload: the client announces the file, PUTs the bytes straight to the blob store with the
 * presigned request it gets (its headers exactly as given), then completes with the upload token,
 * which checks the bytes and makes the photo. The bytes never pass through the app.
 */
@RestController
class UploadApiController {

    private final Gallery gallery;

    UploadApiController(Gallery gallery) {
        this.gallery = gallery;
    }

    @PostMapping("/api/v1/albums/{albumId}/uploads")
    ResponseEntity<UploadJson> start(ApiUser user, @PathVariable String albumId, @RequestBody Announce body) {
        DirectUpload upload = gallery.photos().startDirectUpload(user.id(), AlbumId.parse(albumId),
                DirectUploadRequest.of(Requests.required("fileName", body.fileName()),
                        Requests.required("contentType", body.contentType()), Requests.required("size", body.size())));
        return ResponseEntity.status(201).body(UploadJson.of(upload));
    }

    /** Completing again, or many times at once, answers the same photo. */
    @PostMapping("/api/v1/uploads/complete")
    ResponseEntity<PhotoJson> complete(ApiUser user, @RequestBody Complete body) {
        Photo photo = gallery.photos().completeDirectUpload(user.id(),
                Requests.required("uploadToken", body.uploadToken()));
        return ResponseEntity.ok().location(URI.create("/api/v1/photos/" + photo.id())).body(PhotoJson.of(photo));
    }

    record Announce(String fileName, String contentType, Long size) {
    }

    record Complete(String uploadToken) {
    }

    /** A started direct upload: send {@code put}, then complete with {@code uploadToken} before {@code expiresAt}. */
    record UploadJson(String photoId, String uploadToken, String expiresAt, PutJson put) {

        static UploadJson of(DirectUpload upload) {
            return new UploadJson(upload.photoId().toString(), upload.token(), upload.expiresAt().toString(),
                    new PutJson(upload.put().method(), upload.put().uri().toString(), upload.put().headers()));
        }
    }

    /** The request to send the bytes with, headers exactly as given. */
    record PutJson(String method, String url, Map<String, String> headers) {
    }
}
