package dev.gallerykit.examples.tours;

import dev.gallerykit.Gallery;
import dev.gallerykit.auth.Accounts;
import dev.gallerykit.auth.Mailer;
import dev.gallerykit.auth.SmtpMailer;
import dev.gallerykit.auth.TokenService;
import dev.gallerykit.examples.tours.TourSettings.Mode;
import dev.gallerykit.local.LocalCloud;
import dev.gallerykit.local.LocalCloud.Service;
import dev.gallerykit.s3.S3BlobStore;
import dev.gallerykit.sqs.SqsEventPublisher;
import dev.gallerykit.sqs.SqsJobQueue;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.spi.UserRepository;
import java.io.PrintStream;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * What a tour's stores run on: the servers of a {@link LocalCloud} it starts, or LocalStack, or AWS;
 * the SDK clients for them, the photo bucket, the queues of an asynchronous tour, the mailer and where
 * its mails are read. Closing it
 * removes what the tour created (unless kept), then closes the clients and stops the servers.
 */
final class TourCloud implements AutoCloseable {

    /** Something the tour created and removes at the end, such as its bucket. */
    private record Created(String what, Runnable removal) {
    }

    private final TourSettings settings;
    private final PrintStream out;
    private final Optional<LocalCloud> local;
    private final S3Client s3;
    private final Optional<DynamoDbClient> dynamoDb;
    private final Optional<SqsClient> sqs;
    private Optional<TourQueues> queues = Optional.empty();
    private final S3BlobStore blobs;
    private final Mailer mailer;
    private final Inbox inbox;
    private final List<Created> created = new ArrayList<>();
    private final List<String> description = new ArrayList<>();

