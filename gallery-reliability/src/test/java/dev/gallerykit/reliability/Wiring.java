package dev.gallerykit.reliability;

import dev.gallerykit.dynamodb.DynamoDbRepositories;
import dev.gallerykit.jdbc.JdbcDialect;
import dev.gallerykit.jdbc.JdbcRepositories;
import dev.gallerykit.local.Credentials;
import dev.gallerykit.local.JdbcDatabase;
import dev.gallerykit.local.LocalDynamoDb;
import dev.gallerykit.local.LocalS3;
import dev.gallerykit.s3.S3BlobStore;
import java.net.URI;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where one deployment keeps its records and blobs, and the secret its instances share: what both
 * JVMs of {@link TwoJvmRacesTest} need to build galleries on the same database (or DynamoDB tables)
 * and the same bucket. The test hands it to the second JVM as environment variables
 * ({@link #environment()}, read back by {@link #fromEnvironment}), which keeps the local servers'
 * passwords off the command line.
 *
 * @param records      the SQL database or the DynamoDB tables
 * @param s3           the S3 endpoint
 * @param bucket       the bucket both JVMs write to
 * @param cursorSecret the secret both galleries sign cursors and direct-upload tokens with
 */
record Wiring(Records records, LocalS3.Endpoint s3, String bucket, byte[] cursorSecret) {

    private static final String PREFIX = "GALLERYKIT_WORKER_";

    Wiring {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(s3, "s3");
        Objects.requireNonNull(bucket, "bucket");
        cursorSecret = cursorSecret.clone();
    }

    /** Where the records are. */
    sealed interface Records permits Sql, Dynamo {
    }

    /** Records in a SQL database. */
    record Sql(JdbcDatabase database, JdbcDialect dialect) implements Records {
    }

    /** Records in DynamoDB tables named with {@code tablePrefix}. */
    record Dynamo(LocalDynamoDb.Endpoint endpoint, String tablePrefix) implements Records {
    }

    @Override
    public byte[] cursorSecret() {
        return cursorSecret.clone();
    }

    /** The deployment's one-time set-up, before any instance runs: the schema or the tables, and the bucket. */
    void createStores() {
        try (Stores stores = open()) {
            ((S3BlobStore) stores.blobs()).createBucketIfMissing();
            stores.resource(JdbcRepositories.class).ifPresent(JdbcRepositories::migrate);
            stores.resource(DynamoDbRepositories.class).ifPresent(DynamoDbRepositories::createTablesIfMissing);
        }
    }

    /** Opens the adapters, one set per JVM; the caller closes them. */
    Stores open() {
        S3BlobStore blobs = S3BlobStore.builder().bucket(bucket).endpoint(s3.uri().orElse(null))
                .region(Region.of(s3.region())).credentialsProvider(credentials(s3.credentials())).build();
        if (records instanceof Sql sql) {
            JdbcDatabase database = sql.database();
            // Enough connections for every contender of a round, and the checks between rounds.
            JdbcRepositories db = JdbcRepositories.builder().jdbcUrl(database.url()).username(database.user())
                    .password(database.password()).dialect(sql.dialect()).maximumPoolSize(12).build();
            return new Stores(db.albums(), db.photos(), db.shares(), blobs, db, blobs);
        }
        Dynamo dynamo = (Dynamo) records;
        DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint().uri())
                .region(Region.of(dynamo.endpoint().region()))
                .credentialsProvider(credentials(dynamo.endpoint().credentials()))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
        DynamoDbRepositories db = DynamoDbRepositories.builder().client(client).tablePrefix(dynamo.tablePrefix()).build();
        return new Stores(db.albums(), db.photos(), db.shares(), blobs, db, client, blobs);
    }

    /** The variables a second JVM reads with {@link #fromEnvironment}. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        if (records instanceof Sql sql) {
            env.put(PREFIX + "RECORDS", "sql");
            env.put(PREFIX + "SQL_URL", sql.database().url());
            env.put(PREFIX + "SQL_USER", sql.database().user());
            env.put(PREFIX + "SQL_PASSWORD", sql.database().password());
            env.put(PREFIX + "SQL_DIALECT", sql.dialect().name());
        } else {
            Dynamo dynamo = (Dynamo) records;
            env.put(PREFIX + "RECORDS", "dynamodb");
            env.put(PREFIX + "DYNAMODB_ENDPOINT", dynamo.endpoint().uri().toString());
            env.put(PREFIX + "DYNAMODB_REGION", dynamo.endpoint().region());
            putCredentials(env, "DYNAMODB_", dynamo.endpoint().credentials());
            env.put(PREFIX + "DYNAMODB_TABLE_PREFIX", dynamo.tablePrefix());
        }
        s3.uri().ifPresent(uri -> env.put(PREFIX + "S3_ENDPOINT", uri.toString()));
        env.put(PREFIX + "S3_REGION", s3.region());
        putCredentials(env, "S3_", s3.credentials());
        env.put(PREFIX + "S3_BUCKET", bucket);
        env.put(PREFIX + "CURSOR_SECRET", HexFormat.of().formatHex(cursorSecret));
        return env;
    }

    /** The wiring {@link #environment()} described, read from {@code env}. */
    static Wiring fromEnvironment(Map<String, String> env) {
        Records records = switch (required(env, "RECORDS")) {
            case "sql" -> new Sql(new JdbcDatabase(required(env, "SQL_URL"), required(env, "SQL_USER"),
                    required(env, "SQL_PASSWORD")), JdbcDialect.valueOf(required(env, "SQL_DIALECT")));
            case "dynamodb" -> new Dynamo(new LocalDynamoDb.Endpoint(URI.create(required(env, "DYNAMODB_ENDPOINT")),
                    required(env, "DYNAMODB_REGION"), credentials(env, "DYNAMODB_"), true),
                    required(env, "DYNAMODB_TABLE_PREFIX"));
            default -> throw new IllegalArgumentException(PREFIX + "RECORDS must be sql or dynamodb");
        };
        LocalS3.Endpoint s3 = new LocalS3.Endpoint(Optional.ofNullable(env.get(PREFIX + "S3_ENDPOINT")).map(URI::create),
                required(env, "S3_REGION"), credentials(env, "S3_"), true);
        return new Wiring(records, s3, required(env, "S3_BUCKET"),
                HexFormat.of().parseHex(required(env, "CURSOR_SECRET")));
    }

    private static void putCredentials(Map<String, String> env, String service, Optional<Credentials> credentials) {
        credentials.ifPresent(c -> {
            env.put(PREFIX + service + "ACCESS_KEY_ID", c.accessKeyId());
            env.put(PREFIX + service + "SECRET_ACCESS_KEY", c.secretAccessKey());
        });
    }

    private static Optional<Credentials> credentials(Map<String, String> env, String service) {
        return Optional.ofNullable(env.get(PREFIX + service + "ACCESS_KEY_ID"))
                .map(id -> new Credentials(id, required(env, service + "SECRET_ACCESS_KEY")));
    }

    /** The static key pair of a local server, or the SDK's default chain for an external endpoint. */
    private static AwsCredentialsProvider credentials(Optional<Credentials> credentials) {
        return credentials.<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(
                AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(PREFIX + name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the second JVM needs " + PREFIX + name + " in its environment");
        }
        return value;
    }

    @Override
    public String toString() {
        return "Wiring[" + records.getClass().getSimpleName() + ", s3://" + bucket + "]";
    }
}
