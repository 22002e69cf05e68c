package dev.gallerykit.s3;

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
import software.amazon.awssdk.services.s3.S3Client;

/** The use cases end to end with the blobs on S3 and the records in memory. */
@ExtendWith(LocalS3.class)
class S3GalleryTest extends GalleryContract {

    private static LocalS3.Endpoint endpoint;
    private static S3Client client;
    private static S3BlobStore store;

    @BeforeAll
    static void connect(LocalS3.Endpoint s3) {
        endpoint = s3;
        client = S3Connection.client(s3);
        store = S3Connection.newStore(s3, client, "gallery");
    }

    @AfterAll
    static void disconnect() {
        S3Connection.dropBucket(endpoint, client, store.bucket());
        store.close();
        client.close();
    }

    @Override
    protected AlbumRepository albumRepository() {
        return new InMemoryAlbumRepository();
    }

    @Override
    protected PhotoRepository photoRepository() {
        return new InMemoryPhotoRepository();
    }

    @Override
    protected BlobStore blobStore() {
        return store;
    }
}
