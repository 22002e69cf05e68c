package com.example.photos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gallerykit.Gallery;
import dev.gallerykit.GalleryWorker;
import dev.gallerykit.Upload;
import dev.gallerykit.auth.Accounts;
import dev.gallerykit.auth.AuthTokens;
import dev.gallerykit.auth.SmtpMailer;
import dev.gallerykit.auth.TokenService;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoStatus;
import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.dynamodb.DynamoDbRepositories;
import dev.gallerykit.error.AuthenticationFailedException;
import dev.gallerykit.jdbc.JdbcRepositories;
import dev.gallerykit.local.LocalCloud;
import dev.gallerykit.local.LocalCloud.Service;
import dev.gallerykit.s3.S3BlobStore;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.PresignedRequest;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.spi.UserRepository;
import dev.gallerykit.sqs.SqsJobQueue;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What a host application does with GalleryKit, wired only from the README's POM: accounts, albums and
 * photos on H2 + S3 and on DynamoDB + S3 (also with the processing left to a worker through SQS), against
 * the servers of gallery-local, from sign-up to deletion.
 */
class SignUpToDeletionTest {

    private static final Pattern CONFIRMATION_LINK = Pattern.compile("https://photos\\.example\\.com/\\S*?token=([A-Za-z0-9_.-]+)");
    private static final String PASSWORD = "a long and unguessable passphrase";

    private static LocalCloud cloud;

    @BeforeAll
    static void startServers() {
        cloud = LocalCloud.start(Service.S3, Service.DYNAMODB, Service.SMTP, Service.SQS);
    }

    @AfterAll
    static void stopServers() {
        cloud.close();
    }

