package dev.gallerykit.sqs;

import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.StorageException;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.spi.Delivery;
import dev.gallerykit.spi.Job;
import dev.gallerykit.spi.JobQueue;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The {@link JobQueue} on an Amazon SQS standard queue and its dead-letter queue, on the AWS SDK v2
 * sync client. The queue's redrive policy moves a job to the dead-letter queue after
 * {@link Builder#maxReceives} receives; {@link #createQueuesIfMissing()} sets it up.
 *
 * <pre>{@code
 * SqsJobQueue jobs = SqsJobQueue.builder()        // region, credentials, AWS_ENDPOINT_URL from the SDK defaults
 *         .queueName("photo-jobs")
 *         .deadLetterQueue("photo-jobs-dead")
 *         .maxReceives(5)
 *         .build();
 * jobs.createQueuesIfMissing();                  // for tests, demos and first starts
 * }</pre>
 *
 * <p>Requests: {@link #send} and {@link #complete} go in batches of ten ({@code SendMessageBatch},
 * {@code DeleteMessageBatch}); {@link #receive} long-polls ({@code WaitTimeSeconds}) and reads the
 * receive count from {@code ApproximateReceiveCount}; {@link #extend} and {@link #release} are
 * {@code ChangeMessageVisibility}. SQS counts in whole seconds: waits and visibilities are rounded up.
 *
 * <p>Bodies are JSON ({@code {"version":1,"kind":"PROCESS_PHOTO","ownerId":…,"photoId":…}}). A message
 * whose body this version cannot read (malformed, another version, an unknown kind) is not handed out
 * and not deleted: it is logged, stays hidden for the visibility it was received with, and, received
 * {@code maxReceives} times, moves to the dead-letter queue like any job nobody completes. Nothing is
 * lost, a newer worker may still take it meanwhile, and the dead-letter queue shows it as it was sent.
 *
 * <p>Errors: throttling, 5xx answers, timeouts and connection failures are a retryable
 * {@link StorageUnavailableException}; other refusals (a missing queue, no permission) an
 * {@link SqsStorageException}. A stale receipt is no error: {@link #extend} answers false, the others
 * ignore it. No SDK exception crosses the port.
 *
 * <p>Thread-safe. {@link #close()} closes the SDK client if the queue built it, never one it was given.
 */
public final class SqsJobQueue implements JobQueue, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsJobQueue.class);

    /** SQS's limits on a redrive policy's maxReceiveCount. */
    public static final int MAX_MAX_RECEIVES = 1000;
    /** How long the dead-letter queue keeps its messages: SQS's longest retention, 14 days, in seconds. */
    private static final String DEAD_LETTER_RETENTION = String.valueOf(14 * 24 * 3600);

    private final QueueRef queue;
    private final int maxReceives;
    private final SqsJobQueue deadLetters;
    private final MessageSender sender;
    private final boolean ownsClient;

    private SqsJobQueue(QueueRef queue, QueueRef deadLetterQueue, int maxReceives, boolean ownsClient) {
        this.queue = queue;
        this.maxReceives = maxReceives;
        this.sender = new MessageSender(queue);
        this.ownsClient = ownsClient;
        this.deadLetters = new SqsJobQueue(deadLetterQueue);
    }

    /** The dead-letter queue: no redrive of its own, so its jobs never move further. */
    private SqsJobQueue(QueueRef deadLetterQueue) {
        this.queue = deadLetterQueue;
        this.maxReceives = Integer.MAX_VALUE;
        this.sender = new MessageSender(deadLetterQueue);
        this.ownsClient = false;
        this.deadLetters = this;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The queue's name. */
    public String queueName() {
        return queue.name();
    }

    /**
     * The queue's URL: the one it was built with, or the one SQS answers for its name ({@code GetQueueUrl},
     * on the first call only). For requests the port does not make, such as a health check's
     * {@code GetQueueAttributes}.
     *
     * @throws StorageException when the queue does not exist or cannot be looked up
     */
    public String queueUrl() {
        return queue.url();
    }

    /**
     * Creates the queue and its dead-letter queue unless they exist, with the queue's redrive policy moving
     * jobs there after {@link #maxReceives()} receives, and the dead-letter queue's retention at SQS's
     * longest, 14 days. Existing queues keep their other settings and get these two. Idempotent, and safe
     * when several processes run it at once: every step either creates with the same attributes or sets
     * the same values. Does nothing on the dead-letter queue's own {@code JobQueue}.
     *
     * @throws StorageException when SQS refuses (no permission to create queues, say)
     */
    public void createQueuesIfMissing() {
        if (deadLetters == this) {
            return;
        }
        QueueRef deadLetterQueue = deadLetters.queue;
        deadLetterQueue.create(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, DEAD_LETTER_RETENTION));
        String deadLetterArn = deadLetterQueue.arn();
        queue.create(Map.of(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + deadLetterArn
                + "\",\"maxReceiveCount\":\"" + maxReceives + "\"}"));
    }

    @Override
    public void send(List<Job> jobs) {
        Objects.requireNonNull(jobs, "jobs");
        List<String> bodies = new ArrayList<>(jobs.size());
        for (Job job : jobs) {
            bodies.add(JobJson.write(Objects.requireNonNull(job, "job")));
        }
        sender.send(bodies, "jobs");
    }

    @Override
    public List<Delivery> receive(int max, Duration wait, Duration visibility) {
        if (max < 1 || max > MAX_BATCH) {
            throw new InvalidInputException("max", "must be 1 to " + MAX_BATCH + ", was " + max);
        }
        int waitSeconds = seconds("wait", wait, MAX_WAIT);
        int visibilitySeconds = seconds("visibility", visibility, MAX_VISIBILITY);
        List<Message> messages;
        try {
            messages = queue.client().receiveMessage(b -> b.queueUrl(queue.url()).maxNumberOfMessages(max)
                    .waitTimeSeconds(waitSeconds).visibilityTimeout(visibilitySeconds)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
        } catch (SdkException e) {
            throw SqsErrors.translate("ReceiveMessage " + queue.name(), e);
        }
        List<Delivery> deliveries = new ArrayList<>(messages.size());
        for (Message message : messages) {
            int receiveCount = receiveCount(message);
            try {
                deliveries.add(new Delivery(JobJson.read(message.body()), message.receiptHandle(), receiveCount));
            } catch (InvalidInputException e) {
                LOG.warn("SQS queue {}: message {} is not a job this version reads ({}); it is left {}", queue.name(),
                        message.messageId(), e.getMessage(), deadLetters == this ? "in the dead-letter queue"
                                : "for redelivery, and for the dead-letter queue after " + maxReceives + " receives"
                                + " (this was " + receiveCount + ")");
            }
        }
        return deliveries;
    }

    private static int receiveCount(Message message) {
        String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        try {
            return count == null ? 1 : Math.max(1, Integer.parseInt(count.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>SQS also refuses to hold a message for more than 12 hours after it was received: an extension
     * past that answers false too, since the job can no longer be kept from others.
     */
    @Override
    public boolean extend(Delivery delivery, Duration visibility) {
        int seconds = seconds("visibility", visibility, MAX_VISIBILITY);
        return changeVisibility(Objects.requireNonNull(delivery, "delivery"), seconds);
    }

    @Override
    public void release(Delivery delivery) {
        changeVisibility(Objects.requireNonNull(delivery, "delivery"), 0);
    }

    private boolean changeVisibility(Delivery delivery, int seconds) {
        try {
            queue.client().changeMessageVisibility(b -> b.queueUrl(queue.url()).receiptHandle(delivery.receipt())
                    .visibilityTimeout(seconds));
            return true;
        } catch (SdkException e) {
            if (SqsErrors.isStaleReceipt(e)) {
                return false;
            }
            throw SqsErrors.translate("ChangeMessageVisibility " + queue.name(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Sends {@code DeleteMessageBatch} requests of up to ten distinct receipts.
     *
     * @throws StorageUnavailableException when SQS did not delete some for another reason than a stale
     *         receipt; those jobs will be delivered again
     */
    @Override
    public void complete(List<Delivery> deliveries) {
        Objects.requireNonNull(deliveries, "deliveries");
        Set<String> receipts = new LinkedHashSet<>();
        for (Delivery delivery : deliveries) {
            receipts.add(Objects.requireNonNull(delivery, "delivery").receipt());
        }
        List<String> all = new ArrayList<>(receipts);
        int notDeleted = 0;
        BatchResultErrorEntry firstFailure = null;
        for (int from = 0; from < all.size(); from += MessageSender.BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + MessageSender.BATCH));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id("m" + i).receiptHandle(batch.get(i)).build());
            }
            DeleteMessageBatchResponse response;
            try {
                response = queue.client().deleteMessageBatch(b -> b.queueUrl(queue.url()).entries(entries));
            } catch (SdkException e) {
                throw SqsErrors.translate("DeleteMessageBatch " + queue.name(), e);
            }
            for (BatchResultErrorEntry failure : response.failed()) {
                if (!SqsErrors.isStaleReceiptCode(failure.code())) {
                    notDeleted++;
                    firstFailure = firstFailure != null ? firstFailure : failure;
                }
            }
        }
        if (firstFailure != null) {
            throw new SqsUnavailableException("SQS DeleteMessageBatch " + queue.name() + " did not delete "
                    + notDeleted + " of " + all.size() + " jobs (" + firstFailure.code() + ": " + firstFailure.message()
                    + "); they will be delivered again", firstFailure.code(), 0, null);
        }
    }

    @Override
    public int maxReceives() {
        return maxReceives;
    }

    @Override
    public JobQueue deadLetters() {
        return deadLetters;
    }

    /** Closes the SDK client if this queue built it; one given to the builder stays open. */
    @Override
    public void close() {
        if (ownsClient) {
            queue.client().close();
        }
    }

    @Override
    public String toString() {
        return "SqsJobQueue[" + queue + (deadLetters == this ? "" : ", dead letters " + deadLetters.queue) + "]";
    }

    /** A duration in the whole seconds SQS takes, rounded up; refused naming {@code field} when out of range. */
    private static int seconds(String field, Duration value, Duration max) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.compareTo(max) > 0) {
            throw new InvalidInputException(field, "must be 0 to " + max + ", was " + value);
        }
        long seconds = value.getSeconds() + (value.getNano() > 0 ? 1 : 0);
        return (int) Math.min(seconds, max.getSeconds());
    }

    /**
     * Configures an {@link SqsJobQueue}. Required: the queue ({@link #queueName} or {@link #queueUrl}), its
     * dead-letter queue ({@link #deadLetterQueue} or {@link #deadLetterQueueUrl}) and {@link #maxReceives}.
     * Without a {@link #client} the queue builds one from the SDK defaults: the credentials chain, the
     * region chain ({@code AWS_REGION}, profile), an endpoint from {@code AWS_ENDPOINT_URL_SQS} or
     * {@code AWS_ENDPOINT_URL} (so LocalStack works with no code change), with the Apache HTTP client.
     */
    public static final class Builder {

        private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");

        private SqsClient client;
        private String queueName;
        private String queueUrl;
        private String deadLetterQueueName;
        private String deadLetterQueueUrl;
        private Integer maxReceives;
        private URI endpoint;
        private Region region;
        private AwsCredentialsProvider credentials;

        private Builder() {
        }

        /** The client to use, configured by the host; the queue never closes it. */
        public Builder client(SqsClient client) {
            this.client = client;
            return this;
        }

        /** The queue by name, looked up on first use: a standard queue, not FIFO. */
        public Builder queueName(String queueName) {
            this.queueName = queueName;
            return this;
        }

        /** The queue by URL ({@code https://sqs.eu-west-1.amazonaws.com/123456789012/photo-jobs}), instead of a name. */
        public Builder queueUrl(String queueUrl) {
            this.queueUrl = queueUrl;
            return this;
        }

        /** The dead-letter queue by name: where jobs go after {@link #maxReceives} receives. */
        public Builder deadLetterQueue(String deadLetterQueueName) {
            this.deadLetterQueueName = deadLetterQueueName;
            return this;
        }

        /** The dead-letter queue by URL, instead of a name. */
        public Builder deadLetterQueueUrl(String deadLetterQueueUrl) {
            this.deadLetterQueueUrl = deadLetterQueueUrl;
            return this;
        }

        /**
         * Receives after which a job moves to the dead-letter queue, 1 to {@value #MAX_MAX_RECEIVES}: the
         * {@code maxReceiveCount} of the queue's redrive policy, which {@link #createQueuesIfMissing()}
         * sets; a queue set up elsewhere must have the same.
         */
        public Builder maxReceives(int maxReceives) {
            this.maxReceives = maxReceives;
            return this;
        }

        /** The endpoint of an SQS-compatible server, for the client the queue builds. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** The region, for the client the queue builds; otherwise the SDK's region chain. */
        public Builder region(Region region) {
            this.region = region;
            return this;
        }

        /** The credentials, for the client the queue builds; otherwise the SDK's credentials chain. */
        public Builder credentialsProvider(AwsCredentialsProvider credentials) {
            this.credentials = credentials;
            return this;
        }

        /** @throws IllegalStateException naming everything that is missing or out of range */
        public SqsJobQueue build() {
            List<String> problems = new ArrayList<>();
            checkQueue(problems, "a queue", "queueName(\"photo-jobs\") or queueUrl(...)", queueName, queueUrl);
            checkQueue(problems, "a dead-letter queue", "deadLetterQueue(\"photo-jobs-dead\") or deadLetterQueueUrl(...)",
                    deadLetterQueueName, deadLetterQueueUrl);
            String main = queueUrl != null ? queueUrl : queueName;
            String dead = deadLetterQueueUrl != null ? deadLetterQueueUrl : deadLetterQueueName;
            if (main != null && main.equals(dead)) {
                problems.add("a dead-letter queue other than the queue itself (both were \"" + main + "\")");
            }
            if (maxReceives == null) {
                problems.add("maxReceives, the receives after which a job moves to the dead-letter queue: call maxReceives(5)");
            } else if (maxReceives < 1 || maxReceives > MAX_MAX_RECEIVES) {
                problems.add("maxReceives from 1 to " + MAX_MAX_RECEIVES + " (it was " + maxReceives + ")");
            }
            checkClient(problems, client, endpoint, region, credentials);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("SqsJobQueue needs " + String.join("; ", problems));
            }
            SqsClient sqs = client != null ? client : SqsClients.client("SqsJobQueue", endpoint, region, credentials);
            QueueRef jobs = queueUrl != null ? QueueRef.at(sqs, queueUrl) : QueueRef.named(sqs, queueName);
            QueueRef deadLetters = deadLetterQueueUrl != null ? QueueRef.at(sqs, deadLetterQueueUrl)
                    : QueueRef.named(sqs, deadLetterQueueName);
            return new SqsJobQueue(jobs, deadLetters, maxReceives, client == null);
        }

        /** Adds what is wrong with a queue given by name or URL: missing, both, or not a standard queue's name. */
        static void checkQueue(List<String> problems, String what, String how, String name, String url) {
            if (name != null && url != null) {
                problems.add(what + " by name or by URL, not both (" + name + ", " + url + ")");
            } else if (name == null && url == null) {
                problems.add(what + ": call " + how);
            } else {
                String given = name != null ? name : nameInUrl(url);
                if (given == null) {
                    problems.add(what + " URL that ends in the queue name (it was \"" + url + "\")");
                } else if (given.endsWith(".fifo")) {
                    problems.add(what + " that is a standard queue: FIFO queues are not supported (it was \""
                            + given + "\")");
                } else if (!QUEUE_NAME.matcher(given).matches()) {
                    problems.add(what + " name of 1 to 80 letters, digits, '-' or '_' (it was \"" + given + "\")");
                }
            }
        }

        private static String nameInUrl(String url) {
            try {
                String name = QueueRef.nameIn(url);
                return name.isEmpty() ? null : name;
            } catch (IllegalArgumentException | NullPointerException e) {
                return null;
            }
        }

        static void checkClient(List<String> problems, SqsClient client, URI endpoint, Region region,
                                AwsCredentialsProvider credentials) {
            if (client != null && (endpoint != null || region != null || credentials != null)) {
                problems.add("either a client or endpoint/region/credentials settings, not both: configure the client"
                        + " you give");
            }
        }
    }
}
