package dev.gallerykit.sqs;

import dev.gallerykit.domain.GalleryEvent;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.spi.EventPublisher;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The {@link EventPublisher} on an Amazon SQS queue that other systems read: each event is one message
 * whose body is its JSON form ({@link EventJson}, described in {@code docs/EVENTS.md}), sent in
 * {@code SendMessageBatch} requests of up to ten.
 *
 * <pre>{@code
 * SqsEventPublisher events = SqsEventPublisher.builder()   // region, credentials, endpoint from the SDK defaults
 *         .queueName("gallery-events")
 *         .build();
 * }</pre>
 *
 * <p>{@link #publish} returns once SQS accepted every event. Entries of a batch that SQS did not take are
 * sent once more; those refused again are a retryable {@link StorageUnavailableException} naming how
 * many (the others were sent). Like every SQS standard queue, the queue delivers at least once and in
 * any order: consumers deduplicate by {@link GalleryEvent#id()}. Reading the queue is the consumer's
 * affair; {@link EventJson#read} turns a body back into an event.
 *
 * <p>Thread-safe. {@link #close()} closes the SDK client if the publisher built it, never one it was given.
 */
public final class SqsEventPublisher implements EventPublisher, AutoCloseable {

    private final QueueRef queue;
    private final MessageSender sender;
    private final boolean ownsClient;

    private SqsEventPublisher(QueueRef queue, boolean ownsClient) {
        this.queue = queue;
        this.sender = new MessageSender(queue);
        this.ownsClient = ownsClient;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The queue's name. */
    public String queueName() {
        return queue.name();
    }

    /** Creates the queue unless it exists; idempotent, and safe when several processes run it at once. */
    public void createQueueIfMissing() {
        queue.create(Map.of());
    }

    @Override
    public void publish(List<GalleryEvent> events) {
        Objects.requireNonNull(events, "events");
        List<String> bodies = new ArrayList<>(events.size());
        for (GalleryEvent event : events) {
            bodies.add(EventJson.write(Objects.requireNonNull(event, "event")));
        }
        sender.send(bodies, "events");
    }

    /** Closes the SDK client if this publisher built it; one given to the builder stays open. */
    @Override
    public void close() {
        if (ownsClient) {
            queue.client().close();
        }
    }

    @Override
    public String toString() {
        return "SqsEventPublisher[" + queue + "]";
    }

    /**
     * Configures an {@link SqsEventPublisher}. Required: the queue, by {@link #queueName} or {@link #queueUrl}.
     * Without a {@link #client} the publisher builds one from the SDK defaults, as {@link SqsJobQueue} does.
     */
    public static final class Builder {

        private SqsClient client;
        private String queueName;
        private String queueUrl;
        private URI endpoint;
        private Region region;
        private AwsCredentialsProvider credentials;

        private Builder() {
        }

        /** The client to use, configured by the host; the publisher never closes it. */
        public Builder client(SqsClient client) {
            this.client = client;
            return this;
        }

        /** The queue by name, looked up on first use: a standard queue, not FIFO. */
        public Builder queueName(String queueName) {
            this.queueName = queueName;
            return this;
        }

        /** The queue by URL, instead of a name. */
        public Builder queueUrl(String queueUrl) {
            this.queueUrl = queueUrl;
            return this;
        }

        /** The endpoint of an SQS-compatible server, for the client the publisher builds. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** The region, for the client the publisher builds; otherwise the SDK's region chain. */
        public Builder region(Region region) {
            this.region = region;
            return this;
        }

        /** The credentials, for the client the publisher builds; otherwise the SDK's credentials chain. */
        public Builder credentialsProvider(AwsCredentialsProvider credentials) {
            this.credentials = credentials;
            return this;
        }

        /** @throws IllegalStateException naming everything that is missing */
        public SqsEventPublisher build() {
            List<String> problems = new ArrayList<>();
            SqsJobQueue.Builder.checkQueue(problems, "a queue", "queueName(\"gallery-events\") or queueUrl(...)",
                    queueName, queueUrl);
            SqsJobQueue.Builder.checkClient(problems, client, endpoint, region, credentials);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("SqsEventPublisher needs " + String.join("; ", problems));
            }
            SqsClient sqs = client != null ? client
                    : SqsClients.client("SqsEventPublisher", endpoint, region, credentials);
            return new SqsEventPublisher(queueUrl != null ? QueueRef.at(sqs, queueUrl) : QueueRef.named(sqs, queueName),
                    client == null);
        }
    }
}
