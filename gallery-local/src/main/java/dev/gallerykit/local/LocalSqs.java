package dev.gallerykit.local;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * An SQS endpoint: ElasticMQ on a random loopback port, queues and messages in memory. It speaks the
 * JSON protocol of the AWS SDK v2 and keeps SQS's semantics (visibility timeouts, receive counts,
 * redrive to a dead-letter queue, long polling). It does not check signatures: any key pair is accepted.
 *
 * <p>As a JUnit 5 extension it starts once per test JVM (shared by every test class through the
 * root context's store, stopped when the run ends) and hands tests an {@link Endpoint}:
 *
 * <pre>{@code
 * @ExtendWith(LocalSqs.class)
 * class SqsJobQueueTest {
 *     @BeforeAll
 *     static void connect(LocalSqs.Endpoint sqs) { ... sqs.uri(), sqs.region(), sqs.newQueueName("jobs") ... }
 * }
 * }</pre>
 *
 * When the environment variable {@value #ENDPOINT_VARIABLE} is set, nothing is started: its value is
 * the endpoint URL (LocalStack: {@code http://localhost:4566}), or {@code aws} for the SDK's default
 * endpoint of the region; region and credentials then come from the SDK's default chains. Outside
 * JUnit, {@link #start()} starts a server of the caller's own.
 */
public final class LocalSqs implements BeforeAllCallback, ParameterResolver {

    /** Points the tests at an external endpoint instead of ElasticMQ: a URL, or {@code aws}. */
    public static final String ENDPOINT_VARIABLE = "GALLERYKIT_SQS_ENDPOINT";

    /** The region in the queue URLs of the local server. */
    public static final String LOCAL_REGION = "us-east-1";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalSqs.class);
    private static final int START_ATTEMPTS = 5;

    /**
     * Where clients send their SQS requests.
     *
     * @param uri the endpoint override; empty for the SDK's default endpoint (real AWS)
     * @param region the region to sign for
     * @param credentials a static key pair for the local server; empty to use the SDK's default chain
     * @param local whether this is an ElasticMQ started here (then queues are throw-away)
     */
    public record Endpoint(Optional<URI> uri, String region, Optional<Credentials> credentials, boolean local) {

        public Endpoint {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(credentials, "credentials");
        }

        /** A valid queue name nobody else uses: {@code gallerykit-test-<purpose>-<random>}, at most 56 characters. */
        public String newQueueName(String purpose) {
            String word = purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
            String random = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            return "gallerykit-test-" + word.substring(0, Math.min(word.length(), 24)) + "-" + random;
        }
    }

    /** A running SQS endpoint; closing it stops a local server and drops its queues. */
    public static final class Server implements LocalService {

        private final Endpoint endpoint;
        private final StopOnce stop;

        private Server(Endpoint endpoint, StopOnce stop) {
            this.endpoint = endpoint;
            this.stop = stop;
        }

        public Endpoint endpoint() {
            return endpoint;
        }

        /** The endpoint (or {@code the SDK's default}), region and, for a local server, the key pair. */
        @Override
        public Map<String, String> connectionDetails() {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("endpoint", endpoint.uri().map(URI::toString).orElse("the SDK's default for the region"));
            details.put("region", endpoint.region());
            endpoint.credentials().ifPresent(credentials -> {
                details.put("accessKeyId", credentials.accessKeyId());
                details.put("secretAccessKey", credentials.secretAccessKey());
            });
            return details;
        }

        @Override
        public void close() {
            stop.stop();
        }
    }

    /** Starts ElasticMQ in this JVM for a caller who closes it, handing out a new random key pair. */
    public static Server start() {
        return start(LocalS3.randomCredentials());
    }

    /**
     * Starts ElasticMQ in this JVM and hands out {@code credentials} with its endpoint (ElasticMQ
     * accepts any). It stops on {@link Server#close()}, or when the JVM ends.
     */
    public static Server start(Credentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        RuntimeException last = null;
        // The port is free when probed but may be taken before the server binds it: try another one.
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            int port = ServerProcesses.freePort();
            ActorSystem actors = ActorSystem.create("gallerykit-elasticmq", actorConfig());
            try {
                SQSRestServer server = SQSRestServerBuilder.withActorSystem(actors)
                        .withInterface("127.0.0.1")
                        .withPort(port)
                        .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                        .withAWSRegion(LOCAL_REGION)
                        .start();
                server.waitUntilStarted();
                Thread hook = new Thread(() -> stop(server, actors), "stop-elasticmq");
                Runtime.getRuntime().addShutdownHook(hook);
                Endpoint endpoint = new Endpoint(Optional.of(URI.create("http://127.0.0.1:" + port)), LOCAL_REGION,
                        Optional.of(credentials), true);
                return new Server(endpoint, new StopOnce("ElasticMQ", () -> {
                    ServerProcesses.forget(hook);
                    stop(server, actors);
                }));
            } catch (RuntimeException e) {
                last = e;
                terminate(actors);
            }
        }
        throw new IllegalStateException("ElasticMQ did not start after " + START_ATTEMPTS + " attempts", last);
    }

    /**
     * ElasticMQ's actors: daemon threads, so that a server nobody closed does not keep the JVM alive; logs
     * through SLF4J, so the host's logging decides what is shown.
     */
    private static Config actorConfig() {
        return ConfigFactory.parseMap(Map.of(
                "pekko.daemonic", "on",
                "pekko.loggers", List.of("org.apache.pekko.event.slf4j.Slf4jLogger"),
                "pekko.logging-filter", "org.apache.pekko.event.slf4j.Slf4jLoggingFilter",
                "pekko.loglevel", "INFO",
                "pekko.stdout-loglevel", "WARNING",
                "pekko.log-dead-letters", "off",
                "pekko.log-dead-letters-during-shutdown", "off",
                // Long polls last up to 20 s: the server must let a request run longer than that.
                "pekko.http.server.request-timeout", "25 s",
                "pekko.http.server.parsing.illegal-header-warnings", "off"))
                .withFallback(ConfigFactory.load(LocalSqs.class.getClassLoader()));
    }

    private static void stop(SQSRestServer server, ActorSystem actors) {
        try {
            server.stopAndWait();
        } finally {
            terminate(actors);
        }
    }

    private static void terminate(ActorSystem actors) {
        actors.terminate();
        try {
            actors.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Its threads are daemons: a system that does not stop in time does not keep the JVM alive.
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        endpoint(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Endpoint.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return endpoint(context);
    }

    /** The endpoint of this test JVM, starting the server on first use. */
    public static Endpoint endpoint(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Server.class, type -> connectOrStart(), Server.class).endpoint();
    }

    private static Server connectOrStart() {
        String external = System.getenv(ENDPOINT_VARIABLE);
        if (external != null && !external.isBlank()) {
            Optional<URI> uri = external.strip().equalsIgnoreCase("aws") ? Optional.empty()
                    : Optional.of(URI.create(external.strip()));
            String region = Optional.ofNullable(System.getenv("AWS_REGION"))
                    .or(() -> Optional.ofNullable(System.getenv("AWS_DEFAULT_REGION")))
                    .filter(value -> !value.isBlank()).orElse(LOCAL_REGION);
            return new Server(new Endpoint(uri, region, Optional.empty(), false), new StopOnce("SQS", () -> { }));
        }
        return start();
    }
}
