package dev.gallerykit.reliability;

import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.dynamodb.DynamoDbRepositories;
import dev.gallerykit.local.LocalDynamoDb;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.PhotoRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

/** Proves the gallery contract with the records on DynamoDB Local and the blobs on S3Proxy together. */
@DisplayName("Gallery with records on DynamoDB Local and blobs on S3Proxy")
@ExtendWith(LocalDynamoDb.class)
class DynamoDbAndS3GalleryTest extends BlobsOnS3Gallery {

    private ScratchTables tables;

    @BeforeAll
    void createTheTables(LocalDynamoDb.Endpoint dynamo) {
        tables = ScratchTables.create(dynamo, "gallery");
    }

    @AfterAll
    void dropTheTables() {
        tables.close();
    }

    private DynamoDbRepositories db() {
        return tables.repositories();
    }

    @Override
    protected AlbumRepository albumRepository() {
        return db().albums();
    }

    @Override
    protected PhotoRepository photoRepository() {
        return db().photos();
    }

    @Override
    protected ShareRepository shareRepository() {
        return db().shares();
    }
}
