package dev.gallerykit.reliability;

import dev.gallerykit.local.Credentials;
import dev.gallerykit.local.LocalSqs;
import dev.gallerykit.sqs.SqsJobQueue;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The job queue of a deployment with asynchronous ingest: the SQS endpoint and the names of its queue
 * and dead-letter queue, handed to worker JVMs in their environment like {@link Wiring}.
 */
record QueueWiring(LocalSqs.Endpoint sqs, String queue, String deadLetters) {

    /** Receives of a job before SQS moves it to the dead letters. */
    static final int MAX_RECEIVES = 3;

    /** Tries at a photo before the gallery marks it failed. */
    static final int MAX_ATTEMPTS = 3;

    /** How long a received job stays hidden: a killed worker's jobs come back after it. */
    static final Duration VISIBILITY = Duration.ofSeconds(4);

    private static final String PREFIX = "GALLERYKIT_WORKER_SQS_";

    QueueWiring {
        Objects.requireNonNull(sqs, "sqs");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(deadLetters, "deadLetters");
    }

    /** The queue, on a client of its own that closing it closes. */
    SqsJobQueue open() {
        return SqsJobQueue.builder().endpoint(sqs.uri().orElse(null)).region(Region.of(sqs.region()))
                .credentialsProvider(credentials(sqs.credentials())).queueName(queue).deadLetterQueue(deadLetters)
                .maxReceives(MAX_RECEIVES).build();
    }

    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        sqs.uri().ifPresent(uri -> env.put(PREFIX + "ENDPOINT", uri.toString()));
        env.put(PREFIX + "REGION", sqs.region());
        sqs.credentials().ifPresent(c -> {
            env.put(PREFIX + "ACCESS_KEY_ID", c.accessKeyId());
            env.put(PREFIX + "SECRET_ACCESS_KEY", c.secretAccessKey());
        });
        env.put(PREFIX + "QUEUE", queue);
        env.put(PREFIX + "DEAD_LETTERS", deadLetters);
        return env;
    }

    static QueueWiring fromEnvironment(Map<String, String> env) {
        Optional<Credentials> credentials = Optional.ofNullable(env.get(PREFIX + "ACCESS_KEY_ID"))
                .map(id -> new Credentials(id, env.get(PREFIX + "SECRET_ACCESS_KEY")));
        LocalSqs.Endpoint sqs = new LocalSqs.Endpoint(Optional.ofNullable(env.get(PREFIX + "ENDPOINT")).map(URI::create),
                env.get(PREFIX + "REGION"), credentials, true);
        return new QueueWiring(sqs, env.get(PREFIX + "QUEUE"), env.get(PREFIX + "DEAD_LETTERS"));
    }

    private static AwsCredentialsProvider credentials(Optional<Credentials> credentials) {
        return credentials.<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(
                AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }
}
