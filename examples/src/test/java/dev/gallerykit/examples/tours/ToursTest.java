package dev.gallerykit.examples.tours;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.domain.UserStatus;
import dev.gallerykit.local.LocalCloud;
import dev.gallerykit.local.LocalCloud.Service;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

class ToursTest {

    private static final List<String> STEPS = List.of(" 1. Sign up ", " 2. Read the confirmation mail",
            " 3. Confirm the email address", " 4. Sign in", " 5. Create albums", " 6. Upload sample photos",
            " 7. List and page", " 8. Search", " 9. Update a photo", "10. Presigned URLs", "11. Delete a photo",
            "12. Delete an album", "13. Delete the account");
    /** With --async: one step more after the uploads, the workers'. */
    private static final List<String> ASYNC_STEPS = List.of(" 1. Sign up ", " 2. Read the confirmation mail",
            " 3. Confirm the email address", " 4. Sign in", " 5. Create albums", " 6. Upload sample photos",
            " 7. Process the uploads: workers take the jobs from SQS queue ", " 8. List and page", " 9. Search",
            "10. Update a photo", "11. Presigned URLs", "12. Delete a photo", "13. Delete an album",
            "14. Delete the account");

    /** A tour's printed output and the outcomes it reported. */
    private record Run(String out, TourReport report) {
    }

