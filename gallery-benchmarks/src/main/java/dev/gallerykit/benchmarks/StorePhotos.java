package dev.gallerykit.benchmarks;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.domain.GeoPoint;
import dev.gallerykit.domain.ImageMetadata;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.TakenAt;
import dev.gallerykit.domain.UserId;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The photo records the store benchmarks write and read: what an ingested camera photo looks like (EXIF with
 * a location, three tags, the original and two renditions), so that rows and items have their real width.
 */
final class StorePhotos {

    /** The tags a photo is seeded with, and the other set that {@code updateTags} switches to and back. */
    static final List<Tag> TAGS = List.of(Tag.user("beach"), Tag.user("family"), Tag.machine("sunset", 0.91));
    static final List<Tag> OTHER_TAGS = List.of(Tag.user("beach"), Tag.user("holiday"), Tag.machine("sea", 0.87));

    private static final Instant CREATED = Instant.parse("2026-06-01T10:15:30.123456Z");

    private StorePhotos() {
    }

    static Photo photo(UserId owner, AlbumId album, PhotoId id, int n) {
        String key = owner + "/" + id;
        return Photo.builder()
                .id(id)
                .albumId(album)
                .ownerId(owner)
                .title("IMG_" + (1000 + n))
                .description("Evening at the beach, photo " + n)
                .tags(TAGS)
                .originalFileName("IMG_" + (1000 + n) + ".jpg")
                .contentType("image/jpeg")
                .size(4_812_345L + n)
                .sha256(sha256Of(id))
                .metadata(ImageMetadata.builder()
                        .dimensions(new Dimensions(4032, 3024))
                        .orientation(1)
                        .takenAt(new TakenAt(LocalDateTime.of(2026, 5, 31, 19, 42, 7), Optional.of(ZoneOffset.ofHours(2))))
                        .cameraMake("Apple")
                        .cameraModel("iPhone 15 Pro")
                        .lens("iPhone 15 Pro back triple camera 6.765mm f/1.78")
                        .focalLength(6.765)
                        .aperture(1.78)
                        .exposureTime(1.0 / 120)
                        .iso(80)
                        .location(new GeoPoint(43.6947, 7.2656, Optional.of(12.5)))
                        .build())
                .derivatives(List.of(
                        new Derivative(Derivative.ORIGINAL, key + "/original", "image/jpeg", 4_812_345L + n,
                                Optional.of(new Dimensions(4032, 3024))),
                        new Derivative(Derivative.thumbnailName(1600), key + "/1600", "image/jpeg", 412_345L,
                                Optional.of(new Dimensions(1600, 1200))),
                        new Derivative(Derivative.thumbnailName(400), key + "/400", "image/jpeg", 31_234L,
                                Optional.of(new Dimensions(400, 300)))))
                .createdAt(CREATED)
                .updatedAt(CREATED)
                .version(1)
                .build();
    }

    /** A distinct, well-formed SHA-256 per photo (the id's bits twice), without hashing anything. */
    private static String sha256Of(PhotoId id) {
        String hex = HexFormat.of().toHexDigits(id.value().getMostSignificantBits())
                + HexFormat.of().toHexDigits(id.value().getLeastSignificantBits());
        return hex + hex;
    }
}
