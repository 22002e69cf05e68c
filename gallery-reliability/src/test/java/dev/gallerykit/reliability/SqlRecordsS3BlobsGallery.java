package dev.gallerykit.reliability;

import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.jdbc.JdbcDialect;
import dev.gallerykit.jdbc.JdbcRepositories;
import dev.gallerykit.local.DatabaseServer;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.PhotoRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The gallery with its records on a SQL server (a database of the class's own) and its blobs on
 * S3Proxy. A subclass names the server's extension and the dialect.
 */
abstract class SqlRecordsS3BlobsGallery extends BlobsOnS3Gallery {

    private final JdbcDialect dialect;
    private JdbcRepositories db;

    SqlRecordsS3BlobsGallery(JdbcDialect dialect) {
        this.dialect = dialect;
    }

    @BeforeAll
    void createTheDatabase(DatabaseServer server) {
        db = ScratchDatabase.on(server, dialect);
    }

    @AfterAll
    void closeTheDatabase() {
        db.close();
    }

    @Override
    protected AlbumRepository albumRepository() {
        return db.albums();
    }

    @Override
    protected PhotoRepository photoRepository() {
        return db.photos();
    }

    @Override
    protected ShareRepository shareRepository() {
        return db.shares();
    }
}