    private TourCloud(TourSettings settings, PrintStream out, boolean needsDynamoDb) {
        this.settings = settings;
        this.out = out;
        if (settings.mode() == Mode.LOCAL_CLOUD) {
            Set<Service> services = EnumSet.of(Service.S3, Service.SMTP);
            if (needsDynamoDb) {
                services.add(Service.DYNAMODB);
            }
            if (settings.asynchronous()) {
                services.add(Service.SQS);
            }
            LocalCloud cloud = LocalCloud.start(services);
            this.local = Optional.of(cloud);
            AwsCredentialsProvider key = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    cloud.credentials().accessKeyId(), cloud.credentials().secretAccessKey()));
            Region region = Region.of(cloud.s3().region());
            URI s3Endpoint = cloud.s3().uri().orElseThrow();
            this.s3 = s3Client(Optional.of(s3Endpoint), region, key);
            description.add("S3: S3Proxy of LocalCloud at " + s3Endpoint);
            this.dynamoDb = needsDynamoDb
                    ? Optional.of(dynamoDbClient(Optional.of(cloud.dynamoDb().uri()), region, key)) : Optional.empty();
            dynamoDb.ifPresent(d -> description.add("DynamoDB: DynamoDB Local of LocalCloud at " + cloud.dynamoDb().uri()));
            this.sqs = settings.asynchronous()
                    ? Optional.of(sqsClient(cloud.sqs().uri(), region, key)) : Optional.empty();
            sqs.ifPresent(q -> description.add("SQS: ElasticMQ of LocalCloud at " + cloud.sqs().uri().orElseThrow()));
            this.mailer = smtpMailer(cloud.smtp().host(), cloud.smtp().port());
            this.inbox = (recipient, count, timeout) -> {
                try {
                    var received = cloud.smtp().awaitMessages(recipient, count, timeout);
                    return Inbox.plainText(received.get(received.size() - 1));
                } catch (AssertionError e) {
                    // LocalSmtp is made for tests, where a missing mail is a failed assertion; here it is not.
                    throw new IllegalStateException(e.getMessage(), e);
                }
            };
            description.add("mail: GreenMail of LocalCloud at " + cloud.smtp().host() + ":" + cloud.smtp().port());
        } else {
            this.local = Optional.empty();
            Region region = Region.of(settings.region());
            AwsCredentialsProvider key = credentials(settings);
            this.s3 = s3Client(settings.s3Endpoint(), region, key);
            description.add("S3: " + where(settings.s3Endpoint(), region));
            this.dynamoDb = needsDynamoDb
                    ? Optional.of(dynamoDbClient(settings.dynamoDbEndpoint(), region, key)) : Optional.empty();
            dynamoDb.ifPresent(d -> description.add("DynamoDB: " + where(settings.dynamoDbEndpoint(), region)));
            this.sqs = settings.asynchronous()
                    ? Optional.of(sqsClient(settings.sqsEndpoint(), region, key)) : Optional.empty();
            sqs.ifPresent(q -> description.add("SQS: " + where(settings.sqsEndpoint(), region)));
            if (settings.smtp().isPresent()) {
                TourSettings.Smtp smtp = settings.smtp().get();
                this.mailer = smtpMailer(smtp.host(), smtp.port());
                this.inbox = new ImapInbox(smtp.host(), smtp.imapPort());
                description.add("mail: SMTP at " + smtp.host() + ":" + smtp.port() + ", read back over IMAP port "
                        + smtp.imapPort());
            } else {
                MemoryMailer memory = new MemoryMailer();
                this.mailer = memory;
                this.inbox = memory;
                description.add("mail: no SMTP server given (" + TourSettings.SMTP_HOST + "), so the mails are kept"
                        + " in memory and read from there");
            }
        }
        this.blobs = S3BlobStore.builder().client(s3).bucket(settings.bucket()).build();
    }

    /**
     * Starts or connects to the stores: S3 and the mail, DynamoDB when asked for, and SQS for an
     * asynchronous tour. Creates the bucket, and the queues of an asynchronous tour, when missing.
     */
    static TourCloud open(TourSettings settings, boolean needsDynamoDb, PrintStream out) {
        TourCloud cloud = new TourCloud(settings, out, needsDynamoDb);
        try {
            cloud.createBucket();
            cloud.sqs.ifPresent(cloud::createQueues);
            return cloud;
        } catch (RuntimeException e) {
            try {
                cloud.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The lines that say where each store is. */
    List<String> description() {
        return List.copyOf(description);
    }

    S3BlobStore blobs() {
        return blobs;
    }

    Inbox inbox() {
        return inbox;
    }

    /** The DynamoDB client, for a tour that asked for DynamoDB. */
    DynamoDbClient dynamoDb() {
        return dynamoDb.orElseThrow(() -> new IllegalStateException("this tour did not ask for DynamoDB"));
    }

    /** Records something the tour created, to remove at the end unless the settings keep it. */
    void removeAtEnd(String what, Runnable removal) {
        created.add(new Created(what, removal));
    }

    /**
     * The tour's gallery and accounts on the given repositories, the bucket and the mailer; for an
     * asynchronous tour, its jobs and events on the queues.
     */
    TourStores wire(UserRepository users, AlbumRepository albums, PhotoRepository photos, SessionRepository sessions) {
        Gallery.Builder builder = Gallery.builder().albums(albums).photos(photos).blobs(blobs)
                .owners(Accounts.ownerCheck(users));
        queues.ifPresent(q -> builder.asynchronous(q.jobs()).events(q.events()));
        Gallery gallery = builder.build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Accounts accounts = Accounts.builder()
                .gallery(gallery).users(users).sessions(sessions).mailer(mailer)
                .tokens(TokenService.builder().issuer("http://localhost:8080").audience("gallerykit-tour")
                        .hmacSecret(secret).build())
                .links("http://localhost:8080/account")
                .appName("GalleryKit tour")
                .build();
        return new TourStores(gallery, accounts, users, albums, photos, blobs, inbox, queues);
    }

    /** Removes what the tour created (newest first) unless kept, then closes the clients and the servers. */
    @Override
    public void close() {
        RuntimeException failure = null;
        if (settings.keep() && local.isPresent()) {
            out.println("Nothing is kept (--keep): the servers of LocalCloud stop now, and what they held goes with them");
        } else if (settings.keep()) {
            created.forEach(c -> out.println("Kept " + c.what() + " (--keep)"));
        } else {
            for (int i = created.size() - 1; i >= 0; i--) {
                Created c = created.get(i);
                try {
                    c.removal().run();
                    out.println("Removed " + c.what());
                } catch (RuntimeException e) {
                    out.println("Could not remove " + c.what() + ": " + e.getMessage());
                    failure = add(failure, e);
                }
            }
        }
        for (AutoCloseable closeable : closeables()) {
            try {
                closeable.close();
            } catch (Exception e) {
                failure = add(failure, e instanceof RuntimeException r ? r : new IllegalStateException(e));
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private List<AutoCloseable> closeables() {
        List<AutoCloseable> closeables = new ArrayList<>();
        closeables.add(blobs);
        closeables.add(s3);
        dynamoDb.ifPresent(closeables::add);
        queues.ifPresent(q -> {
            closeables.add(q.jobs());
            closeables.add(q.events());
        });
        sqs.ifPresent(closeables::add);
        local.ifPresent(closeables::add);
        return closeables;
    }

    private static RuntimeException add(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private void createBucket() {
        String bucket = settings.bucket();
        boolean existed = Buckets.exists(s3, bucket);
        blobs.createBucketIfMissing();
        if (!existed) {
            removeAtEnd("bucket " + bucket, () -> Buckets.emptyAndDelete(s3, bucket));
        }
    }

    /** The jobs queue with its dead letters and the events queue, each made unless it exists, and removed if made. */
    private void createQueues(SqsClient client) {
        String prefix = settings.queuePrefix();
        List<String> names = TourQueues.names(prefix);
        List<String> missing = names.stream().filter(name -> !queueExists(client, name)).toList();
        // Registered before they are made, so that a failure half-way still removes what was made.
        for (String name : missing) {
            removeAtEnd("queue " + name, () -> deleteQueueIfPresent(client, name));
        }
        SqsJobQueue jobs = SqsJobQueue.builder().client(client).queueName(names.get(0)).deadLetterQueue(names.get(1))
                .maxReceives(5).build();
        SqsEventPublisher events = SqsEventPublisher.builder().client(client).queueName(names.get(2)).build();
        queues = Optional.of(new TourQueues(client, jobs, events));
        jobs.createQueuesIfMissing();
        events.createQueueIfMissing();
        if (!missing.isEmpty()) {
            description.add("created queues " + String.join(", ", missing));
        }
    }

    private static boolean queueExists(SqsClient client, String name) {
        try {
            client.getQueueUrl(b -> b.queueName(name));
            return true;
        } catch (QueueDoesNotExistException e) {
            return false;
        }
    }

    private static void deleteQueueIfPresent(SqsClient client, String name) {
        try {
            String url = client.getQueueUrl(b -> b.queueName(name)).queueUrl();
            client.deleteQueue(b -> b.queueUrl(url));
        } catch (QueueDoesNotExistException e) {
            // never made, or removed meanwhile: nothing to do
        }
    }

    private static String where(Optional<URI> endpoint, Region region) {
        return endpoint.map(uri -> "endpoint " + uri + " (LocalStack or compatible), region " + region)
                .orElse("AWS, region " + region);
    }

    private static AwsCredentialsProvider credentials(TourSettings settings) {
        if (settings.accessKey().isPresent()) {
            TourSettings.AccessKey key = settings.accessKey().get();
            AwsCredentials credentials = key.sessionToken().isPresent()
                    ? AwsSessionCredentials.create(key.id(), key.secret(), key.sessionToken().get())
                    : AwsBasicCredentials.create(key.id(), key.secret());
            return StaticCredentialsProvider.create(credentials);
        }
        if (settings.mode() == Mode.ENDPOINT) {
            // LocalStack accepts any key; "test" is its documented default.
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static S3Client s3Client(Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials) {
        S3ClientBuilder builder = S3Client.builder().httpClientBuilder(ApacheHttpClient.builder())
                .region(region).credentialsProvider(credentials)
                // Local servers answer under one host name: path-style URLs, or "bucket.localhost" would be asked.
                .forcePathStyle(endpoint.isPresent());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static DynamoDbClient dynamoDbClient(Optional<URI> endpoint, Region region,
            AwsCredentialsProvider credentials) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClientBuilder(ApacheHttpClient.builder())
                .region(region).credentialsProvider(credentials);
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static SqsClient sqsClient(Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials) {
        SqsClientBuilder builder = SqsClient.builder().httpClientBuilder(ApacheHttpClient.builder())
                .region(region).credentialsProvider(credentials);
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static Mailer smtpMailer(String host, int port) {
        return SmtpMailer.builder().host(host).port(port).security(SmtpMailer.Security.NONE)
                .from("GalleryKit tour <tour@gallerykit.test>").build();
    }
}
