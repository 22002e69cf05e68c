package dev.gallerykit.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.GalleryEvent;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.local.LocalSqs;
import dev.gallerykit.spi.Delivery;
import dev.gallerykit.spi.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Batch entries that SQS does not take. A client-side interceptor spoils the body of one entry of the
 * next few SendMessageBatch requests (a character SQS refuses in a message), so that the real server
 * refuses that entry and takes the others, as it would under partial failure.
 */
@ExtendWith(LocalSqs.class)
class SqsSendFailuresTest {

    private static final Duration HELD = Duration.ofMinutes(2);

    private static LocalSqs.Endpoint endpoint;
    private final SpoilFirstEntry spoil = new SpoilFirstEntry();
    private SqsClient sqs;
    private final List<String> queues = new ArrayList<>();

    @BeforeAll
    static void connect(LocalSqs.Endpoint sqsEndpoint) {
        endpoint = sqsEndpoint;
    }

    @AfterEach
    void disconnect() {
        SqsConnection.discard(sqs, endpoint, queues.toArray(String[]::new));
        sqs.close();
    }

    /** Replaces the first entry's body with one SQS refuses, in as many SendMessageBatch requests as it is told. */
    private static final class SpoilFirstEntry implements ExecutionInterceptor {

        final AtomicInteger batchesLeft = new AtomicInteger();

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            if (context.request() instanceof SendMessageBatchRequest batch && batchesLeft.getAndDecrement() > 0) {
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>(batch.entries());
                entries.set(0, entries.get(0).toBuilder().messageBody("\u0000\u0001 not allowed").build());
                return batch.toBuilder().entries(entries).build();
            }
            return context.request();
        }
    }

    private SqsJobQueue newQueue() {
        sqs = SqsConnection.client(endpoint, spoil);
        SqsJobQueue queue = SqsConnection.newJobQueue(sqs, endpoint, "send-failures", 3);
        queues.add(queue.queueName());
        queues.add(queue.queueName() + "-dead");
        return queue;
    }

    private static List<Job> jobs(int count) {
        return IntStream.range(0, count).mapToObj(i -> Job.processPhoto(UserId.of(UUID.randomUUID()),
                PhotoId.of(UUID.randomUUID()))).collect(Collectors.toList());
    }

    private static List<Job> receiveAll(SqsJobQueue queue) {
        List<Job> received = new ArrayList<>();
        for (List<Delivery> batch = queue.receive(10, Duration.ofSeconds(1), HELD); !batch.isEmpty();
             batch = queue.receive(10, Duration.ofSeconds(1), HELD)) {
            batch.forEach(delivery -> received.add(delivery.job()));
        }
        return received;
    }

    @Test
    @DisplayName("an entry refused once is sent again on its own, and every job arrives")
    void anEntryRefusedOnceIsSentAgain() {
        SqsJobQueue queue = newQueue();
        List<Job> sent = jobs(3);
        spoil.batchesLeft.set(1);

        queue.send(sent);

        assertThat(spoil.batchesLeft.get()).as("the spoiled batch was sent").isNegative();
        assertThat(receiveAll(queue)).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    @DisplayName("an entry refused twice fails the call, naming how many were not sent, and the others arrive")
    void anEntryRefusedTwiceFailsTheCall() {
        SqsJobQueue queue = newQueue();
        List<Job> sent = jobs(12);
        spoil.batchesLeft.set(2);

        assertThatThrownBy(() -> queue.send(sent))
                .isInstanceOfSatisfying(SqsUnavailableException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("did not take 1 of 12 jobs, even when sent again");

        // The first entry of the first batch never arrived; the second batch was not spoiled.
        assertThat(receiveAll(queue)).containsExactlyInAnyOrderElementsOf(sent.subList(1, sent.size()));
    }

    @Test
    @DisplayName("the event publisher sends a refused entry again too, and fails naming the events it could not send")
    void thePublisherSendsAgainToo() {
        sqs = SqsConnection.client(endpoint, spoil);
        SqsEventPublisher publisher = SqsEventPublisher.builder().client(sqs)
                .queueName(endpoint.newQueueName("send-failures-events")).build();
        publisher.createQueueIfMissing();
        queues.add(publisher.queueName());
        GalleryEvent event = new GalleryEvent(UUID.randomUUID(), GalleryEvent.Type.PHOTO_READY, Instant.now(),
                UserId.of(UUID.randomUUID()), Optional.of(AlbumId.of(UUID.randomUUID())),
                Optional.of(PhotoId.of(UUID.randomUUID())), Optional.empty());

        spoil.batchesLeft.set(1);
        publisher.publish(List.of(event));
        spoil.batchesLeft.set(2);

        assertThatThrownBy(() -> publisher.publish(List.of(event, event)))
                .isInstanceOf(SqsUnavailableException.class)
                .hasMessageContaining("did not take 1 of 2 events");
    }
}
