package dev.gallerykit.reliability;

import dev.gallerykit.jdbc.JdbcDialect;
import dev.gallerykit.local.LocalPostgres;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

/** Proves the gallery contract with the records on PostgreSQL 14 and the blobs on S3Proxy together. */
@DisplayName("Gallery with records on PostgreSQL 14 and blobs on S3Proxy")
@ExtendWith(LocalPostgres.class)
class PostgresAndS3GalleryTest extends SqlRecordsS3BlobsGallery {

    PostgresAndS3GalleryTest() {
        super(JdbcDialect.POSTGRES);
    }
}
