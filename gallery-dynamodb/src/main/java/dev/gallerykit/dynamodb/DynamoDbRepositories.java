package dev.gallerykit.dynamodb;

import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.spi.UserRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * The DynamoDB adapters of GalleryKit: user, album, photo, session and share repositories over five
 * tables, sharing one client. Thread-safe; build one and share it.
 *
 * <pre>{@code
 * DynamoDbRepositories dynamo = DynamoDbRepositories.builder()
 *         .tablePrefix("myapp-")           // myapp-users, myapp-albums, myapp-photos, myapp-sessions, myapp-shares
 *         .build();                        // client from the SDK defaults (credentials chain, region, AWS_ENDPOINT_URL)
 * dynamo.createTablesIfMissing();          // or create them with your infrastructure code
 * Gallery gallery = Gallery.builder().albums(dynamo.albums()).photos(dynamo.photos()).blobs(blobs).build();
 * }</pre>
 *
 * <p>When no client is given, this makes one and {@link #close()} closes it; a client the host
 * passes stays the host's to close. The table design (keys, indexes, what each access costs) is in
 * the module's README.
 */
public final class DynamoDbRepositories implements AutoCloseable {

    private final DynamoDbClient client;
    private final boolean ownsClient;
    private final List<CreateTableRequest> tables;
    private final UserRepository users;
    private final AlbumRepository albums;
    private final PhotoRepository photos;
    private final SessionRepository sessions;
    private final ShareRepository shares;

    private DynamoDbRepositories(DynamoDbClient client, boolean ownsClient, String usersTable, String albumsTable,
            String photosTable, String sessionsTable, String sharesTable) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.tables = List.of(TableDefinitions.users(usersTable), TableDefinitions.albums(albumsTable),
                TableDefinitions.photos(photosTable), TableDefinitions.sessions(sessionsTable),
                TableDefinitions.shares(sharesTable));
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        this.users = new DynamoDbUserRepository(enhanced, usersTable);
        AlbumGuards guards = new AlbumGuards(albumsTable, photosTable);
        this.albums = new DynamoDbAlbumRepository(enhanced, client, albumsTable, photosTable, guards);
        this.photos = new DynamoDbPhotoRepository(enhanced, client, photosTable, guards, albumsTable);
        this.sessions = new DynamoDbSessionRepository(enhanced, sessionsTable);
        this.shares = new DynamoDbShareRepository(client, sharesTable, guards);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static DynamoDbRepositories build(Consumer<Builder> spec) {
        Builder builder = builder();
        spec.accept(builder);
        return builder.build();
    }

    public UserRepository users() {
        return users;
    }

    public AlbumRepository albums() {
        return albums;
    }

    public PhotoRepository photos() {
        return photos;
    }

    public SessionRepository sessions() {
        return sessions;
    }

    public ShareRepository shares() {
        return shares;
    }

    /** The table names in use: users, albums, photos, sessions, shares. */
    public List<String> tableNames() {
        return tables.stream().map(CreateTableRequest::tableName).toList();
    }

    /**
     * Creates the tables and their indexes that do not exist yet (on-demand billing) and waits until
     * every one is active. Safe to call on every start and from several processes at once.
     *
     * @throws IllegalStateException when a table exists without an index this adapter needs
     * @throws StorageUnavailableException when DynamoDB cannot be reached or refuses
     */
    public void createTablesIfMissing() {
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client)
                .overrideConfiguration(WaiterOverrideConfiguration.builder()
                        .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofSeconds(1)))
                        .maxAttempts(300)
                        .build())
                .build()) {
            for (CreateTableRequest table : tables) {
                try {
                    client.describeTable(r -> r.tableName(table.tableName()));
                } catch (ResourceNotFoundException absent) {
                    try {
                        client.createTable(table);
                    } catch (ResourceInUseException createdMeanwhile) {
                        // another process got there first: wait for it like for ours
                    }
                }
            }
            for (CreateTableRequest table : tables) {
                TableDescription description = waiter.waitUntilTableExists(r -> r.tableName(table.tableName()))
                        .matched().response().orElseThrow(() -> new StorageUnavailableException(
                                "table " + table.tableName() + " did not become active", null)).table();
                checkIndexes(table, description);
            }
        } catch (SdkException e) {
            throw Errors.translate("creating the tables", e);
        }
    }

    /**
     * Closes the client this made from the SDK defaults, and with it its connections and threads; the
     * repositories cannot be used afterwards: every call fails with a {@link dev.gallerykit.error.StorageException}
     * that is not retryable and says the repositories are closed (as it does when the host closes a client
     * it passed). A client the host passed to {@link Builder#client} is left open. Idempotent.
     */
    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    /** The client in use, for this package's tests. */
    DynamoDbClient client() {
        return client;
    }

    private static void checkIndexes(CreateTableRequest wanted, TableDescription actual) {
        List<String> present = actual.globalSecondaryIndexes().stream()
                .filter(index -> index.indexStatus() == null || index.indexStatus() == IndexStatus.ACTIVE)
                .map(GlobalSecondaryIndexDescription::indexName).toList();
        List<String> missing = new ArrayList<>(TableDefinitions.indexNames(wanted));
        missing.removeAll(present);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("table " + wanted.tableName() + " has no active index " + missing
                    + "; it was not created by this version of DynamoDbRepositories (see the gallery-dynamodb README)");
        }
    }

    /** Collects the client and the table names; {@link #build()} says what is missing or wrong. */
    public static final class Builder {

        /** What DynamoDB accepts in a table name. */
        private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
        private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.-]{0,240}");

        private DynamoDbClient client;
        private String tablePrefix = "gallerykit-";
        private String usersTable;
        private String albumsTable;
        private String photosTable;
        private String sessionsTable;
        private String sharesTable;

        private Builder() {
        }

        /**
         * The client to use, which stays the caller's to close; when none is given,
         * {@code DynamoDbClient.create()} (the SDK's credentials chain, region and
         * {@code AWS_ENDPOINT_URL}, so LocalStack needs no code), closed by {@link DynamoDbRepositories#close()}.
         */
        public Builder client(DynamoDbClient value) {
            client = value;
            return this;
        }

        /** Prefix of the default table names {@code users}, {@code albums}, {@code photos}, {@code sessions}, {@code shares}. */
        public Builder tablePrefix(String value) {
            tablePrefix = value;
            return this;
        }

        public Builder usersTable(String value) {
            usersTable = value;
            return this;
        }

        public Builder albumsTable(String value) {
            albumsTable = value;
            return this;
        }

        public Builder photosTable(String value) {
            photosTable = value;
            return this;
        }

        public Builder sessionsTable(String value) {
            sessionsTable = value;
            return this;
        }

        public Builder sharesTable(String value) {
            sharesTable = value;
            return this;
        }

        public DynamoDbRepositories build() {
            List<String> problems = new ArrayList<>();
            if (tablePrefix == null || !PREFIX.matcher(tablePrefix).matches()) {
                problems.add("a table prefix of letters, digits, '_', '-' and '.' (was '" + tablePrefix + "')");
            }
            String prefix = Objects.requireNonNullElse(tablePrefix, "");
            String users = name("usersTable", usersTable, prefix + "users", problems);
            String albums = name("albumsTable", albumsTable, prefix + "albums", problems);
            String photos = name("photosTable", photosTable, prefix + "photos", problems);
            String sessions = name("sessionsTable", sessionsTable, prefix + "sessions", problems);
            String shares = name("sharesTable", sharesTable, prefix + "shares", problems);
            List<String> all = List.of(users, albums, photos, sessions, shares);
            if (all.stream().distinct().count() < all.size()) {
                problems.add("five different table names (were " + all + ")");
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("DynamoDbRepositories needs " + String.join("; ", problems));
            }
            if (client != null) {
                return new DynamoDbRepositories(client, false, users, albums, photos, sessions, shares);
            }
            return new DynamoDbRepositories(defaultClient(), true, users, albums, photos, sessions, shares);
        }

        private static String name(String field, String explicit, String fallback, List<String> problems) {
            String name = explicit != null ? explicit : fallback;
            if (!TABLE_NAME.matcher(name).matches()) {
                problems.add(field + " of 3 to 255 letters, digits, '_', '-' or '.' (was '" + name + "')");
            }
            return name;
        }

        private static DynamoDbClient defaultClient() {
            try {
                return DynamoDbClient.create();
            } catch (SdkException e) {
                throw new IllegalStateException("DynamoDbRepositories needs a DynamoDbClient, or the SDK defaults to make "
                        + "one (a region from AWS_REGION or ~/.aws/config): " + e.getMessage(), e);
            }
        }
    }
}
