package dev.gallerykit.dynamodb;

import dev.gallerykit.local.LocalDynamoDb;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.testkit.contract.SessionRepositoryContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalDynamoDb.class)
class DynamoDbSessionRepositoryTest extends SessionRepositoryContract {

    @Override
    protected SessionRepository sessions() {
        return TestDynamo.repositories().sessions();
    }
}
