package dev.gallerykit.sqs;

import dev.gallerykit.domain.GalleryEvent;
import dev.gallerykit.local.LocalSqs;
import dev.gallerykit.testkit.contract.EventPublisherContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The event publisher contract, unchanged, each test on a new queue read back as a consumer would read it. */
@ExtendWith(LocalSqs.class)
class SqsEventPublisherContractTest extends EventPublisherContract {

    private static LocalSqs.Endpoint endpoint;
    private static SqsClient sqs;

    @BeforeAll
    static void connect(LocalSqs.Endpoint sqsEndpoint) {
        endpoint = sqsEndpoint;
        sqs = SqsConnection.client(endpoint);
    }

    @AfterAll
    static void disconnect() {
        sqs.close();
    }

    @Override
    protected Channel newChannel() {
        SqsEventPublisher publisher = SqsEventPublisher.builder().client(sqs)
                .queueName(endpoint.newQueueName("events")).build();
        publisher.createQueueIfMissing();
        String queueUrl = sqs.getQueueUrl(b -> b.queueName(publisher.queueName())).queueUrl();
        return new Channel(publisher, new QueueReader(queueUrl, publisher.queueName()));
    }

    /** A consumer of the events queue: receives, reads each body with EventJson, deletes what it read. */
    private static final class QueueReader implements EventReader {

        private final String queueUrl;
        private final String queueName;

        QueueReader(String queueUrl, String queueName) {
            this.queueUrl = queueUrl;
            this.queueName = queueName;
        }

        @Override
        public List<GalleryEvent> read(int count, Duration timeout) {
            List<GalleryEvent> events = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (events.size() < count && System.nanoTime() - deadline < 0) {
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(1).visibilityTimeout(120)).messages();
                for (Message message : messages) {
                    events.add(EventJson.read(message.body()));
                    sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                }
            }
            return events;
        }

        @Override
        public void close() {
            SqsConnection.discard(sqs, endpoint, queueName);
        }
    }
}
