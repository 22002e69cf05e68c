package dev.gallerykit.dynamodb;

import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.local.LocalDynamoDb;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.testkit.GalleryContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** The use cases end to end with the records on DynamoDB and the blobs in memory. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbGalleryTest extends GalleryContract {

    @Override
    protected AlbumRepository albumRepository() {
        return TestDynamo.repositories().albums();
    }

    @Override
    protected PhotoRepository photoRepository() {
        return TestDynamo.repositories().photos();
    }

    @Override
    protected BlobStore blobStore() {
        return new InMemoryBlobStore();
    }

    @Override
    protected ShareRepository shareRepository() {
        return TestDynamo.repositories().shares();
    }
}
