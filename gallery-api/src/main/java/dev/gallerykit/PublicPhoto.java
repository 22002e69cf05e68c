package dev.gallerykit;

import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.domain.GeoPoint;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.PhotoStatus;
import dev.gallerykit.domain.TakenAt;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a share link shows of a photo. Never the owner or the uploader, the file name, the hash or
 * where the files are kept; the camera's settings stay, the place it was taken only when the link
 * shows locations.
 *
 * @param tags     the names of the photo's tags, user and machine
 * @param files    the files a visitor may ask a URL for: the renditions, largest first, then
 *                 {@code original} when the link gives it
 * @param location where it was taken; empty unless the link shows locations
 * @param status   whether its renditions are made yet (asynchronous ingest); never why processing failed
 */
public record PublicPhoto(
        PhotoId id,
        String title,
        String description,
        List<String> tags,
        String contentType,
        Optional<Dimensions> dimensions,
        Optional<TakenAt> takenAt,
        Optional<String> camera,
        Optional<GeoPoint> location,
        List<String> files,
        PhotoStatus status) {

    public PublicPhoto {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        tags = List.copyOf(tags);
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(dimensions, "dimensions");
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(location, "location");
        files = List.copyOf(files);
        Objects.requireNonNull(status, "status");
    }
}
