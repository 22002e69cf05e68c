package dev.gallerykit.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.StorageException;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.local.LocalSqs;
import dev.gallerykit.spi.Delivery;
import dev.gallerykit.spi.Job;
import dev.gallerykit.testkit.contract.Race;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** What SqsJobQueue does beyond the contract: queue set-up, the bodies on the wire, unreadable bodies, failures. */
@ExtendWith(LocalSqs.class)
class SqsJobQueueBehaviourTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration HELD = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final int PATIENCE = 60;

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

    private static Job aJob() {
        return Job.processPhoto(UserId.of(UUID.randomUUID()), PhotoId.of(UUID.randomUUID()));
    }

    private static String url(String queueName) {
        return sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
    }

    private static List<Message> receiveRaw(String queueUrl, int count) {
        List<Message> messages = new ArrayList<>();
        for (int attempt = 0; attempt < PATIENCE && messages.size() < count; attempt++) {
            messages.addAll(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(120)).messages());
        }
        assertThat(messages).as("messages received within %d receives", PATIENCE).hasSize(count);
        return messages;
    }

    @Test
    @DisplayName("createQueuesIfMissing creates both queues and a redrive policy naming the dead-letter queue and maxReceives")
    void createQueuesIfMissingSetsTheRedrivePolicy() throws IOException {
        SqsJobQueue queue = SqsConnection.newJobQueue(sqs, endpoint, "redrive", 4);
        String deadLetterUrl = url(queue.queueName() + "-dead");
        String deadLetterArn = sqs.getQueueAttributes(b -> b.queueUrl(deadLetterUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);

        String policy = sqs.getQueueAttributes(b -> b.queueUrl(url(queue.queueName()))
                .attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes().get(QueueAttributeName.REDRIVE_POLICY);

        JsonNode redrive = MAPPER.readTree(policy);
        assertThat(redrive.get("deadLetterTargetArn").asText()).isEqualTo(deadLetterArn);
        assertThat(redrive.get("maxReceiveCount").asInt()).isEqualTo(4);
        SqsConnection.discard(sqs, endpoint, queue.queueName(), queue.queueName() + "-dead");
    }

    @Test
    @DisplayName("queueUrl: the URL SQS answers for the name, the URL given as it was, and a missing queue refused")
    void queueUrl() {
        SqsJobQueue byName = SqsConnection.newJobQueue(sqs, endpoint, "url", 3);
        String url = url(byName.queueName());
        assertThat(byName.queueUrl()).isEqualTo(url);
        assertThat(((SqsJobQueue) byName.deadLetters()).queueUrl()).isEqualTo(url(byName.queueName() + "-dead"));

        SqsJobQueue byUrl = SqsJobQueue.builder().client(sqs).queueUrl(url).deadLetterQueue(byName.queueName() + "-dead")
                .maxReceives(3).build();
        assertThat(byUrl.queueUrl()).isEqualTo(url);
        assertThat(byUrl.queueName()).isEqualTo(byName.queueName());

        SqsJobQueue missing = SqsJobQueue.builder().client(sqs).queueName(endpoint.newQueueName("absent"))
                .deadLetterQueue(endpoint.newQueueName("absent-dead")).maxReceives(3).build();
        assertThatThrownBy(missing::queueUrl).isInstanceOf(StorageException.class);
        SqsConnection.discard(sqs, endpoint, byName.queueName(), byName.queueName() + "-dead");
    }

    @Test
    @DisplayName("createQueuesIfMissing again, and from several processes at once, keeps the queues and their jobs")
    void createQueuesIfMissingIsIdempotentUnderRaces() throws InterruptedException {
        SqsJobQueue first = SqsConnection.newJobQueue(sqs, endpoint, "idempotent", 3);
        Job job = aJob();
        first.send(List.of(job));
        String urlBefore = url(first.queueName());

        Race.Results<String> results = Race.run(4, contender -> {
            SqsJobQueue again = SqsJobQueue.builder().client(sqs).queueName(first.queueName())
                    .deadLetterQueue(first.queueName() + "-dead").maxReceives(3).build();
            again.createQueuesIfMissing();
            again.createQueuesIfMissing();
            return again.queueName();
        });

        assertThat(results.failures()).as(results.failureTraces()).isEmpty();
        assertThat(url(first.queueName())).isEqualTo(urlBefore);
        Delivery delivery = first.receive(1, Duration.ofSeconds(5), HELD).get(0);
        assertThat(delivery.job()).isEqualTo(job);
        first.complete(List.of(delivery));
        SqsConnection.discard(sqs, endpoint, first.queueName(), first.queueName() + "-dead");
    }

    @Test
    @DisplayName("createQueuesIfMissing on existing queues with another maxReceives gives them the new redrive policy")
    void createQueuesIfMissingUpdatesAnExistingPolicy() throws IOException {
        SqsJobQueue before = SqsConnection.newJobQueue(sqs, endpoint, "policy", 3);
        SqsJobQueue after = SqsJobQueue.builder().client(sqs).queueName(before.queueName())
                .deadLetterQueue(before.queueName() + "-dead").maxReceives(7).build();

        after.createQueuesIfMissing();

        String policy = sqs.getQueueAttributes(b -> b.queueUrl(url(before.queueName()))
                .attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes().get(QueueAttributeName.REDRIVE_POLICY);
        assertThat(MAPPER.readTree(policy).get("maxReceiveCount").asInt()).isEqualTo(7);
        SqsConnection.discard(sqs, endpoint, before.queueName(), before.queueName() + "-dead");
    }

    @Test
    @DisplayName("a queue and dead-letter queue given by URL work like ones given by name")
    void queuesByUrl() {
        SqsJobQueue byName = SqsConnection.newJobQueue(sqs, endpoint, "by-url", 3);
        SqsJobQueue byUrl = SqsJobQueue.builder().client(sqs).queueUrl(url(byName.queueName()))
                .deadLetterQueueUrl(url(byName.queueName() + "-dead")).maxReceives(3).build();
        Job job = aJob();

        byUrl.send(List.of(job));

        assertThat(byUrl.queueName()).isEqualTo(byName.queueName());
        Delivery delivery = byName.receive(1, Duration.ofSeconds(5), HELD).get(0);
        assertThat(delivery.job()).isEqualTo(job);
        byUrl.complete(List.of(delivery));
        assertThat(byName.receive(10, POLL, HELD)).isEmpty();
        SqsConnection.discard(sqs, endpoint, byName.queueName(), byName.queueName() + "-dead");
    }

    @Test
    @DisplayName("a job goes on the wire as a version 1 JSON body with its kind and ids")
    void theBodyOnTheWire() throws IOException {
        SqsJobQueue queue = SqsConnection.newJobQueue(sqs, endpoint, "wire", 3);
        Job job = aJob();

        queue.send(List.of(job));

        Message message = receiveRaw(url(queue.queueName()), 1).get(0);
        JsonNode body = MAPPER.readTree(message.body());
        assertThat(body.get("version").intValue()).isEqualTo(1);
        assertThat(body.get("kind").textValue()).isEqualTo("PROCESS_PHOTO");
        assertThat(body.get("ownerId").textValue()).isEqualTo(job.ownerId().toString());
        assertThat(body.get("photoId").textValue()).isEqualTo(job.photoId().toString());
        assertThat(body.size()).isEqualTo(4);
        SqsConnection.discard(sqs, endpoint, queue.queueName(), queue.queueName() + "-dead");
    }

    @Test
    @DisplayName("bodies this version cannot read are never handed out, and end in the dead-letter queue as they were sent")
    void unreadableBodiesEndInTheDeadLetters() {
        SqsJobQueue queue = SqsConnection.newJobQueue(sqs, endpoint, "unreadable", 2);
        String queueUrl = url(queue.queueName());
        Job job = aJob();
        List<String> unreadable = List.of("not json at all",
                "{\"version\":2,\"kind\":\"PROCESS_PHOTO\",\"ownerId\":\"" + job.ownerId() + "\",\"photoId\":\""
                        + job.photoId() + "\"}",
                "{\"version\":1,\"kind\":\"MAKE_VIDEO\",\"ownerId\":\"" + job.ownerId() + "\",\"photoId\":\""
                        + job.photoId() + "\"}");
        unreadable.forEach(body -> sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body)));
        queue.send(List.of(job));

        List<Delivery> handedOut = new ArrayList<>();
        Set<String> deadLetters = new HashSet<>();
        String deadLetterUrl = url(queue.queueName() + "-dead");
        for (int attempt = 0; attempt < PATIENCE && deadLetters.size() < unreadable.size(); attempt++) {
            // A short visibility, so that the unreadable messages come back and count their receives.
            List<Delivery> received = queue.receive(10, POLL, Duration.ofSeconds(1));
            handedOut.addAll(received);
            queue.complete(received);
            sqs.receiveMessage(b -> b.queueUrl(deadLetterUrl).maxNumberOfMessages(10).visibilityTimeout(120))
                    .messages().forEach(message -> deadLetters.add(message.body()));
        }

        assertThat(handedOut).extracting(Delivery::job).containsOnly(job);
        assertThat(deadLetters).containsExactlyInAnyOrderElementsOf(unreadable);
        assertThat(queue.receive(10, POLL, HELD)).isEmpty();
        SqsConnection.discard(sqs, endpoint, queue.queueName(), queue.queueName() + "-dead");
    }

    @Test
    @DisplayName("a missing queue is a StorageException that is not retryable and names the queue, never an SDK exception")
    void aMissingQueueIsAStorageException() {
        String missing = endpoint.newQueueName("missing");
        SqsJobQueue queue = SqsJobQueue.builder().client(sqs).queueName(missing).deadLetterQueue(missing + "-dead")
                .maxReceives(3).build();

        assertThatThrownBy(() -> queue.send(List.of(aJob())))
                .isInstanceOfSatisfying(SqsStorageException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e).hasMessageContaining(missing);
                });
        assertThatThrownBy(() -> queue.receive(1, Duration.ZERO, HELD)).isInstanceOf(StorageException.class)
                .isNotInstanceOf(StorageUnavailableException.class);
    }

    @Test
    @DisplayName("a queue that cannot be reached is a retryable StorageUnavailableException")
    void anUnreachableQueueIsRetryable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (SqsClient unreachable = SqsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + closedPort))
                .region(Region.US_EAST_1).httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).apiCallTimeout(Duration.ofSeconds(10)))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build()) {
            SqsJobQueue queue = SqsJobQueue.builder().client(unreachable)
                    .queueUrl("http://127.0.0.1:" + closedPort + "/000000000000/gone")
                    .deadLetterQueueUrl("http://127.0.0.1:" + closedPort + "/000000000000/gone-dead").maxReceives(3)
                    .build();

            assertThatThrownBy(() -> queue.send(List.of(aJob())))
                    .isInstanceOfSatisfying(SqsUnavailableException.class, e -> assertThat(e.retryable()).isTrue());
            assertThatThrownBy(() -> queue.receive(1, Duration.ZERO, HELD)).isInstanceOf(StorageUnavailableException.class);
        }
    }

    @Test
    @DisplayName("a queue built from settings makes and closes its own client; a given client stays open")
    void ownClientAndGivenClient() {
        SqsJobQueue given = SqsConnection.newJobQueue(sqs, endpoint, "clients", 3);
        SqsJobQueue.Builder own = SqsJobQueue.builder().queueName(given.queueName())
                .deadLetterQueue(given.queueName() + "-dead").maxReceives(3).region(Region.of(endpoint.region()));
        endpoint.uri().ifPresent(own::endpoint);
        endpoint.credentials().ifPresent(c -> own.credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey()))));
        Job job = aJob();

        try (SqsJobQueue queue = own.build()) {
            queue.send(List.of(job));
        }
        given.close();

        List<Delivery> received = given.receive(1, Duration.ofSeconds(5), HELD);
        assertThat(received).extracting(Delivery::job).containsExactly(job);
        given.complete(received);
        SqsConnection.discard(sqs, endpoint, given.queueName(), given.queueName() + "-dead");
    }

    @Test
    @DisplayName("the dead-letter queue's own queue has no further dead letters and creates nothing")
    void theDeadLetterQueueIsTheEnd() {
        SqsJobQueue queue = SqsConnection.newJobQueue(sqs, endpoint, "end", 3);

        assertThat(queue.deadLetters().deadLetters()).isSameAs(queue.deadLetters());
        assertThat(queue.deadLetters().maxReceives()).isEqualTo(Integer.MAX_VALUE);
        ((SqsJobQueue) queue.deadLetters()).createQueuesIfMissing();
        assertThat(queue.toString()).contains(queue.queueName(), queue.queueName() + "-dead");
        SqsConnection.discard(sqs, endpoint, queue.queueName(), queue.queueName() + "-dead");
    }

    @Test
    @DisplayName("jobs of several sends are each received once while held, in any order")
    void severalSends() {
        SqsJobQueue queue = SqsConnection.newJobQueue(sqs, endpoint, "sends", 3);
        List<Job> jobs = List.of(aJob(), aJob(), aJob());
        jobs.forEach(job -> queue.send(List.of(job)));

        List<Delivery> all = new ArrayList<>();
        for (int attempt = 0; attempt < PATIENCE && all.size() < jobs.size(); attempt++) {
            all.addAll(queue.receive(10, POLL, HELD));
        }

        assertThat(all.stream().map(Delivery::job).collect(Collectors.toList())).containsExactlyInAnyOrderElementsOf(jobs);
        queue.complete(all);
        SqsConnection.discard(sqs, endpoint, queue.queueName(), queue.queueName() + "-dead");
    }
}
