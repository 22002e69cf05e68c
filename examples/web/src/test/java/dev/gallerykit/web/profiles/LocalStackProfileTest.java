package dev.gallerykit.web.profiles;

import dev.gallerykit.local.Credentials;
import dev.gallerykit.local.LocalDynamoDb;
import dev.gallerykit.local.LocalS3;
import dev.gallerykit.local.LocalSmtp;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code localstack} profile on local servers standing in for LocalStack: S3Proxy and DynamoDB
 * Local on ports of their own (so the per-service {@code AWS_ENDPOINT_URL_*} variables are used next
 * to the edge {@code AWS_ENDPOINT_URL}), GreenMail for the mail. The key pair reaches the app through
 * the SDK's default chain (its system properties), as a user's {@code export AWS_ACCESS_KEY_ID=...}
 * would.
 */
@DisplayName("The localstack profile")
@ExtendWith({LocalS3.class, LocalDynamoDb.class, LocalSmtp.class})
class LocalStackProfileTest {

    private static final String ACCESS_KEY = "aws.accessKeyId";
    private static final String SECRET_KEY = "aws.secretAccessKey";
    private static final Map<String, Optional<String>> SAVED = new HashMap<>();

    private static LocalS3.Endpoint s3;
    private static LocalDynamoDb.Endpoint dynamo;
    private static LocalSmtp.Server smtp;

    @BeforeAll
    static void servers(LocalS3.Endpoint s3Endpoint, LocalDynamoDb.Endpoint dynamoEndpoint, LocalSmtp.Server mail) {
        s3 = s3Endpoint;
        dynamo = dynamoEndpoint;
        smtp = mail;
        // S3Proxy accepts one key pair; DynamoDB Local any, keeping tables apart per key: both get the same.
        s3.credentials().ifPresent(credentials -> {
            for (String name : List.of(ACCESS_KEY, SECRET_KEY)) {
                SAVED.put(name, Optional.ofNullable(System.getProperty(name)));
            }
            System.setProperty(ACCESS_KEY, credentials.accessKeyId());
            System.setProperty(SECRET_KEY, credentials.secretAccessKey());
        });
    }

    @AfterAll
    static void restoreCredentials() {
        SAVED.forEach((name, value) -> value.ifPresentOrElse(v -> System.setProperty(name, v),
                () -> System.clearProperty(name)));
    }

