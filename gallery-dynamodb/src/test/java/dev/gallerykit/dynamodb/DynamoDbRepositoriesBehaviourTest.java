package dev.gallerykit.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.StorageException;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.local.LocalDynamoDb;
import dev.gallerykit.spi.Slice;
import dev.gallerykit.testkit.contract.Records;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(LocalDynamoDb.class)
@DisplayName("DynamoDbRepositories")
class DynamoDbRepositoriesBehaviourTest {

    @Nested
    @DisplayName("Building")
    class Building {

        @Test
        @DisplayName("names every unusable table name and prefix at build()")
        void badTableNamesAreRefusedAtBuild() {
            DynamoDbClient client = TestDynamo.client();

            assertThatThrownBy(() -> DynamoDbRepositories.builder().client(client).usersTable("x").build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("DynamoDbRepositories needs")
                    .hasMessageContaining("usersTable");
            assertThatThrownBy(() -> DynamoDbRepositories.builder().client(client).tablePrefix("my app/").build())
                    .hasMessageContaining("table prefix");
            client.close();
        }

        @Test
        @DisplayName("refuses one table for two kinds of record")
        void oneTableForTwoRepositoriesIsRefused() {
            DynamoDbClient client = TestDynamo.client();

            assertThatThrownBy(() -> DynamoDbRepositories.builder().client(client).albumsTable("shared")
                    .photosTable("shared").build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("five different table names");
            client.close();
        }

        @Test
        @DisplayName("derives the table names from the prefix unless they are given")
        void tableNamesComeFromThePrefixOrAreGiven() {
            DynamoDbClient client = TestDynamo.client();

            DynamoDbRepositories repositories = DynamoDbRepositories.builder().client(client).tablePrefix("app-")
                    .sessionsTable("auth-sessions").build();

            assertThat(repositories.tableNames()).containsExactly("app-users", "app-albums", "app-photos", "auth-sessions",
                    "app-shares");
            client.close();
        }
    }

    @Nested
    @DisplayName("Tables")
    class Tables {

        @Test
        @DisplayName("can be created again without harm: existing tables are kept with their items")
        void creatingTheTablesTwiceKeepsThem() {
            DynamoDbRepositories repositories = TestDynamo.repositories();
            Album album = repositories.albums().create(Records.anAlbum(Records.anOwner()));

            repositories.createTablesIfMissing();

            assertThat(repositories.albums().find(album.ownerId(), album.id())).contains(album);
        }

        @Test
        @DisplayName("when missing, make every call fail as a storage error that is not retryable, naming the remedy")
        void aMissingTableIsReportedAsAStorageError() {
            DynamoDbClient client = TestDynamo.client();
            DynamoDbRepositories unprepared = DynamoDbRepositories.builder().client(client)
                    .tablePrefix(LocalDynamoDb.tablePrefix() + "never-created-").build();

            assertThatThrownBy(() -> unprepared.albums().find(Records.anOwner(), new AlbumId(UUID.randomUUID())))
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.retryable()).isFalse())
                    .hasMessageContaining("createTablesIfMissing");
            Map<String, ThrowingCallable> calls = Map.of(
                    "create a user", () -> unprepared.users().create(Records.aUser("ann-" + UUID.randomUUID() + "@example.com")),
                    "create an album", () -> unprepared.albums().create(Records.anAlbum(Records.anOwner())),
                    "list albums", () -> unprepared.albums().list(Records.anOwner(), 10, Optional.empty()),
                    "delete photos", () -> unprepared.photos().deleteAll(Records.anOwner(),
                            List.of(new PhotoId(UUID.randomUUID()))),
                    "revoke sessions", () -> unprepared.sessions().revokeAll(Records.anOwner(), Records.NOW));
            calls.forEach((name, call) -> assertThat(catchThrowable(call)).as(name)
                    .isInstanceOfSatisfying(StorageException.class, e -> {
                        assertThat(e).isNotInstanceOf(StorageUnavailableException.class);
                        assertThat(e.retryable()).isFalse();
                    }));
            client.close();
        }
    }

    @Nested
    @DisplayName("Positions")
    class Positions {

        @Test
        @DisplayName("that this store did not hand out are refused as a bad cursor")
        void aForeignPositionIsRefused() {
            UserId owner = Records.anOwner();

            assertThatThrownBy(() -> TestDynamo.repositories().albums().list(owner, 10, Optional.of("not a position")))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        }

        @Test
        @DisplayName("of one owner's list are refused for another owner's")
        void anotherOwnersPositionIsRefused() {
            DynamoDbRepositories repositories = TestDynamo.repositories();
            UserId owner = Records.anOwner();
            repositories.albums().create(Records.anAlbum(owner));
            repositories.albums().create(Records.anAlbum(owner));
            Slice<Album> first = repositories.albums().list(owner, 1, Optional.empty());

            assertThat(first.next()).isPresent();
            assertThatThrownBy(() -> repositories.albums().list(Records.anOwner(), 1, first.next()))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> repositories.photos().listByAlbum(owner, first.items().get(0).id(), 1, first.next()))
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Nested
    @DisplayName("An unreachable DynamoDB")
    class Unreachable {

        @Test
        @DisplayName("is a retryable StorageUnavailableException, never an SDK exception")
        void connectionFailuresAreStorageUnavailable() throws IOException {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = socket.getLocalPort();
            }
            try (DynamoDbClient client = DynamoDbClient.builder()
                    .endpointOverride(URI.create("http://127.0.0.1:" + closedPort))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                    .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)))
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                    .build()) {
                DynamoDbRepositories repositories = DynamoDbRepositories.builder().client(client).build();

                assertThatThrownBy(() -> repositories.users().findByEmail("ann@example.com"))
                        .isInstanceOfSatisfying(StorageUnavailableException.class,
                                e -> assertThat(e.retryable()).isTrue());
                assertThatThrownBy(() -> repositories.photos().deleteAll(Records.anOwner(),
                        List.of(new PhotoId(UUID.randomUUID()))))
                        .isInstanceOf(StorageUnavailableException.class);
            }
        }
    }
}
