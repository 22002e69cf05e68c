package dev.gallerykit.examples.tours;

import dev.gallerykit.domain.GalleryEvent;
import dev.gallerykit.sqs.EventJson;
import dev.gallerykit.sqs.SqsEventPublisher;
import dev.gallerykit.sqs.SqsJobQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The SQS side of an asynchronous tour: the jobs queue (with its dead letters) the gallery sends to and
 * the workers receive from, and the events queue the gallery publishes to, which the tour reads as a
 * subscriber of another system would.
 *
 * @param client the SQS client both queues use
 * @param jobs   the jobs queue
 * @param events the publisher on the events queue
 */
record TourQueues(SqsClient client, SqsJobQueue jobs, SqsEventPublisher events) {

    /** How long one receive of the events queue waits (SQS's long polling, in whole seconds). */
    private static final int RECEIVE_WAIT_SECONDS = 1;

    /** The names the tour gives its three queues under {@code prefix}. */
    static List<String> names(String prefix) {
        return List.of(prefix + "jobs", prefix + "jobs-dead", prefix + "events");
    }

    /**
     * Reads and deletes events from the events queue until {@code done} holds for what was read, or
     * {@code timeout} passed; returns them in the order read (SQS keeps none).
     */
    List<GalleryEvent> readEvents(Predicate<List<GalleryEvent>> done, Duration timeout) {
        String url = client.getQueueUrl(b -> b.queueName(events.queueName())).queueUrl();
        List<GalleryEvent> read = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(read) && System.nanoTime() < deadline) {
            List<Message> messages = client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(RECEIVE_WAIT_SECONDS)).messages();
            for (Message message : messages) {
                read.add(EventJson.read(message.body()));
                client.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
        }
        return read;
    }
}
