package dev.gallerykit.reliability;

import dev.gallerykit.local.LocalDynamoDb;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.spi.UserRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves the account races on the DynamoDB user and session repositories (DynamoDB Local), where
 * email uniqueness rests on a uniqueness item written in the user's transaction.
 */
@DisplayName("Accounts raced by eight threads, users and sessions on DynamoDB Local")
@ExtendWith(LocalDynamoDb.class)
class DynamoDbAccountRacesTest extends AccountRaces {

    private ScratchTables tables;

    @BeforeAll
    void createTheTables(LocalDynamoDb.Endpoint dynamo) {
        tables = ScratchTables.create(dynamo, "accounts");
    }

    @AfterAll
    void dropTheTables() {
        tables.close();
    }

    @Override
    protected UserRepository users() {
        return tables.repositories().users();
    }

    @Override
    protected SessionRepository sessions() {
        return tables.repositories().sessions();
    }
}
