package dev.gallerykit.dynamodb;

import dev.gallerykit.local.LocalDynamoDb;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.testkit.contract.ShareRepositoryContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalDynamoDb.class)
class DynamoDbShareRepositoryTest extends ShareRepositoryContract {

    @Override
    protected ShareRepository shares() {
        return TestDynamo.repositories().shares();
    }

    @Override
    protected AlbumRepository albums() {
        return TestDynamo.repositories().albums();
    }
}
