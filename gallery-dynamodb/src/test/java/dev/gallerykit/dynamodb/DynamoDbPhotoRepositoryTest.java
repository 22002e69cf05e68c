package dev.gallerykit.dynamodb;

import dev.gallerykit.local.LocalDynamoDb;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.testkit.contract.PhotoRepositoryContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalDynamoDb.class)
class DynamoDbPhotoRepositoryTest extends PhotoRepositoryContract {

    @Override
    protected PhotoRepository photos() {
        return TestDynamo.repositories().photos();
    }

    @Override
    protected AlbumRepository albums() {
        return TestDynamo.repositories().albums();
    }
}
