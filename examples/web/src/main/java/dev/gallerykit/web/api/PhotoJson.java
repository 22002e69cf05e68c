package dev.gallerykit.web.api;

import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.domain.GeoPoint;
import dev.gallerykit.domain.ImageMetadata;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.TakenAt;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A photo as the API shows it. Absent metadata is null. {@code takenAt} is the camera's wall-clock
 * time (ISO-8601 without offset) and {@code takenAtOffset} its offset when the camera wrote one.
 * Each file's {@code url} is a presigned GET, given when one photo is read and null in lists.
 * {@code status} is {@code processing} (the renditions are not made yet: asynchronous ingest), {@code ready}
 * or {@code failed}, and {@code statusReason} says why it failed (null otherwise).
 */
record PhotoJson(String id, String albumId, String title, String description, List<TagJson> tags,
                 String originalFileName, String contentType, long size, String sha256, Integer width,
                 Integer height, String takenAt, String takenAtOffset, ExifJson exif, LocationJson location,
                 List<FileJson> files, String status, String statusReason, String createdAt, String updatedAt) {

    /** The photo without URLs, for lists and searches. */
    static PhotoJson of(Photo photo) {
        return of(photo, derivative -> null);
    }

    /** The photo with a presigned URL for each file that {@code links} signs. */
    static PhotoJson of(Photo photo, Function<Derivative, Link> links) {
        ImageMetadata metadata = photo.metadata();
        Dimensions dimensions = photo.dimensions().orElse(null);
        TakenAt taken = photo.takenAt().orElse(null);
        return new PhotoJson(photo.id().toString(), photo.albumId().toString(), photo.title(), photo.description(),
                photo.tags().stream().map(TagJson::of).toList(), photo.originalFileName(), photo.contentType(),
                photo.size(), photo.sha256(), dimensions == null ? null : dimensions.width(),
                dimensions == null ? null : dimensions.height(),
                taken == null ? null : taken.local().toString(),
                taken == null ? null : taken.offset().map(ZoneOffset::getId).orElse(null),
                ExifJson.of(metadata), photo.location().map(LocationJson::of).orElse(null),
                photo.derivatives().stream().map(d -> FileJson.of(d, links.apply(d))).toList(),
                photo.status().name().toLowerCase(Locale.ROOT), photo.processing().reason().orElse(null),
                photo.createdAt().toString(), photo.updatedAt().toString());
    }

    /** A presigned GET of one file and when it stops working. */
    record Link(String url, String expiresAt) {
    }

    /** {@code source} is {@code user} or {@code machine}; {@code confidence} is null for user tags. */
    record TagJson(String value, String source, Double confidence) {

        static TagJson of(Tag tag) {
            return new TagJson(tag.value(), tag.source().name().toLowerCase(Locale.ROOT),
                    tag.confidence().orElse(null));
        }
    }

    /** Camera settings from EXIF; {@code exposureTime} in seconds, {@code focalLength} in millimetres. */
    record ExifJson(String cameraMake, String cameraModel, String lens, Double focalLength, Double aperture,
                    Double exposureTime, Integer iso, int orientation) {

        static ExifJson of(ImageMetadata m) {
            return new ExifJson(m.cameraMake().orElse(null), m.cameraModel().orElse(null), m.lens().orElse(null),
                    m.focalLength().orElse(null), m.aperture().orElse(null), m.exposureTime().orElse(null),
                    m.iso().orElse(null), m.orientation());
        }
    }

    /** Where the photo was taken; {@code altitude} in metres, null when unknown. */
    record LocationJson(double latitude, double longitude, Double altitude) {

        static LocationJson of(GeoPoint point) {
            return new LocationJson(point.latitude(), point.longitude(), point.altitude().orElse(null));
        }
    }

    /** One stored file: {@code original} or a rendition such as {@code thumb-256}. */
    record FileJson(String name, String contentType, long size, Integer width, Integer height, String url,
                    String urlExpiresAt) {

        static FileJson of(Derivative derivative, Link link) {
            Dimensions dimensions = derivative.dimensions().orElse(null);
            return new FileJson(derivative.name(), derivative.contentType(), derivative.size(),
                    dimensions == null ? null : dimensions.width(), dimensions == null ? null : dimensions.height(),
                    link == null ? null : link.url(), link == null ? null : link.expiresAt());
        }
    }
}
