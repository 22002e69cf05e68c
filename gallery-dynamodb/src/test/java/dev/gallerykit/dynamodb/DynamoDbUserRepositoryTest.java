package dev.gallerykit.dynamodb;

import dev.gallerykit.local.LocalDynamoDb;
import dev.gallerykit.spi.UserRepository;
import dev.gallerykit.testkit.contract.UserRepositoryContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalDynamoDb.class)
class DynamoDbUserRepositoryTest extends UserRepositoryContract {

    @Override
    protected UserRepository users() {
        return TestDynamo.repositories().users();
    }
}
