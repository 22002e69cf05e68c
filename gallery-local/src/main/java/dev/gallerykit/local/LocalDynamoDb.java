package dev.gallerykit.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real DynamoDB for adapter tests: DynamoDB Local in server mode (HTTP on a free loopback port,
 * data in memory), started once per test JVM and stopped when the whole run ends, so every test
 * class of a module shares it.
 *
 * <p>When the environment variable {@value #ENDPOINT_VARIABLE} is set (for example to a LocalStack
 * endpoint, or to {@code https://dynamodb.eu-west-1.amazonaws.com}), nothing is started and the
 * same suites run against that endpoint with the SDK's default credentials and region. Either way
 * {@link #tablePrefix()} is unique per test JVM, so runs never see each other's tables.
 *
 * <pre>{@code
 * @ExtendWith(LocalDynamoDb.class)
 * class DynamoDbUserRepositoryTest extends UserRepositoryContract {
 *     protected UserRepository users() { return client(LocalDynamoDb.endpoint()) ... }
 * }
 * }</pre>
 *
 * <p>Needs {@code com.amazonaws:DynamoDBLocal} on the test class path (an optional dependency of the
 * test kit: declare it in the module that uses this extension).
 */
public final class LocalDynamoDb implements BeforeAllCallback {

    /** Points the suites at an external DynamoDB-compatible endpoint instead of a local server. */
    public static final String ENDPOINT_VARIABLE = "GALLERYKIT_DYNAMODB_ENDPOINT";

    /** Region used with the local server (DynamoDB Local keeps data apart per region and access key). */
    public static final String LOCAL_REGION = "us-east-1";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalDynamoDb.class);
    private static final String TABLE_PREFIX = "gk-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private static final int START_ATTEMPTS = 5;

    private static volatile URI endpoint;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Server.class, key -> Server.start(), Server.class);
    }

    /** Where the tests' DynamoDB listens. Only valid once the extension has run for the test class. */
    public static URI endpoint() {
        URI current = endpoint;
        if (current == null) {
            throw new IllegalStateException("DynamoDB is not started: annotate the test class with "
                    + "@ExtendWith(LocalDynamoDb.class)");
        }
        return current;
    }

    /** True when {@value #ENDPOINT_VARIABLE} names an external endpoint (use the SDK's default credentials). */
    public static boolean external() {
        return externalEndpoint().isPresent();
    }

    /** A table-name prefix unique to this test JVM, e.g. {@code gk-1a2b3c4d-}. */
    public static String tablePrefix() {
        return TABLE_PREFIX;
    }

    private static Optional<URI> externalEndpoint() {
        return Optional.ofNullable(System.getenv(ENDPOINT_VARIABLE)).filter(value -> !value.isBlank())
                .map(value -> URI.create(value.strip()));
    }

    /**
     * The running server, closed by JUnit (5.13 and later close AutoCloseable store values) when the
     * root context closes, at the end of the test run.
     */
    private static final class Server implements AutoCloseable {

        private final DynamoDBProxyServer server;

        private Server(DynamoDBProxyServer server) {
            this.server = server;
        }

        static Server start() {
            Optional<URI> external = externalEndpoint();
            if (external.isPresent()) {
                endpoint = external.get();
                return new Server(null);
            }
            Exception last = null;
            // The port is free when probed but may be taken before the server binds it (other builds
            // run here too): try again with another one.
            for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
                int port = freeLoopbackPort();
                DynamoDBProxyServer candidate = null;
                try {
                    candidate = ServerRunner.createServerFromCommandLineArgs(new String[] {
                            "-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
                    candidate.start();
                    endpoint = URI.create("http://127.0.0.1:" + port);
                    return new Server(candidate);
                } catch (Exception e) {
                    last = e;
                    stopQuietly(candidate);
                }
            }
            throw new IllegalStateException("DynamoDB Local did not start after " + START_ATTEMPTS + " attempts", last);
        }

        @Override
        public void close() {
            endpoint = null;
            stopQuietly(server);
        }

        private static int freeLoopbackPort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException("no free loopback port", e);
            }
        }

        private static void stopQuietly(DynamoDBProxyServer server) {
            if (server != null) {
                try {
                    server.stop();
                } catch (Exception ignored) {
                    // stopping is best effort: the JVM ends with the test run anyway
                }
            }
        }
    }
}
