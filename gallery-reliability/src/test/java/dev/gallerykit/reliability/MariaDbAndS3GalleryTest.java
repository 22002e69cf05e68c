package dev.gallerykit.reliability;

import dev.gallerykit.jdbc.JdbcDialect;
import dev.gallerykit.local.LocalMariaDb;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

/** Proves the gallery contract with the records on MariaDB 11.4 and the blobs on S3Proxy together. */
@DisplayName("Gallery with records on MariaDB 11.4 and blobs on S3Proxy")
@ExtendWith(LocalMariaDb.class)
class MariaDbAndS3GalleryTest extends SqlRecordsS3BlobsGallery {

    MariaDbAndS3GalleryTest() {
        super(JdbcDialect.MARIADB);
    }
}
