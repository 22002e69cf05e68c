package dev.gallerykit.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.StorageException;
import dev.gallerykit.local.LocalDynamoDb;
import dev.gallerykit.testkit.contract.Records;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(LocalDynamoDb.class)
@DisplayName("Closing a DynamoDbRepositories")
class DynamoDbRepositoriesCloseTest {

    /** System properties this test replaced, with their earlier values (null when unset). */
    private final Map<String, String> replaced = new LinkedHashMap<>();

    @BeforeEach
    void tablesExist() {
        TestDynamo.repositories();
    }

    @AfterEach
    void restoreSystemProperties() {
        replaced.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }

    @Test
    @DisplayName("closes the client it made from the SDK defaults")
    void closesTheClientItMade() {
        pointTheSdkDefaultsAtTheTestServer();
        DynamoDbRepositories repositories = DynamoDbRepositories.builder().tablePrefix(LocalDynamoDb.tablePrefix()).build();
        Album album = repositories.albums().create(Records.anAlbum(Records.anOwner()));
        assertThat(repositories.albums().find(album.ownerId(), album.id())).contains(album);

        repositories.close();

        assertThatThrownBy(() -> repositories.client().listTables()).isInstanceOf(IllegalStateException.class);
        repositories.close();
    }

    @Test
    @DisplayName("after close, every repository fails with a non-retryable StorageException that says it is closed")
    void callsAfterCloseAreAStorageError() {
        pointTheSdkDefaultsAtTheTestServer();
        DynamoDbRepositories repositories = DynamoDbRepositories.builder().tablePrefix(LocalDynamoDb.tablePrefix()).build();
        UserId owner = Records.anOwner();
        Album album = repositories.albums().create(Records.anAlbum(owner));

        repositories.close();

        List<ThrowingCallable> calls = List.of(
                () -> repositories.albums().find(owner, album.id()),
                () -> repositories.photos().find(owner, PhotoId.of(UUID.randomUUID())),
                () -> repositories.photos().create(Records.aPhoto(owner, album.id())),
                () -> repositories.users().findByEmail("ann@example.com"),
                () -> repositories.sessions().deleteAll(owner));
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call)
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.retryable()).isFalse())
                    .hasMessageContaining("DynamoDbRepositories is closed");
        }
    }

    @Test
    @DisplayName("a client the host closed under open repositories is a non-retryable StorageException too")
    void aClientClosedByTheHostIsAStorageError() {
        DynamoDbClient client = TestDynamo.client();
        DynamoDbRepositories repositories = TestDynamo.repositoriesWith(client);
        UserId owner = Records.anOwner();
        Album album = repositories.albums().create(Records.anAlbum(owner));

        client.close();

        assertThatThrownBy(() -> repositories.albums().find(owner, album.id()))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("closed");
    }

    @Test
    @DisplayName("leaves the client the host passed open")
    void leavesTheHostsClientOpen() {
        try (DynamoDbClient client = TestDynamo.client()) {
            DynamoDbRepositories repositories = TestDynamo.repositoriesWith(client);
            Album album = repositories.albums().create(Records.anAlbum(Records.anOwner()));

            repositories.close();

            assertThat(client.listTables().tableNames()).containsAll(repositories.tableNames());
            assertThat(repositories.albums().find(album.ownerId(), album.id())).contains(album);
        }
    }

    /**
     * The SDK's defaults read the endpoint, region and credentials from system properties before the
     * environment; these point a client made by {@code DynamoDbClient.create()} at the test server.
     */
    private void pointTheSdkDefaultsAtTheTestServer() {
        replace("aws.endpointUrl", LocalDynamoDb.endpoint().toString());
        if (!LocalDynamoDb.external()) {
            replace(SdkSystemSetting.AWS_REGION.property(), LocalDynamoDb.LOCAL_REGION);
            replace(SdkSystemSetting.AWS_ACCESS_KEY_ID.property(), "gallerykit");
            replace(SdkSystemSetting.AWS_SECRET_ACCESS_KEY.property(), "local");
        }
    }

    private void replace(String key, String value) {
        replaced.putIfAbsent(key, System.getProperty(key));
        System.setProperty(key, value);
    }
}
