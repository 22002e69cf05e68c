package dev.gallerykit.spring.autoconfigure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gallerykit.Gallery;
import dev.gallerykit.GalleryWorker;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.GalleryEvent;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoStatus;
import dev.gallerykit.local.LocalSqs;
import dev.gallerykit.memory.InMemoryJobQueue;
import dev.gallerykit.spi.EventPublisher;
import dev.gallerykit.spi.JobQueue;
import dev.gallerykit.sqs.EventJson;
import dev.gallerykit.sqs.SqsEventPublisher;
import dev.gallerykit.sqs.SqsJobQueue;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("gallerykit.processing.queue=sqs and gallerykit.sqs: jobs and events on SQS")
@ExtendWith(LocalSqs.class)
class SqsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Receives of a queue a test reads, each waiting up to a second: a bound, not a time to wait for. */
    private static final int RECEIVES = 60;

    static AwsCredentialsProvider credentials(LocalSqs.Endpoint endpoint) {
        return endpoint.credentials()
                .<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    static SqsClient client(LocalSqs.Endpoint endpoint) {
        SqsClientBuilder builder = SqsClient.builder().region(Region.of(endpoint.region()))
                .credentialsProvider(credentials(endpoint));
        endpoint.uri().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Asynchronous on SQS queues of their own, with short receives so that the worker stops quickly. */
    private static ApplicationContextRunner onSqs(String queue) {
        return ProcessingTest.gallery().withPropertyValues("gallerykit.processing.mode=asynchronous",
                "gallerykit.processing.queue=sqs", "gallerykit.processing.receive-wait=1s",
                "gallerykit.sqs.queue-name=" + queue, "gallerykit.sqs.dead-letter-queue=" + queue + "-dead");
    }

    private static String url(SqsClient sqs, String queue) {
        return sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
    }

    private static Map<QueueAttributeName, String> attributes(SqsClient sqs, String queue, QueueAttributeName... names) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url(sqs, queue)).attributeNames(names)).attributes();
    }

    /** Receives from the queue until {@code count} messages came, within {@link #RECEIVES} receives. */
    private static List<Message> receive(SqsClient sqs, String queue, int count) {
        String url = url(sqs, queue);
        List<Message> messages = new ArrayList<>();
        for (int attempt = 0; attempt < RECEIVES && messages.size() < count; attempt++) {
            messages.addAll(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(120)).messages());
        }
        assertThat(messages).as("messages received within %d receives", RECEIVES).hasSize(count);
        return messages;
    }

    @Test
    @DisplayName("on the host's SqsClient: the upload is processing, the starter's worker makes it ready through SQS, the queue is healthy")
    void jobsThroughSqs(LocalSqs.Endpoint endpoint) {
        String queue = endpoint.newQueueName("starter-jobs");
        AtomicReference<GalleryWorker> worker = new AtomicReference<>();
        try (SqsClient host = client(endpoint)) {
            onSqs(queue).withBean(SqsClient.class, () -> host).withPropertyValues("gallerykit.sqs.create-queues=true")
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(SqsJobQueue.class)
                                .hasSingleBean(GalleryWorker.class).doesNotHaveBean("gallerykitSqsClient")
                                .doesNotHaveBean(InMemoryJobQueue.class);
                        Gallery gallery = context.getBean(Gallery.class);
                        assertThat(gallery.jobQueue()).containsSame(context.getBean(JobQueue.class));
                        worker.set(context.getBean(GalleryWorker.class));

                        Photo accepted = ProcessingTest.upload(gallery, PhotoFixtures.aJpeg());
                        assertThat(accepted.status()).isEqualTo(PhotoStatus.PROCESSING);
                        assertThat(accepted.derivatives()).extracting(Derivative::name).containsExactly(Derivative.ORIGINAL);

                        Photo done = ProcessingTest.awaitProcessed(gallery, accepted);
                        assertThat(done.status()).isEqualTo(PhotoStatus.READY);
                        assertThat(done.hasThumbnails()).isTrue();
                        assertThat(ProcessingTest.awaitCompleted(worker.get(), 1).ready()).isEqualTo(1);
                        assertThat(context.getBean(ProcessingTest.Listener.class).types()).as("no events queue set")
                                .containsExactly(GalleryEvent.Type.PHOTO_UPLOADED, GalleryEvent.Type.PHOTO_READY);

                        Health health = context.getBean("gallerykitSqsHealthIndicator", HealthIndicator.class).health();
                        assertThat(health.getStatus()).isEqualTo(Status.UP);
                        assertThat(health.getDetails()).containsEntry("queue", queue)
                                .containsEntry("deadLetterQueue", queue + "-dead").containsEntry("deadLetters", 0L);
                    });
        }
        assertThat(worker.get().isRunning()).as("closed with the context").isFalse();
        try (SqsClient sqs = client(endpoint)) {
            assertThat(attributes(sqs, queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).as("the job was completed")
                    .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")
                    .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0");
        }
    }

    @Test
    @DisplayName("without a host client: one made from gallerykit.sqs.endpoint and region, create-queues makes both queues with the redrive policy, and the client closes with the context")
    void createQueuesFromProperties(LocalSqs.Endpoint endpoint) throws Exception {
        String queue = endpoint.newQueueName("starter-create");
        AtomicReference<SqsClient> made = new AtomicReference<>();
        onSqs(queue).withBean(AwsCredentialsProvider.class, () -> credentials(endpoint))
                .withPropertyValues("gallerykit.processing.worker-threads=0", "gallerykit.sqs.create-queues=true",
                        "gallerykit.sqs.max-receives=3", "gallerykit.sqs.region=" + endpoint.region(),
                        "gallerykit.sqs.endpoint=" + endpoint.uri().map(Object::toString).orElse(""))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasBean("gallerykitSqsClient").hasSingleBean(SqsJobQueue.class);
                    made.set(context.getBean(SqsClient.class));
                    assertThat(context.getBean(SqsJobQueue.class).maxReceives()).isEqualTo(3);
                    assertThat(Contexts.health(context, "gallerykitSqsHealthIndicator")).isEqualTo(Status.UP);
                });
        try (SqsClient sqs = client(endpoint)) {
            String deadLetterArn = attributes(sqs, queue + "-dead", QueueAttributeName.QUEUE_ARN)
                    .get(QueueAttributeName.QUEUE_ARN);
            JsonNode redrive = MAPPER.readTree(attributes(sqs, queue, QueueAttributeName.REDRIVE_POLICY)
                    .get(QueueAttributeName.REDRIVE_POLICY));
            assertThat(redrive.get("deadLetterTargetArn").asText()).isEqualTo(deadLetterArn);
            assertThat(redrive.get("maxReceiveCount").asInt()).isEqualTo(3);
        }
        assertThatThrownBy(() -> made.get().listQueues()).as("the client made by the starter is closed")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("events-queue: the gallery's events go to that queue as JSON instead of Spring's listeners")
    void eventsQueue(LocalSqs.Endpoint endpoint) {
        String events = endpoint.newQueueName("starter-events");
        try (SqsClient host = client(endpoint)) {
            ProcessingTest.gallery().withBean(SqsClient.class, () -> host)
                    .withPropertyValues("gallerykit.sqs.events-queue=" + events, "gallerykit.sqs.create-queues=true")
                    .run(context -> {
                        assertThat(context).hasNotFailed().doesNotHaveBean(JobQueue.class)
                                .doesNotHaveBean(SqsJobQueue.class);
                        assertThat(context.getBean(EventPublisher.class)).isInstanceOf(SqsEventPublisher.class);
                        Gallery gallery = context.getBean(Gallery.class);
                        assertThat(gallery.events()).isSameAs(context.getBean(EventPublisher.class));

                        Photo photo = ProcessingTest.upload(gallery, PhotoFixtures.aJpeg());
                        assertThat(photo.status()).isEqualTo(PhotoStatus.READY);
                        List<GalleryEvent> sent = receive(host, events, 2).stream()
                                .map(message -> EventJson.read(message.body())).toList();
                        assertThat(sent).extracting(GalleryEvent::type).containsExactlyInAnyOrder(
                                GalleryEvent.Type.PHOTO_UPLOADED, GalleryEvent.Type.PHOTO_READY);
                        assertThat(sent).allSatisfy(event -> {
                            assertThat(event.photoId()).contains(photo.id());
                            assertThat(event.userId()).isEqualTo(photo.ownerId());
                        });
                        assertThat(context.getBean(ProcessingTest.Listener.class).events)
                                .as("no Spring events with an events queue").isEmpty();
                    });
        }
    }

    @Test
    @DisplayName("events-queue takes a queue URL too, with the jobs on SQS as well")
    void eventsQueueByUrl(LocalSqs.Endpoint endpoint) {
        String queue = endpoint.newQueueName("starter-both");
        String events = endpoint.newQueueName("starter-events-url");
        try (SqsClient host = client(endpoint)) {
            String eventsUrl = host.createQueue(b -> b.queueName(events)).queueUrl();
            onSqs(queue).withBean(SqsClient.class, () -> host)
                    .withPropertyValues("gallerykit.sqs.create-queues=true", "gallerykit.sqs.events-queue=" + eventsUrl)
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(SqsJobQueue.class)
                                .hasSingleBean(SqsEventPublisher.class);
                        assertThat(context.getBean(SqsEventPublisher.class).queueName()).isEqualTo(events);
                        Gallery gallery = context.getBean(Gallery.class);
                        Photo done = ProcessingTest.awaitProcessed(gallery,
                                ProcessingTest.upload(gallery, PhotoFixtures.aJpeg()));
                        assertThat(done.status()).isEqualTo(PhotoStatus.READY);
                        assertThat(receive(host, events, 2)).extracting(message -> EventJson.read(message.body()).type())
                                .containsExactlyInAnyOrder(GalleryEvent.Type.PHOTO_UPLOADED, GalleryEvent.Type.PHOTO_READY);
                    });
        }
    }

    @Test
    @DisplayName("the health indicator is down for a job queue that does not exist")
    void downWithoutQueue(LocalSqs.Endpoint endpoint) {
        try (SqsClient host = client(endpoint)) {
            onSqs(endpoint.newQueueName("absent")).withBean(SqsClient.class, () -> host)
                    .withPropertyValues("gallerykit.processing.worker-threads=0")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(Contexts.health(context, "gallerykitSqsHealthIndicator")).isEqualTo(Status.DOWN);
                    });
        }
    }

    @Test
    @DisplayName("a JobQueue bean of the host's wins over queue=sqs, and no SQS property is asked for")
    void hostQueueWins() {
        ProcessingTest.gallery().withPropertyValues("gallerykit.processing.mode=asynchronous",
                        "gallerykit.processing.queue=sqs", "gallerykit.processing.worker-threads=0",
                        "gallerykit.sqs.region=eu-west-1", "gallerykit.sqs.endpoint=http://127.0.0.1:9")
                .withBean(JobQueue.class, InMemoryJobQueue::new)
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(SqsJobQueue.class)
                            .doesNotHaveBean("gallerykitSqsHealthIndicator");
                    assertThat(context.getBean(Gallery.class).jobQueue()).containsInstanceOf(InMemoryJobQueue.class);
                });
    }
}
