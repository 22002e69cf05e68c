package dev.gallerykit.spring;

import dev.gallerykit.DuplicatePolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gallerykit.* properties. Binding only converts types; what is required and what goes
 * together is checked when the beans are made, and a failure names the property (see
 * {@link GalleryKitConfigurationException}).
 *
 * @param store Where the users, albums, photos and sessions are kept.
 * @param blobs Where the image bytes are kept.
 * @param appName The name mails use for the service.
 * @param linksBaseUrl The absolute URL the mailed confirmation and reset links start with, such as
 *        https://photos.example.com/account; required with gallery-auth.
 * @param cursorSecret Base64 key of at least 32 bytes that signs page cursors; give every instance of
 *        a deployment the same one (a random key per instance by default).
 * @param duplicates What uploading bytes the owner already has does.
 * @param upload Limits and renditions of uploads.
 * @param jdbc The SQL store, for gallerykit.store=jdbc.
 * @param dynamodb The DynamoDB store, for gallerykit.store=dynamodb.
 * @param s3 The S3 blob store, for gallerykit.blobs=s3.
 * @param tokens The signing of access tokens, with gallery-auth.
 * @param mail The SMTP server the account mails go through, with gallery-auth.
 * @param accounts Sign-up, sign-in and password settings, with gallery-auth.
 * @param processing Whether uploads are processed while they are made or afterwards by workers, and the
 *        workers of this process.
 * @param sqs The SQS queues, for gallerykit.processing.queue=sqs and gallerykit.sqs.events-queue.
 */
