package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.sqs.SqsJobQueue;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Up when GetQueueAttributes answers for the job queue and its dead-letter queue: both exist and the
 * credentials may read them. The details give the jobs waiting, those received and not yet completed, and
 * the dead letters, which no worker takes and someone should look at.
 */
final class SqsJobQueueHealthIndicator extends AbstractHealthIndicator {

    private final SqsClient client;
    private final SqsJobQueue queue;

    SqsJobQueueHealthIndicator(SqsClient client, SqsJobQueue queue) {
        super("GalleryKit SQS job queue health check failed");
        this.client = client;
        this.queue = queue;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<QueueAttributeName, String> jobs = attributes(queue);
        SqsJobQueue deadLetters = (SqsJobQueue) queue.deadLetters();
        Map<QueueAttributeName, String> dead = attributes(deadLetters);
        builder.up()
                .withDetail("queue", queue.queueName())
                .withDetail("waiting", count(jobs, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .withDetail("inFlight", count(jobs, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .withDetail("deadLetterQueue", deadLetters.queueName())
                .withDetail("deadLetters", count(dead, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private Map<QueueAttributeName, String> attributes(SqsJobQueue of) {
        String url = of.queueUrl();
        return client.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    }

    /** SQS's approximate count, or -1 when a server leaves it out. */
    private static long count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        String value = attributes.get(name);
        try {
            return value == null ? -1 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
