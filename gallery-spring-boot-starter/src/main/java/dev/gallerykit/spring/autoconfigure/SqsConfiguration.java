package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.spi.EventPublisher;
import dev.gallerykit.spi.JobQueue;
import dev.gallerykit.spring.GalleryKitConfigurationException;
import dev.gallerykit.spring.GalleryKitProperties;
import dev.gallerykit.sqs.SqsEventPublisher;
import dev.gallerykit.sqs.SqsJobQueue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.AllNestedConditions;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * SQS through gallery-sqs: with {@code gallerykit.processing.mode=asynchronous} and
 * {@code gallerykit.processing.queue=sqs} the {@link SqsJobQueue} on {@code gallerykit.sqs.queue-name} and its
 * dead-letter queue; with {@code gallerykit.sqs.events-queue} an {@link SqsEventPublisher} on that queue. Both
 * go through the host's {@link SqsClient}, or one made here from the SDK defaults, {@code gallerykit.sqs.endpoint}
 * and {@code .region} and the host's {@link AwsCredentialsProvider} bean if any. A host {@link JobQueue} or
 * {@link EventPublisher} bean is used instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({SqsJobQueue.class, SqsClient.class})
@Conditional(SqsConfiguration.SqsInUse.class)
class SqsConfiguration {

    static final String QUEUE_NAME = "gallerykit.sqs.queue-name";
    static final String QUEUE_URL = "gallerykit.sqs.queue-url";
    static final String DEAD_LETTER_QUEUE = "gallerykit.sqs.dead-letter-queue";
    static final String DEAD_LETTER_QUEUE_URL = "gallerykit.sqs.dead-letter-queue-url";
    static final String MAX_RECEIVES = "gallerykit.sqs.max-receives";
    static final String EVENTS_QUEUE = "gallerykit.sqs.events-queue";

    @Bean
    @ConditionalOnMissingBean
    SqsClient gallerykitSqsClient(GalleryKitProperties properties, ObjectProvider<AwsCredentialsProvider> credentials) {
        GalleryKitProperties.Sqs sqs = properties.sqs();
        SqsClientBuilder builder = SqsClient.builder();
        if (sqs.endpoint() != null) {
            builder.endpointOverride(sqs.endpoint());
        }
        if (!Problems.blank(sqs.region())) {
            builder.region(Region.of(sqs.region().strip()));
        }
        credentials.ifUnique(builder::credentialsProvider);
        try {
            return builder.build();
        } catch (SdkException e) {
            throw new GalleryKitConfigurationException("gallerykit.sqs.region",
                    "is required when the SDK finds no region (AWS_REGION, ~/.aws/config): " + e.getMessage(), e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(SqsJobs.class)
    static class Jobs {

        @Bean
        @ConditionalOnMissingBean(JobQueue.class)
        SqsJobQueue gallerykitSqsJobQueue(GalleryKitProperties properties, SqsClient client) {
            GalleryKitProperties.Sqs sqs = properties.sqs();
            Problems problems = new Problems();
            oneOf(problems, QUEUE_NAME, sqs.queueName(), QUEUE_URL, sqs.queueUrl());
            oneOf(problems, DEAD_LETTER_QUEUE, sqs.deadLetterQueue(), DEAD_LETTER_QUEUE_URL, sqs.deadLetterQueueUrl());
            if (sqs.maxReceives() < 1 || sqs.maxReceives() > SqsJobQueue.MAX_MAX_RECEIVES) {
                problems.add(MAX_RECEIVES, "must be 1 to " + SqsJobQueue.MAX_MAX_RECEIVES + " (it is "
                        + sqs.maxReceives() + ")");
            }
            problems.throwIfAny();
            SqsJobQueue queue = Problems.build("gallerykit.sqs", () -> {
                SqsJobQueue.Builder builder = SqsJobQueue.builder().client(client).maxReceives(sqs.maxReceives());
                if (Problems.blank(sqs.queueUrl())) {
                    builder.queueName(sqs.queueName().strip());
                } else {
                    builder.queueUrl(sqs.queueUrl().strip());
                }
                if (Problems.blank(sqs.deadLetterQueueUrl())) {
                    builder.deadLetterQueue(sqs.deadLetterQueue().strip());
                } else {
                    builder.deadLetterQueueUrl(sqs.deadLetterQueueUrl().strip());
                }
                return builder.build();
            });
            if (sqs.createQueues()) {
                try {
                    queue.createQueuesIfMissing();
                } catch (RuntimeException e) {
                    queue.close();
                    throw e;
                }
            }
            return queue;
        }

        /** Exactly one of a queue's name and URL. */
        private static void oneOf(Problems problems, String nameProperty, String name, String urlProperty, String url) {
            if (Problems.blank(name) && Problems.blank(url)) {
                problems.required(nameProperty, name, "for gallerykit.processing.queue=sqs (or " + urlProperty + ")");
            } else if (!Problems.blank(name) && !Problems.blank(url)) {
                problems.add(urlProperty, "is set together with " + nameProperty + ": give the queue by name or by URL");
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = EVENTS_QUEUE)
    static class Events {

        @Bean
        @ConditionalOnMissingBean(EventPublisher.class)
        SqsEventPublisher gallerykitSqsEventPublisher(GalleryKitProperties properties, SqsClient client) {
            GalleryKitProperties.Sqs sqs = properties.sqs();
            Problems problems = new Problems();
            problems.required(EVENTS_QUEUE, sqs.eventsQueue(), "to be a queue name or URL when it is set");
            problems.throwIfAny();
            String queue = sqs.eventsQueue().strip();
            SqsEventPublisher publisher = Problems.build(EVENTS_QUEUE, () -> {
                SqsEventPublisher.Builder builder = SqsEventPublisher.builder().client(client);
                return isUrl(queue) ? builder.queueUrl(queue).build() : builder.queueName(queue).build();
            });
            if (sqs.createQueues()) {
                try {
                    publisher.createQueueIfMissing();
                } catch (RuntimeException e) {
                    publisher.close();
                    throw e;
                }
            }
            return publisher;
        }

        private static boolean isUrl(String queue) {
            return queue.startsWith("https://") || queue.startsWith("http://");
        }
    }

    /** Jobs on SQS: asynchronous processing with queue=sqs. */
    static final class SqsJobs extends AllNestedConditions {

        SqsJobs() {
            super(ConfigurationPhase.PARSE_CONFIGURATION);
        }

        @ConditionalOnProperty(name = ProcessingConfiguration.MODE, havingValue = "asynchronous")
        static final class Asynchronous {
        }

        @ConditionalOnProperty(name = ProcessingConfiguration.QUEUE, havingValue = "sqs")
        static final class OnSqs {
        }
    }

    /** Jobs or events on SQS: a client is needed. */
    static final class SqsInUse extends AnyNestedCondition {

        SqsInUse() {
            super(ConfigurationPhase.PARSE_CONFIGURATION);
        }

        @Conditional(SqsJobs.class)
        static final class ForJobs {
        }

        @ConditionalOnProperty(name = EVENTS_QUEUE)
        static final class ForEvents {
        }
    }
}