    @Test
    void onH2AndS3() {
        String url = "jdbc:h2:mem:photos-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (JdbcRepositories db = JdbcRepositories.builder().jdbcUrl(url).username("sa").password("").build()) {
            db.migrate();
            signUpToDeletion(db.users(), db.sessions(), db.albums(), db.photos(), Optional.empty());
        }
    }

    @Test
    void onDynamoDbAndS3() {
        try (DynamoDbClient client = dynamoDbClient(); DynamoDbRepositories db = DynamoDbRepositories.builder()
                .client(client).tablePrefix("photos-" + UUID.randomUUID() + "-").build()) {
            db.createTablesIfMissing();
            signUpToDeletion(db.users(), db.sessions(), db.albums(), db.photos(), Optional.empty());
        }
    }

    @Test
    void onDynamoDbAndS3WithJobsOnSqs() {
        String name = "photos-" + UUID.randomUUID();
        try (DynamoDbClient client = dynamoDbClient(); DynamoDbRepositories db = DynamoDbRepositories.builder()
                .client(client).tablePrefix(name + "-").build();
             SqsJobQueue jobs = SqsJobQueue.builder().queueName(name + "-jobs").deadLetterQueue(name + "-jobs-dead")
                     .maxReceives(5).endpoint(cloud.sqs().uri().orElseThrow()).region(Region.of(cloud.sqs().region()))
                     .credentialsProvider(credentials()).build()) {
            db.createTablesIfMissing();
            jobs.createQueuesIfMissing();
            signUpToDeletion(db.users(), db.sessions(), db.albums(), db.photos(), Optional.of(jobs));
        }
    }

    private static DynamoDbClient dynamoDbClient() {
        return DynamoDbClient.builder()
                .endpointOverride(cloud.dynamoDb().uri())
                .region(Region.of(cloud.dynamoDb().region()))
                .credentialsProvider(credentials())
                .build();
    }

    private void signUpToDeletion(UserRepository users, SessionRepository sessions, AlbumRepository albums,
                                  PhotoRepository photos, Optional<SqsJobQueue> jobs) {
        String bucket = "photos-" + UUID.randomUUID();
        try (S3BlobStore blobs = S3BlobStore.builder().bucket(bucket)
                .endpoint(cloud.s3().uri().orElseThrow())
                .region(Region.of(cloud.s3().region()))
                .credentialsProvider(credentials())
                .build()) {
            blobs.createBucketIfMissing();
            Gallery.Builder wiring = Gallery.builder().albums(albums).photos(photos).blobs(blobs)
                    .owners(Accounts.ownerCheck(users));
            jobs.ifPresent(wiring::asynchronous);
            Gallery gallery = wiring.build();
            Accounts accounts = accounts(gallery, users, sessions);
            String email = "ana-" + UUID.randomUUID() + "@example.com";

            accounts.signUp(email, PASSWORD, "Ana");
            User confirmed = accounts.confirmEmail(confirmationToken(email));
            AuthTokens tokens = accounts.signIn(email, PASSWORD);
            UserId me = accounts.authenticate(tokens.accessToken()).userId();
            assertEquals(confirmed.id(), me);

            Album trip = gallery.albums().create(me, "Lisbon 2026", "Tiles and trams");
            Photo photo = gallery.photos().upload(me, trip.id(), Upload.builder()
                    .content(PhotoFixtures.aJpeg(2000, 1500, 7).stream()).fileName("IMG_0001.jpg").build());
            if (jobs.isPresent()) {
                assertEquals(PhotoStatus.PROCESSING, photo.status());
                assertFalse(photo.hasThumbnails());
                photo = processedByAWorker(gallery, photo);
                assertEquals(PhotoStatus.READY, photo.status());
            }
            assertTrue(photo.hasThumbnails());

            PresignedRequest thumbnail = gallery.photos().url(me, photo.id(), "thumb-256", Duration.ofMinutes(5));
            BufferedImage image = fetchImage(thumbnail.uri());
            assertEquals(256, Math.max(image.getWidth(), image.getHeight()));

            accounts.deleteAccount(me, PASSWORD);

            assertTrue(gallery.albums().list(me, PageRequest.first(10)).items().isEmpty());
            assertFalse(users.findById(me).isPresent());
            assertEquals(0, objectsIn(bucket));
            assertThrows(AuthenticationFailedException.class, () -> accounts.signIn(email, PASSWORD));
        }
    }

    /** Runs a worker on the gallery's queue until the photo is processed; the photo as it is then. */
    private static Photo processedByAWorker(Gallery gallery, Photo photo) {
        try (GalleryWorker worker = GalleryWorker.builder(gallery).threads(1).wait(Duration.ofSeconds(1)).build()
                .start()) {
            for (int read = 0; read < 600; read++) {
                Photo current = gallery.photos().get(photo.ownerId(), photo.id());
                if (current.status() != PhotoStatus.PROCESSING) {
                    return current;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("the worker did not process photo " + photo.id() + " within 600 reads");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Accounts accounts(Gallery gallery, UserRepository users, SessionRepository sessions) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Accounts.builder()
                .gallery(gallery).users(users).sessions(sessions)
                .tokens(TokenService.builder().issuer("https://photos.example.com").audience("photos-web")
                        .hmacSecret(secret).build())
                .mailer(SmtpMailer.builder().host(cloud.smtp().host()).port(cloud.smtp().port())
                        .security(SmtpMailer.Security.NONE).from("Photos <no-reply@photos.example.com>").build())
                .links("https://photos.example.com/account")
                .build();
    }

    private static String confirmationToken(String email) {
        List<MimeMessage> mails = cloud.smtp().awaitMessages(email, 1, Duration.ofSeconds(30));
        try {
            String body = text(mails.get(0).getContent());
            Matcher link = CONFIRMATION_LINK.matcher(body);
            assertTrue(link.find(), () -> "no confirmation link in: " + body);
            return link.group(1);
        } catch (Exception e) {
            throw new AssertionError("cannot read the confirmation mail", e);
        }
    }

    private static String text(Object content) throws Exception {
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i).getContent())).append('\n');
            }
            return all.toString();
        }
        return String.valueOf(content);
    }

    private static BufferedImage fetchImage(URI uri) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode());
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
            assertNotNull(image, "the presigned URL did not return an image");
            return image;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int objectsIn(String bucket) {
        try (S3Client s3 = S3Client.builder().endpointOverride(cloud.s3().uri().orElseThrow())
                .region(Region.of(cloud.s3().region())).credentialsProvider(credentials())
                .forcePathStyle(true).build()) {
            return s3.listObjectsV2(r -> r.bucket(bucket)).keyCount();
        }
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                cloud.credentials().accessKeyId(), cloud.credentials().secretAccessKey()));
    }
}
