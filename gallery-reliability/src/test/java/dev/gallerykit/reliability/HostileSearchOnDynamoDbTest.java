package dev.gallerykit.reliability;

import dev.gallerykit.local.LocalDynamoDb;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.PhotoRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

/** The hostile search texts on the DynamoDB repositories (DynamoDB Local), where search is a filter expression. */
@DisplayName("Hostile search texts on DynamoDB Local")
@ExtendWith(LocalDynamoDb.class)
class HostileSearchOnDynamoDbTest extends HostileSearch {

    private ScratchTables tables;

    @BeforeAll
    void createTheTables(LocalDynamoDb.Endpoint dynamo) {
        tables = ScratchTables.create(dynamo, "hostile-search");
    }

    @AfterAll
    void dropTheTables() {
        tables.close();
    }

    @Override
    protected AlbumRepository albums() {
        return tables.repositories().albums();
    }

    @Override
    protected PhotoRepository photos() {
        return tables.repositories().photos();
    }
}
