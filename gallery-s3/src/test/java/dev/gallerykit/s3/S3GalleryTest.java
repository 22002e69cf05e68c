package dev.gallerykit.s3;

import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.local.LocalS3;
import dev.gallerykit.memory.InMemoryAlbumRepository;
import dev.gallerykit.memory.InMemoryPhotoRepository;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.testkit.GalleryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The use cases end to end with the blobs on S3 and the records in memory. */
@ExtendWith(LocalS3.class)
class S3GalleryTest extends GalleryContract {

    private static TestBucket bucket;

    @BeforeAll
    static void connect(LocalS3.Endpoint s3) {
        bucket = TestBucket.create(s3, "gallery");
    }

    @AfterAll
    static void disconnect() {
        bucket.close();
    }

    /** A new test instance per test: fresh repositories, the photos filed in these albums. */
    private final InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
    private final InMemoryPhotoRepository photos = new InMemoryPhotoRepository(albums);

    @Override
    protected AlbumRepository albumRepository() {
        return albums;
    }

    @Override
    protected PhotoRepository photoRepository() {
        return photos;
    }

    @Override
    protected BlobStore blobStore() {
        return bucket.store();
    }

    @Override
    protected ShareRepository shareRepository() {
        return new dev.gallerykit.memory.InMemoryShareRepository(albums);
    }
}