    private static Run run(TourLauncher.Runner tour, List<String> args, Map<String, String> env) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        TourReport report = tour.run(TourSettings.parse(args, env), new PrintStream(buffer, true, StandardCharsets.UTF_8));
        return new Run(buffer.toString(StandardCharsets.UTF_8), report);
    }

    /** Every step happened, in order, and did what the tour says it does. */
    private static void assertTheWholeTour(Run run) {
        assertThat(run.report().processed()).as("synchronous: nothing left to workers").isEmpty();
        assertTheWholeTour(run, STEPS);
    }

    /** The whole tour, and its uploads answered at once and finished by the workers through SQS. */
    private static void assertTheWholeAsynchronousTour(Run run) {
        assertTheWholeTour(run, ASYNC_STEPS);
        TourReport.Processed processed = run.report().processed().orElseThrow();
        assertThat(processed.answeredProcessing()).as("uploads that answered with their original only").isEqualTo(6);
        assertThat(processed.ready()).isEqualTo(6);
        assertThat(processed.failed()).isZero();
        // At least once: SQS may deliver an event twice, never not at all.
        assertThat(processed.events().get("PHOTO_UPLOADED")).isGreaterThanOrEqualTo(6);
        assertThat(processed.events().get("PHOTO_READY")).isGreaterThanOrEqualTo(6);
        assertThat(run.out()).contains("6 of 6 uploads answered PROCESSING", "PROCESSING, renditions to come",
                "the workers made 6 ready and marked 0 failed");
    }

    private static void assertTheWholeTour(Run run, List<String> steps) {
        TourReport report = run.report();
        assertThat(run.out()).containsSubsequence(steps);

        assertThat(report.refusedBeforeConfirmation()).contains("not confirmed");
        assertThat(report.confirmationLink()).startsWith("http://localhost:8080/account/confirm-email?token=");
        assertThat(report.statusAfterConfirmation()).isEqualTo(UserStatus.ACTIVE);
        assertThat(report.authenticatedAs()).isEqualTo(report.email());

        assertThat(report.albums()).containsExactly("Kyoto 2023", "Paris 2024", "Lisbon 2025");
        assertThat(report.uploaded()).hasSize(6);
        assertThat(report.pages()).containsExactly(List.of("Belém sunset", "Azulejos"), List.of("Tram 28"));
        assertThat(report.searches()).containsExactly(
                Map.entry("tag 'sunset'", List.of("Kinkaku-ji", "Belém sunset")),
                Map.entry("text 'tiles'", List.of("Azulejos")),
                Map.entry("taken in May 2025", List.of("Belém sunset", "Azulejos", "Tram 28")),
                Map.entry("in a box around Lisbon", List.of("Belém sunset", "Azulejos", "Tram 28")),
                Map.entry("around Kyoto and tag 'sunset'", List.of("Kinkaku-ji")),
                Map.entry("tag 'blue'", List.of("Azulejos of São Roque")));
        assertThat(report.updated().title()).isEqualTo("Azulejos of São Roque");
        assertThat(report.updated().tags()).containsExactlyInAnyOrder("tiles", "blue");

        // The Eiffel Tower sample is 640x480 stored sideways (orientation 6): its thumbnail stands upright.
        FetchedFile thumbnail = report.thumbnail();
        assertThat(thumbnail.status()).isEqualTo(200);
        assertThat(thumbnail.contentType()).contains("image/jpeg");
        assertThat(thumbnail.jpeg()).isTrue();
        assertThat(new Dimensions(thumbnail.width(), thumbnail.height())).isEqualTo(new Dimensions(192, 256));
        assertThat(report.thumbnailDimensions()).contains(new Dimensions(192, 256));

        assertThat(report.deletedPhotoGone()).isTrue();
        // Two photos of 1600x1200: the original and the 1280 and 256 renditions of each.
        assertThat(report.blobsRemovedWithAlbum()).isEqualTo(6);
        assertThat(report.leftovers()).isEqualTo(
                new TourReport.Leftovers(Optional.of("wrong email or password"), false, 0, 0, 0));
        assertThat(run.out()).contains("nothing of " + report.email() + " is left");
    }

    @Test
    @DisplayName("the SQL + S3 tour runs to the end on LocalCloud, with H2 and the mail read from GreenMail")
    void sqlTourOnLocalCloud() {
        Run run = run(SqlS3Tour::run, List.of(), Map.of());

        assertTheWholeTour(run);
        assertThat(run.out()).contains("records in SQL (H2 in memory)", "S3Proxy of LocalCloud",
                "GreenMail of LocalCloud", "Removed bucket gallerykit-tour-");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    @DisplayName("the SQL + S3 tour runs to the end on a database server it starts")
    void sqlTourOnADatabaseServer(String database) {
        Run run = run(SqlS3Tour::run, List.of("--database", database), Map.of());

        assertTheWholeTour(run);
        assertThat(run.out()).containsPattern("records in SQL \\((POSTGRES|MARIADB) on a server started for the tour, jdbc:"
                + (database.equals("postgres") ? "postgresql" : "mariadb") + "://127.0.0.1:");
    }

    @Test
    @DisplayName("the DynamoDB + S3 tour runs to the end on LocalCloud and removes its tables and bucket")
    void dynamoDbTourOnLocalCloud() {
        Run run = run(DynamoDbS3Tour::run, List.of(), Map.of());

        assertTheWholeTour(run);
        assertThat(run.out()).contains("DynamoDB Local of LocalCloud", "GreenMail of LocalCloud");
        assertThat(run.out()).containsPattern("Removed table gallerykit-tour-\\p{XDigit}{8}-users")
                .contains("Removed bucket gallerykit-tour-");
    }

    @Test
    @DisplayName("the DynamoDB + S3 tour with --async: uploads answer at once, workers finish them through ElasticMQ, and the queues go at the end")
    void asynchronousDynamoDbTourOnLocalCloud() {
        Run run = run(DynamoDbS3Tour::run, List.of("--async", "--queue-prefix", "tour-async-"), Map.of());

        assertTheWholeAsynchronousTour(run);
        assertThat(run.out()).contains("ElasticMQ of LocalCloud", "created queues tour-async-jobs, tour-async-jobs-dead,"
                + " tour-async-events", "Removed queue tour-async-jobs", "Removed queue tour-async-jobs-dead",
                "Removed queue tour-async-events");
    }

    /** With endpoints in the environment, as for LocalStack; a LocalCloud of the test's own stands in for it. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AgainstAnEndpoint {

        private LocalCloud standIn;
        private S3Client s3;
        private DynamoDbClient dynamoDb;
        private SqsClient sqs;

        @BeforeAll
        void start() {
            standIn = LocalCloud.start(Service.S3, Service.DYNAMODB, Service.SMTP, Service.SQS);
            var key = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    standIn.credentials().accessKeyId(), standIn.credentials().secretAccessKey()));
            Region region = Region.of(standIn.s3().region());
            s3 = S3Client.builder().httpClientBuilder(ApacheHttpClient.builder()).region(region).credentialsProvider(key)
                    .endpointOverride(standIn.s3().uri().orElseThrow()).forcePathStyle(true).build();
            dynamoDb = DynamoDbClient.builder().httpClientBuilder(ApacheHttpClient.builder()).region(region)
                    .credentialsProvider(key).endpointOverride(standIn.dynamoDb().uri()).build();
            sqs = SqsClient.builder().httpClientBuilder(ApacheHttpClient.builder()).region(region)
                    .credentialsProvider(key).endpointOverride(standIn.sqs().uri().orElseThrow()).build();
        }

        @AfterAll
        void stop() {
            s3.close();
            dynamoDb.close();
            sqs.close();
            standIn.close();
        }

        @Test
        @DisplayName("the SQL tour keeps the mails in memory when no SMTP server is given, and removes the bucket it made")
        void sqlTourWithTheMailInMemory() {
            Run run = run(SqlS3Tour::run, List.of("--bucket", "tour-sql-endpoint"), standIn.awsEnvironment());

            assertTheWholeTour(run);
            assertThat(run.out()).contains("endpoint " + standIn.s3().uri().orElseThrow(),
                    "the mails are kept in memory", "Removed bucket tour-sql-endpoint");
            assertThat(Buckets.exists(s3, "tour-sql-endpoint")).isFalse();
        }

        @Test
        @DisplayName("the SQL tour with GALLERYKIT_TOUR_ASYNC on an SQS endpoint: the workers finish the uploads, and the queues it made go")
        void asynchronousSqlTourOnAnEndpoint() {
            Map<String, String> env = new HashMap<>(standIn.awsEnvironment());
            env.put(TourSettings.ASYNC, "true");
            env.put(TourSettings.QUEUE_PREFIX, "tour-sql-async-");

            Run run = run(SqlS3Tour::run, List.of(), env);

            assertTheWholeAsynchronousTour(run);
            assertThat(run.out()).contains("SQS: endpoint " + standIn.sqs().uri().orElseThrow());
            assertThat(sqs.listQueues(b -> b.queueNamePrefix("tour-sql-async-")).queueUrls())
                    .as("the queues the tour made").isEmpty();
        }

        @Test
        @DisplayName("the DynamoDB tour reads its mail over IMAP when given a mail server, and keeps its bucket and tables when asked")
        void dynamoDbTourWithSmtpThatKeepsItsResources() {
            Map<String, String> env = new HashMap<>(standIn.awsEnvironment());
            env.put(TourSettings.SMTP_HOST, standIn.smtp().host());
            env.put(TourSettings.SMTP_PORT, String.valueOf(standIn.smtp().port()));
            env.put(TourSettings.IMAP_PORT, String.valueOf(standIn.smtp().imapPort()));

            Run run = run(DynamoDbS3Tour::run, List.of("--bucket", "tour-kept", "--table-prefix", "kept-", "--keep"), env);

            assertTheWholeTour(run);
            assertThat(run.out()).contains("read back over IMAP", "Kept bucket tour-kept", "Kept table kept-photos");
            assertThat(Buckets.exists(s3, "tour-kept")).isTrue();
            assertThat(dynamoDb.listTables().tableNames())
                    .contains("kept-users", "kept-albums", "kept-photos", "kept-sessions");

            // Run again on what was kept: nothing is created, so nothing is removed.
            Run again = run(DynamoDbS3Tour::run, List.of("--bucket", "tour-kept", "--table-prefix", "kept-"), env);
            assertTheWholeTour(again);
            assertThat(again.out()).doesNotContain("created tables", "Removed ");
            assertThat(Buckets.exists(s3, "tour-kept")).isTrue();
        }
    }
}
