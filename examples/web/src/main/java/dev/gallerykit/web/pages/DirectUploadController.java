package dev.gallerykit.web.pages;

import dev.gallerykit.DirectUpload;
import dev.gallerykit.DirectUploadRequest;
import dev.gallerykit.Gallery;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.web.session.CurrentUser;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The two calls the album page's script makes around a direct upload (static/js/direct-upload.js):
 * start, which answers the presigned PUT the browser sends the bytes with, and complete, which checks
 * the bytes and makes the photo. They are page requests: the session cookies sign them in and the
 * {@code X-CSRF-Token} header carries the page's token. A failure answers the error page with its
 * status, whose message the script shows.
 */
@Controller
class DirectUploadController {

    private final Gallery gallery;

    DirectUploadController(Gallery gallery) {
        this.gallery = gallery;
    }

    @PostMapping(path = "/albums/{id}/direct-uploads", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Started start(CurrentUser user, @PathVariable String id, @RequestBody Announce file) {
        if (file.fileName() == null || file.size() == null) {
            throw new InvalidInputException("file", "needs its name and size");
        }
        String type = file.contentType() == null || file.contentType().isBlank()
                ? MediaType.APPLICATION_OCTET_STREAM_VALUE : file.contentType();
        DirectUpload upload = gallery.photos().startDirectUpload(user.id(), AlbumId.parse(id),
                DirectUploadRequest.of(file.fileName(), type, file.size()));
        return new Started(upload.token(), upload.put().method(), upload.put().uri().toString(), upload.put().headers());
    }

    /** Completing again answers the same photo, so a script that retries after a lost answer is safe. */
    @PostMapping(path = "/direct-uploads/complete", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Completed complete(CurrentUser user, @RequestBody Complete body) {
        if (body.uploadToken() == null) {
            throw new InvalidInputException("uploadToken", "is missing");
        }
        Photo photo = gallery.photos().completeDirectUpload(user.id(), body.uploadToken());
        return new Completed(photo.id().toString(), "/photos/" + photo.id());
    }

    /** The file the browser is about to send, as the File object tells it. */
    record Announce(String fileName, String contentType, Long size) {
    }

    /** Send the bytes with {@code method} to {@code url} and these headers, then complete with the token. */
    record Started(String uploadToken, String method, String url, Map<String, String> headers) {
    }

    record Complete(String uploadToken) {
    }

    record Completed(String photoId, String page) {
    }
}
