package dev.gallerykit.sqs;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One queue, named by its name or its URL. A name is looked up ({@code GetQueueUrl}) on first use, not
 * when the adapter is built, so that {@code createQueuesIfMissing} can run first.
 */
final class QueueRef {

    private final SqsClient sqs;
    private final String name;
    private volatile String url;

    private QueueRef(SqsClient sqs, String name, String url) {
        this.sqs = sqs;
        this.name = name;
        this.url = url;
    }

    static QueueRef named(SqsClient sqs, String name) {
        return new QueueRef(sqs, Objects.requireNonNull(name, "name"), null);
    }

    static QueueRef at(SqsClient sqs, String url) {
        return new QueueRef(sqs, nameIn(url), url);
    }

    /** The queue name at the end of a queue URL ({@code https://sqs.eu-west-1.amazonaws.com/123456789012/photo-jobs}). */
    static String nameIn(String url) {
        String path = URI.create(url).getPath();
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    String name() {
        return name;
    }

    SqsClient client() {
        return sqs;
    }

    /** @throws dev.gallerykit.error.StorageException when the queue does not exist or cannot be looked up */
    String url() {
        String known = url;
        if (known != null) {
            return known;
        }
        try {
            known = sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
        } catch (SdkException e) {
            throw SqsErrors.translate("GetQueueUrl " + name, e);
        }
        url = known;
        return known;
    }

    /**
     * Creates the queue with {@code attributes} unless it exists, and makes sure an existing one has them.
     * A new queue gets them in {@code CreateQueue} itself, so they apply at once; for an existing one
     * with other values SQS refuses that, and the queue is then looked up by {@code CreateQueue} without
     * attributes (which answers any existing queue's URL) and given them with {@code SetQueueAttributes}.
     * Every step is idempotent, so this is safe when several processes run it at once.
     */
    void create(Map<QueueAttributeName, String> attributes) {
        String created;
        try {
            created = sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
        } catch (SdkException e) {
            if (!SqsErrors.isExistingQueueWithOtherAttributes(e)) {
                throw SqsErrors.translate("CreateQueue " + name, e);
            }
            try {
                created = sqs.createQueue(b -> b.queueName(name)).queueUrl();
            } catch (SdkException again) {
                throw SqsErrors.translate("CreateQueue " + name, again);
            }
            url = url != null ? url : created;
            set(attributes);
            return;
        }
        url = url != null ? url : created;
    }

    String arn() {
        try {
            return sqs.getQueueAttributes(b -> b.queueUrl(url()).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
        } catch (SdkException e) {
            throw SqsErrors.translate("GetQueueAttributes " + name, e);
        }
    }

    /** Sets attributes to these values; setting the same values again changes nothing. */
    void set(Map<QueueAttributeName, String> attributes) {
        try {
            sqs.setQueueAttributes(b -> b.queueUrl(url()).attributes(attributes));
        } catch (SdkException e) {
            throw SqsErrors.translate("SetQueueAttributes " + name, e);
        }
    }

    @Override
    public String toString() {
        return url != null ? url : name;
    }
}
