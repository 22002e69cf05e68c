package dev.gallerykit.dynamodb;

import dev.gallerykit.local.LocalDynamoDb;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.testkit.contract.AlbumRepositoryContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalDynamoDb.class)
class DynamoDbAlbumRepositoryTest extends AlbumRepositoryContract {

    @Override
    protected AlbumRepository albums() {
        return TestDynamo.repositories().albums();
    }
}