    @Test
    @DisplayName("with dynamodb: the user, album and photo are items in DynamoDB, the photo's files objects in the bucket")
    void recordsOnDynamoDb() {
        String bucket = s3.newBucketName("localstack-dynamodb");
        String tables = LocalDynamoDb.tablePrefix() + UUID.randomUUID().toString().substring(0, 8) + "-";
        String email = "dora-" + UUID.randomUUID() + "@example.test";
        String album;
        String photo;
        try (RunningApp app = RunningApp.start("localstack,dynamodb", Map.of(
                // The edge endpoint for DynamoDB, the per-service one for S3.
                "AWS_ENDPOINT_URL", dynamo.uri().toString(),
                "AWS_ENDPOINT_URL_S3", s3.uri().orElseThrow().toString(),
                "AWS_REGION", s3.region(),
                "GALLERYKIT_SMTP_HOST", smtp.host(),
                "GALLERYKIT_SMTP_PORT", Integer.toString(smtp.port()),
                "GALLERYKIT_TOKENS_HMACSECRET", Secrets.random(),
                "GALLERYKIT_S3_BUCKET", bucket,
                "GALLERYKIT_DYNAMODB_TABLEPREFIX", tables))) {
            assertThat(app.bean(PhotoRepository.class).getClass().getPackageName()).isEqualTo("dev.gallerykit.dynamodb");
            String token = app.signUpAndSignIn(email, smtp);
            album = app.createAlbum(token, "Lisbon");
            photo = app.upload(token, album, PhotoFixtures.aJpeg(800, 600, 3));
        }

        try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.uri())
                .region(Region.of(dynamo.region())).credentialsProvider(credentials(s3.credentials())).build()) {
            assertThat(items(client, tables + "users", "email", email)).singleElement()
                    .satisfies(user -> assertThat(user.get("status").s()).isEqualTo("ACTIVE"));
            assertThat(items(client, tables + "albums", "id", album)).singleElement()
                    .satisfies(item -> assertThat(item.get("name").s()).isEqualTo("Lisbon"));
            List<Map<String, AttributeValue>> photos = items(client, tables + "photos", "id", photo).stream()
                    .filter(item -> item.containsKey("derivatives")).toList();
            assertThat(photos).hasSize(1);
            Set<String> blobKeys = photos.get(0).get("derivatives").l().stream().map(d -> d.m().get("blobKey").s())
                    .collect(Collectors.toSet());
            assertThat(blobKeys).hasSize(3);
            assertThat(objectKeys(bucket)).containsExactlyInAnyOrderElementsOf(blobKeys);
        }
    }

    @Test
    @DisplayName("with jdbc: the records are rows of the H2 file given, still there after the app stopped; the files in the bucket")
    void recordsOnJdbc(@TempDir Path directory) throws SQLException {
        String bucket = s3.newBucketName("localstack-jdbc");
        String url = "jdbc:h2:file:" + directory.resolve("gallery");
        String email = "joe-" + UUID.randomUUID() + "@example.test";
        String album;
        String photo;
        try (RunningApp app = RunningApp.start("localstack,jdbc", Map.of(
                // The edge endpoint only: S3 falls back to it.
                "AWS_ENDPOINT_URL", s3.uri().orElseThrow().toString(),
                "GALLERYKIT_SMTP_HOST", smtp.host(),
                "GALLERYKIT_SMTP_PORT", Integer.toString(smtp.port()),
                "GALLERYKIT_TOKENS_HMACSECRET", Secrets.random(),
                "GALLERYKIT_JDBC_URL", url,
                "GALLERYKIT_S3_BUCKET", bucket))) {
            assertThat(app.bean(PhotoRepository.class).getClass().getPackageName()).isEqualTo("dev.gallerykit.jdbc");
            String token = app.signUpAndSignIn(email, smtp);
            album = app.createAlbum(token, "Porto");
            photo = app.upload(token, album, PhotoFixtures.aJpeg(640, 480, 4));
        }

        try (Connection db = DriverManager.getConnection(url)) {
            assertThat(column(db, "SELECT status FROM gallery_user WHERE email = ?", email)).containsExactly("ACTIVE");
            assertThat(column(db, "SELECT name FROM gallery_album WHERE id = CAST(? AS UUID)", album))
                    .containsExactly("Porto");
            List<String> blobKeys = column(db,
                    "SELECT blob_key FROM gallery_photo_derivative WHERE photo_id = CAST(? AS UUID)", photo);
            assertThat(blobKeys).hasSize(3);
            assertThat(objectKeys(bucket)).containsExactlyInAnyOrderElementsOf(blobKeys);
        }
    }

    /** The items of the table whose string attribute {@code name} is {@code value}. */
    private static List<Map<String, AttributeValue>> items(DynamoDbClient client, String table, String name,
            String value) {
        return client.scanPaginator(request -> request.tableName(table)).items().stream()
                .filter(item -> item.containsKey(name) && value.equals(item.get(name).s())).toList();
    }

    private static List<String> objectKeys(String bucket) {
        try (S3Client client = S3Client.builder().endpointOverride(s3.uri().orElseThrow()).forcePathStyle(true)
                .region(Region.of(s3.region())).credentialsProvider(credentials(s3.credentials())).build()) {
            return client.listObjectsV2Paginator(request -> request.bucket(bucket)).contents().stream()
                    .map(S3Object::key).toList();
        }
    }

    private static List<String> column(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        }
    }

    private static AwsCredentialsProvider credentials(Optional<Credentials> credentials) {
        return credentials.<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(
                AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }
}