@ConfigurationProperties("gallerykit")
public record GalleryKitProperties(
        @DefaultValue("memory") Store store,
        @DefaultValue("memory") Blobs blobs,
        @DefaultValue("GalleryKit") String appName,
        String linksBaseUrl,
        String cursorSecret,
        @DefaultValue("reject") DuplicatePolicy duplicates,
        @DefaultValue Upload upload,
        @DefaultValue Jdbc jdbc,
        @DefaultValue DynamoDb dynamodb,
        @DefaultValue S3 s3,
        @DefaultValue Tokens tokens,
        @DefaultValue Mail mail,
        @DefaultValue Accounts accounts,
        @DefaultValue Processing processing,
        @DefaultValue Sqs sqs) {

    /** Where the records are kept. */
    public enum Store {
        /** In this JVM's memory: for tests and demos, lost on restart. */
        MEMORY,
        /** On SQL through gallery-jdbc (H2, MariaDB, MySQL 8, PostgreSQL). */
        JDBC,
        /** On DynamoDB through gallery-dynamodb. */
        DYNAMODB
    }

    /** Where the image bytes are kept. */
    public enum Blobs {
        /** In this JVM's memory: for tests and demos, lost on restart. */
        MEMORY,
        /** On S3 or an S3-compatible server through gallery-s3. */
        S3
    }

    /** What makes the renditions of uploads. */
    public enum Engine {
        /** libvips when gallery-vips is on the class path and the library loads, the pure-Java engine otherwise. */
        AUTO,
        /** The pure-Java engine (JPEG, PNG, GIF, WebP, TIFF). */
        JAVA,
        /** libvips through gallery-vips (HEIC and AVIF too); start-up fails without it. */
        VIPS
    }

    /** When uploads are processed. */
    public enum ProcessingMode {
        /** While the upload is made: a photo is ready when the upload returns. */
        SYNCHRONOUS,
        /** Afterwards, by workers that receive a job per upload: a photo is processing when the upload returns. */
        ASYNCHRONOUS
    }

    /** Where the jobs of asynchronous processing wait for a worker. */
    public enum Queue {
        /** In this JVM's memory: only workers of this process see them, and they are lost on restart. */
        MEMORY,
        /** On an SQS queue and its dead-letter queue through gallery-sqs, for workers of any process. */
        SQS
    }

    /** Server-side encryption of the objects written to S3. */
    public enum Encryption {
        /** The bucket's default. */
        NONE,
        /** SSE-S3 (AES256, keys managed by S3). */
        SSE_S3,
        /** SSE-KMS, with gallerykit.s3.kms-key-id or the account's default key. */
        KMS
    }

    /** How the SMTP connection is protected. */
    public enum MailSecurity {
        /** No TLS: local servers only; credentials are refused over it. */
        NONE,
        /** Plain connect, then STARTTLS (port 587 by default). */
        STARTTLS,
        /** TLS from the first byte (port 465 by default). */
        SMTPS
    }

    /**
     * Limits and renditions of uploads.
     *
     * @param maxBytes The largest upload accepted.
     * @param maxPixels The most pixels an image may have before it is decoded.
     * @param thumbnailSizes The longest edge of each rendition, in pixels.
     * @param jpegQuality The JPEG quality of renditions, from 0 to 1.
     * @param spoolDirectory Where uploads are spooled while they are processed (java.io.tmpdir by default).
     * @param engine What decodes uploads and makes their renditions; a host ImageEngine bean wins.
     */
    public record Upload(
            @DefaultValue("50MB") DataSize maxBytes,
            @DefaultValue("100000000") long maxPixels,
            @DefaultValue({"1280", "256"}) List<Integer> thumbnailSizes,
            @DefaultValue("0.85") float jpegQuality,
            Path spoolDirectory,
            @DefaultValue("auto") Engine engine) {
    }

    /**
     * The SQL store. Without a URL the host's DataSource bean is used.
     *
     * @param url A JDBC URL of a database of GalleryKit's own, for which a connection pool is made;
     *        it wins over the host's DataSource.
     * @param username The user for the URL.
     * @param password The password for the URL.
     * @param migrate Whether the gallery tables are created or upgraded on start.
     * @param maximumPoolSize The size of the pool made for the URL.
     * @param connectionTimeout How long a call waits for a connection of that pool before it fails.
     */
    public record Jdbc(
            String url,
            String username,
            String password,
            @DefaultValue("true") boolean migrate,
            @DefaultValue("10") int maximumPoolSize,
            @DefaultValue("10s") Duration connectionTimeout) {

        @Override
        public String toString() {
            return "Jdbc[url=" + url + ", username=" + username + ", migrate=" + migrate + "]";
        }
    }

    /**
     * The DynamoDB store. The host's DynamoDbClient bean is used when there is one, else a
     * client from the SDK defaults and the endpoint and region here.
     *
     * @param tablePrefix The prefix of the four table names (users, albums, photos, sessions).
     * @param createTables Whether missing tables are created on start.
     * @param endpoint An endpoint override (LocalStack, DynamoDB Local) for the client made here.
     * @param region The region of the client made here; the SDK's region chain otherwise.
     */
    public record DynamoDb(
            @DefaultValue("gallerykit-") String tablePrefix,
            @DefaultValue("true") boolean createTables,
            URI endpoint,
            String region) {
    }

    /**
     * The S3 blob store. The host's S3Client bean is used when there is one, else a client
     * from the SDK defaults and the endpoint and region here.
     *
     * @param bucket The bucket that holds the blobs; required for gallerykit.blobs=s3.
     * @param keyPrefix A prefix in front of every key, such as tenant-a/.
     * @param encryption Server-side encryption of the objects written.
     * @param kmsKeyId The KMS key for encryption=kms; the account's default key otherwise.
     * @param endpoint An endpoint override (LocalStack, MinIO) for the client made here.
     * @param region The region of the client made here; the SDK's region chain otherwise.
     * @param pathStyle Path-style URLs; on by default when an endpoint is given.
     * @param createBucket Whether a missing bucket is created on start (tests, demos).
     */
    public record S3(
            String bucket,
            @DefaultValue("") String keyPrefix,
            @DefaultValue("none") Encryption encryption,
            String kmsKeyId,
            URI endpoint,
            String region,
            Boolean pathStyle,
            @DefaultValue("false") boolean createBucket) {
    }

    /**
     * The signing of access tokens: an HMAC secret (HS256), or a key pair (RS256 or ES256) whose
     * public key can be published as a JWKS.
     *
     * @param issuer The iss claim, such as https://photos.example.com.
     * @param audience The aud claim, such as photos-web.
     * @param hmacSecret Base64 of a secret of at least 32 bytes, for HS256.
     * @param privateKey A PKCS#8 PEM private key (RSA or EC P-256), with public-key.
     * @param publicKey The X.509 PEM public key that goes with private-key.
     * @param keyId The kid header; for a key pair its thumbprint by default.
     * @param accessTokenTtl The lifetime of access tokens, at most one hour.
     * @param refreshTokenTtl The lifetime of a sign-in's refresh tokens.
     */
    public record Tokens(
            String issuer,
            String audience,
            String hmacSecret,
            String privateKey,
            String publicKey,
            String keyId,
            @DefaultValue("5m") Duration accessTokenTtl,
            @DefaultValue("30d") Duration refreshTokenTtl) {

        @Override
        public String toString() {
            return "Tokens[issuer=" + issuer + ", audience=" + audience + ", keyId=" + keyId + "]";
        }
    }

    /**
     * The SMTP server of the account mails. Without a host, Spring's JavaMailSender bean is
     * used when there is one, else the mails are only logged.
     *
     * @param host The SMTP server.
     * @param port The port; by default 587 for STARTTLS, 465 for SMTPS, 25 for none.
     * @param security How the connection is protected.
     * @param username The SMTP AUTH user (for SES: the SMTP credentials).
     * @param password The SMTP AUTH password.
     * @param from The sender: an address such as no-reply@example.com, with a display name if wanted.
     */
    public record Mail(
            String host,
            Integer port,
            @DefaultValue("starttls") MailSecurity security,
            String username,
            String password,
            String from) {

        @Override
        public String toString() {
            return "Mail[host=" + host + ", port=" + port + ", security=" + security + ", from=" + from + "]";
        }
    }

    /**
     * Account settings.
     *
     * @param enabled Whether Accounts is configured when gallery-auth is on the class path.
     * @param bcryptCost The bcrypt cost of new password hashes (12 by default).
     * @param confirmationTtl How long a confirmation link works.
     * @param resetTtl How long a password-reset link works.
     */
    public record Accounts(
            @DefaultValue("true") boolean enabled,
            Integer bcryptCost,
            @DefaultValue("10m") Duration confirmationTtl,
            @DefaultValue("1h") Duration resetTtl) {
    }

    /**
     * The processing of uploads. With mode=asynchronous an upload stores the original and a processing
     * photo, and sends a job to the application's JobQueue bean (an in-memory queue when there is none);
     * workers make the renditions and mark the photo ready, or failed with a reason.
     *
     * @param mode Whether uploads are processed while they are made (synchronous) or by workers afterwards
     *        (asynchronous).
     * @param queue Where the jobs wait with mode=asynchronous and no JobQueue bean of the application's: memory,
     *        or sqs (gallery-sqs, with gallerykit.sqs.*).
     * @param workerThreads The threads of the worker this process runs with mode=asynchronous, 1 to 256;
     *        0 runs no worker here, for applications whose workers run elsewhere.
     * @param maxAttempts The tries at processing a photo before it is marked failed.
     * @param visibility How long a job a worker received is hidden from other workers before it is
     *        extended again; the job of a worker that died comes back after it.
     * @param receiveWait How long a worker's receive waits for jobs; by default 1s on the in-memory queue and 20s
     *        (long polling) on any other. Stopping the worker may wait this long.
     * @param stopGrace How long stopping the worker waits for the jobs under way before it gives them back
     *        to the queue.
     */
    public record Processing(
            @DefaultValue("synchronous") ProcessingMode mode,
            @DefaultValue("memory") Queue queue,
            @DefaultValue("1") int workerThreads,
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("2m") Duration visibility,
            Duration receiveWait,
            @DefaultValue("30s") Duration stopGrace) {
    }

    /**
     * The SQS queues of gallery-sqs. The host's SqsClient bean is used when there is one, else a client from
     * the SDK defaults (AWS_ENDPOINT_URL_SQS among them) and the endpoint and region here.
     *
     * @param queueName The name of the job queue, for gallerykit.processing.queue=sqs; or queue-url.
     * @param queueUrl The URL of the job queue, instead of its name.
     * @param deadLetterQueue The name of the dead-letter queue the jobs move to after max-receives receives; or
     *        dead-letter-queue-url.
     * @param deadLetterQueueUrl The URL of the dead-letter queue, instead of its name.
     * @param maxReceives The receives after which a job moves to the dead-letter queue, 1 to 1000: the
     *        maxReceiveCount of the job queue's redrive policy.
     * @param endpoint An endpoint override (LocalStack, ElasticMQ) for the client made here.
     * @param region The region of the client made here; the SDK's region chain otherwise.
     * @param createQueues Whether missing queues are created on start, the job queue with its redrive policy
     *        (tests, demos).
     * @param eventsQueue The name or URL of a queue the gallery's events are sent to, as JSON, instead of
     *        being published as Spring application events; an EventPublisher bean of the application's wins.
     */
    public record Sqs(
            String queueName,
            String queueUrl,
            String deadLetterQueue,
            String deadLetterQueueUrl,
            @DefaultValue("5") int maxReceives,
            URI endpoint,
            String region,
            @DefaultValue("false") boolean createQueues,
            String eventsQueue) {
    }
}
