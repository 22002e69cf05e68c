package dev.gallerykit.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real DynamoDB: DynamoDB Local in server mode, HTTP on a free loopback port, data in memory.
 *
 * <p>As a JUnit 5 extension it starts once per test JVM and stops when the whole run ends, so every
 * test class of a module shares it; tests read {@link #endpoint()} or take an {@link Endpoint}
 * parameter. When the environment variable {@value #ENDPOINT_VARIABLE} is set (for example to a
 * LocalStack endpoint, or to {@code https://dynamodb.eu-west-1.amazonaws.com}), nothing is started
 * and the same suites run against that endpoint with the SDK's default credentials and region.
 * Either way {@link #tablePrefix()} is unique per test JVM, so runs never see each other's tables.
 *
 * <pre>{@code
 * @ExtendWith(LocalDynamoDb.class)
 * class DynamoDbUserRepositoryTest extends UserRepositoryContract {
 *     protected UserRepository users() { return client(LocalDynamoDb.endpoint()) ... }
 * }
 * }</pre>
 *
 * Outside JUnit, {@link #start()} starts a server of the caller's own:
 * {@code try (LocalDynamoDb.Server dynamo = LocalDynamoDb.start()) { ... dynamo.endpoint() ... }}.
 * DynamoDB Local accepts any key pair and keeps data apart per access key and region.
 */
public final class LocalDynamoDb implements BeforeAllCallback, ParameterResolver {

    /** Points the suites at an external DynamoDB-compatible endpoint instead of a local server. */
    public static final String ENDPOINT_VARIABLE = "GALLERYKIT_DYNAMODB_ENDPOINT";

    /** Region used with the local server (DynamoDB Local keeps data apart per region and access key). */
    public static final String LOCAL_REGION = "us-east-1";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalDynamoDb.class);
    private static final String TABLE_PREFIX = "gk-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private static final Credentials DEFAULT_CREDENTIALS = new Credentials("gallerykit", "local");
    private static final int START_ATTEMPTS = 5;
    private static final String JOBS_PACKAGE = "com.amazonaws.services.dynamodbv2.local.shared.jobs.";
    /** DynamoDB Local servers started in this JVM and not yet stopped. */
    private static final AtomicInteger RUNNING = new AtomicInteger();

    /** The server of the extension, once it has run. */
    private static volatile Server shared;

    /**
     * Where clients send their DynamoDB requests.
     *
     * @param uri the endpoint override
     * @param region the region to sign for
     * @param credentials the key pair to sign with; empty to use the SDK's default chain (external endpoint)
     * @param local whether this is a DynamoDB Local started here (then tables are throw-away)
     */
    public record Endpoint(URI uri, String region, Optional<Credentials> credentials, boolean local) {

        public Endpoint {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(credentials, "credentials");
        }
    }

    /** A running DynamoDB endpoint; closing it stops a local server and drops its tables. */
    public static final class Server implements LocalService {

        private final Endpoint endpoint;
        private final DynamoDBProxyServer server;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Server(Endpoint endpoint, DynamoDBProxyServer server) {
            this.endpoint = endpoint;
            this.server = server;
        }

        public Endpoint endpoint() {
            return endpoint;
        }

        /** The endpoint, region and, for a local server, the key pair to sign with. */
        @Override
        public Map<String, String> connectionDetails() {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("endpoint", endpoint.uri().toString());
            details.put("region", endpoint.region());
            endpoint.credentials().ifPresent(credentials -> {
                details.put("accessKeyId", credentials.accessKeyId());
                details.put("secretAccessKey", credentials.secretAccessKey());
            });
            return details;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                stopQuietly(server);
            }
        }
    }

    /** Starts DynamoDB Local for a caller who closes it; environment variables play no part. */
    public static Server start() {
        return start(DEFAULT_CREDENTIALS);
    }

    /**
     * Starts DynamoDB Local and hands out {@code credentials} with its endpoint. The server accepts
     * any key pair; clients that sign with the same one see the same tables.
     */
    public static Server start(Credentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        Exception last = null;
        // The port is free when probed but may be taken before the server binds it (other builds
        // run here too): try again with another one.
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            int port = ServerProcesses.freePort();
            DynamoDBProxyServer candidate = null;
            try {
                candidate = ServerRunner.createServerFromCommandLineArgs(new String[] {
                        "-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
                RUNNING.incrementAndGet();
                candidate.start();
                Endpoint endpoint = new Endpoint(URI.create("http://127.0.0.1:" + port), LOCAL_REGION,
                        Optional.of(credentials), true);
                return new Server(endpoint, candidate);
            } catch (Exception e) {
                last = e;
                stopQuietly(candidate);
            }
        }
        throw new IllegalStateException("DynamoDB Local did not start after " + START_ATTEMPTS + " attempts", last);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Endpoint.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context).endpoint();
    }

    private static Server server(ExtensionContext context) {
        Server server = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Server.class, key -> connectOrStart(), Server.class);
        shared = server;
        return server;
    }

    /** Where the tests' DynamoDB listens. Only valid once the extension has run for the test class. */
    public static URI endpoint() {
        Server current = shared;
        if (current == null) {
            throw new IllegalStateException("DynamoDB is not started: annotate the test class with "
                    + "@ExtendWith(LocalDynamoDb.class)");
        }
        return current.endpoint().uri();
    }

    /** True when {@value #ENDPOINT_VARIABLE} names an external endpoint (use the SDK's default credentials). */
    public static boolean external() {
        return externalEndpoint().isPresent();
    }

    /** A table-name prefix unique to this test JVM, e.g. {@code gk-1a2b3c4d-}. */
    public static String tablePrefix() {
        return TABLE_PREFIX;
    }

    private static Server connectOrStart() {
        Optional<URI> external = externalEndpoint();
        if (external.isPresent()) {
            String region = Optional.ofNullable(System.getenv("AWS_REGION")).filter(value -> !value.isBlank())
                    .orElse(LOCAL_REGION);
            return new Server(new Endpoint(external.get(), region, Optional.empty(), false), null);
        }
        return start();
    }

    private static Optional<URI> externalEndpoint() {
        return Optional.ofNullable(System.getenv(ENDPOINT_VARIABLE)).filter(value -> !value.isBlank())
                .map(value -> URI.create(value.strip()));
    }

    private static void stopQuietly(DynamoDBProxyServer server) {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // Stopping is best effort: an in-memory server leaves nothing behind.
            }
            if (RUNNING.decrementAndGet() == 0) {
                endBackgroundJobs();
            }
        }
    }

    /**
     * DynamoDB Local's stop leaves the thread of its background jobs (the streams' shard rollover) asleep
     * in a non-daemon pool, which keeps a JVM with no other work from exiting. When the last server of
     * this JVM has stopped, nothing needs those jobs: an interrupt ends them.
     */
    private static void endBackgroundJobs() {
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread != Thread.currentThread() && !thread.isDaemon() && Arrays.stream(stack)
                    .anyMatch(frame -> frame.getClassName().startsWith(JOBS_PACKAGE))) {
                thread.interrupt();
            }
        });
    }
}
