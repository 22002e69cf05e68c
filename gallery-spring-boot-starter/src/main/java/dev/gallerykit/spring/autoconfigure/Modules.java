package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.spring.GalleryKitProperties;
import java.util.Locale;

/** What to tell a host whose chosen store has no adapter on the class path. */
final class Modules {

    /** Why a property that needs gallery-sqs does nothing without it. */
    static final String SQS_MISSING = "is set, which needs dev.gallerykit:gallery-sqs on the class path";

    private Modules() {
    }

    static String storeMissing(GalleryKitProperties.Store store) {
        return switch (store) {
            case MEMORY -> "gave no repositories: define AlbumRepository and PhotoRepository beans, or none";
            case JDBC -> "is jdbc, which needs dev.gallerykit:gallery-jdbc on the class path";
            case DYNAMODB -> "is dynamodb, which needs dev.gallerykit:gallery-dynamodb on the class path";
        };
    }

    static String blobsMissing(GalleryKitProperties.Blobs blobs) {
        return switch (blobs) {
            case MEMORY -> "gave no blob store: define one BlobStore bean, or none";
            case S3 -> "is s3, which needs dev.gallerykit:gallery-s3 on the class path";
        };
    }

    static String queueMissing(GalleryKitProperties.Queue queue) {
        return switch (queue) {
            case MEMORY -> "gave no job queue: define one JobQueue bean, or none";
            case SQS -> "is sqs, which needs dev.gallerykit:gallery-sqs on the class path";
        };
    }

    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
