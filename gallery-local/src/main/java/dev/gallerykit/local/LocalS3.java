package dev.gallerykit.local;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * An S3 endpoint: S3Proxy on a random loopback port with signature checking on
 * ({@code aws-v2-or-v4}, a random identity and credential), objects in memory.
 *
 * <p>As a JUnit 5 extension it starts once per test JVM (shared by every test class through the
 * root context's store) and hands tests an {@link Endpoint}:
 *
 * <pre>{@code
 * @ExtendWith(LocalS3.class)
 * class S3BlobStoreTest {
 *     @BeforeAll
 *     static void connect(LocalS3.Endpoint s3) { ... s3.uri(), s3.region(), s3.credentials() ... }
 * }
 * }</pre>
 *
 * Outside JUnit, {@link #start()} starts a server of the caller's own:
 * {@code try (LocalS3.Server s3 = LocalS3.start()) { ... s3.endpoint() ... }}.
 *
 * <p>The extension's modes:
 * <ul>
 *   <li>default: S3Proxy in this JVM;</li>
 *   <li>system property {@value #CHILD_PROCESS_PROPERTY}{@code =true}: S3Proxy in a child JVM with a
 *       filesystem store in a temporary folder, so that neither its buffers nor the stored bytes count
 *       in this JVM's heap (for memory tests);</li>
 *   <li>environment variable {@value #ENDPOINT_VARIABLE} set: no server is started. Its value is the
 *       endpoint URL (LocalStack: {@code http://localhost:4566}), or {@code aws} for the SDK's default
 *       endpoint of the region. Region and credentials then come from the SDK's default chains
 *       ({@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, profiles, ...).</li>
 * </ul>
 * S3Proxy's stores are file-system-like (an object {@code a} and an object {@code a/b} cannot both
 * exist), so keys are escaped into flat names on the way in (see {@code FlatKeyBlobStore}); clients
 * see plain S3. Always use path-style requests against it.
 */
public final class LocalS3 implements BeforeAllCallback, ParameterResolver {

    /** Points the tests at an external endpoint instead of S3Proxy: a URL, or {@code aws}. */
    public static final String ENDPOINT_VARIABLE = "GALLERYKIT_S3_ENDPOINT";

    /** System property that runs the extension's S3Proxy in a child JVM with a filesystem store. */
    public static final String CHILD_PROCESS_PROPERTY = "gallerykit.s3proxy.child-process";

    /** The region the local server signs for. */
    public static final String LOCAL_REGION = "us-east-1";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalS3.class);

    /**
     * Where clients send their S3 requests.
     *
     * @param uri the endpoint override; empty for the SDK's default endpoint (real AWS)
     * @param region the region to sign for
     * @param credentials a static key pair for the local server; empty to use the SDK's default chain
     * @param local whether this is an S3Proxy started here (then buckets are throw-away)
     */
    public record Endpoint(Optional<URI> uri, String region, Optional<Credentials> credentials, boolean local) {

        public Endpoint {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(credentials, "credentials");
        }

        /** A valid bucket name nobody else uses: {@code gallerykit-test-<purpose>-<random>}. */
        public String newBucketName(String purpose) {
            String word = purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
            String random = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            return "gallerykit-test-" + word.substring(0, Math.min(word.length(), 20)) + "-" + random;
        }
    }

    /**
     * A running S3 endpoint; closing it stops a local server and drops everything it stored.
     *
     * <p>A local server can also be {@linkplain #stop() stopped} as an outage would stop it, and
     * {@linkplain #restart() started again} on the same port with the same buckets and objects, so
     * that a test sees what clients see when S3 goes away in the middle of their work:
     *
     * <pre>{@code
     * try (LocalS3.Server s3 = LocalS3.start()) {
     *     ... write some objects ...
     *     s3.stop();      // requests are refused from here on
     *     ... a call fails ...
     *     s3.restart();   // same endpoint, same objects
     * }
     * }</pre>
     */
    public static final class Server implements LocalService {

        private final Endpoint endpoint;
        private final Optional<Proxy> proxy;
        private final StopOnce stop;

        Server(Endpoint endpoint, Optional<Proxy> proxy) {
            this.endpoint = endpoint;
            this.proxy = proxy;
            this.stop = new StopOnce("S3Proxy", () -> {
                if (proxy.isPresent()) {
                    proxy.get().close();
                }
            });
        }

        public Endpoint endpoint() {
            return endpoint;
        }

        /**
         * Stops the server and keeps what it stored: from the moment this returns, connections to the
         * endpoint are refused (open ones are closed) until {@link #restart()}. Does nothing if it is
         * stopped already.
         *
         * @throws UnsupportedOperationException for an endpoint that the environment named: it is not
         *         ours to stop
         */
        public void stop() {
            ServerProcesses.control("stop S3Proxy", local("stop")::stop);
        }

        /**
         * Starts a {@linkplain #stop() stopped} server again on the same port, with the buckets and
         * objects it had, and returns once it takes requests. Does nothing if it is running.
         *
         * @throws UnsupportedOperationException for an endpoint that the environment named
         * @throws IllegalStateException if the server cannot start again, for example because another
         *         process took its port meanwhile
         */
        public void restart() {
            ServerProcesses.control("restart S3Proxy", local("restart")::restart);
        }

        /** Whether a local server takes requests now (false between {@link #stop()} and {@link #restart()}). */
        public boolean running() {
            return proxy.map(Proxy::running).orElse(true);
        }

        private Proxy local(String what) {
            return proxy.orElseThrow(() -> new UnsupportedOperationException("cannot " + what
                    + " the S3 endpoint " + endpoint.uri().map(URI::toString).orElse("of AWS")
                    + ": it was not started here"));
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
            if (endpoint.local()) {
                details.put("pathStyle", "required");
            }
            return details;
        }

        @Override
        public void close() {
            stop.stop();
        }
    }

    /** An S3Proxy started here, in this JVM or in a child one, that can stop and start again in place. */
    interface Proxy {

        int port();

        boolean running();

        /** Stops serving, keeping the store. */
        void stop() throws Exception;

        /** Serves the same store again on the same port. */
        void restart() throws Exception;

        /** Stops serving and drops the store. */
        void close() throws Exception;
    }

    /** S3Proxy in this JVM over one in-memory store, which outlives the proxies that serve it. */
    private static final class InJvmProxy implements Proxy {

        private final BlobStore store;
        private final Credentials credentials;
        private final int port;
        private S3Proxy proxy;

        InJvmProxy(Credentials credentials) throws Exception {
            this.store = new AtomicObjectsBlobStore(new FlatKeyBlobStore(new TransientNio2BlobStore()));
            this.credentials = credentials;
            this.proxy = s3Proxy(store, credentials, 0);
            proxy.start();
            this.port = proxy.getPort();
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public synchronized boolean running() {
            return proxy != null;
        }

        @Override
        public synchronized void stop() throws Exception {
            if (proxy != null) {
                proxy.stop();
                proxy = null;
            }
        }

        @Override
        public synchronized void restart() throws Exception {
            if (proxy == null) {
                S3Proxy again = s3Proxy(store, credentials, port);
                again.start();
                proxy = again;
            }
        }

        @Override
        public void close() throws Exception {
            // The transient store goes with this object.
            stop();
        }
    }

    /** Starts S3Proxy in this JVM with a new random key pair, for a caller who closes it. */
    public static Server start() {
        return start(randomCredentials());
    }

    /** Starts S3Proxy in this JVM, accepting requests signed with {@code credentials} only. */
    public static Server start(Credentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        try {
            InJvmProxy proxy = new InJvmProxy(credentials);
            return new Server(endpointAt(proxy.port(), credentials), Optional.of(proxy));
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
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
            Optional<URI> uri = external.trim().equalsIgnoreCase("aws") ? Optional.empty()
                    : Optional.of(URI.create(external.trim()));
            String region = Optional.ofNullable(System.getenv("AWS_REGION"))
                    .or(() -> Optional.ofNullable(System.getenv("AWS_DEFAULT_REGION")))
                    .filter(value -> !value.isBlank()).orElse(LOCAL_REGION);
            return new Server(new Endpoint(uri, region, Optional.empty(), false), Optional.empty());
        }
        if (Boolean.getBoolean(CHILD_PROCESS_PROPERTY)) {
            Credentials credentials = randomCredentials();
            S3ProxyChild child = S3ProxyChild.start(credentials);
            return new Server(endpointAt(child.port(), credentials), Optional.of(child));
        }
        return start();
    }

    /**
     * S3Proxy serving {@code store} on {@code port} of the loopback interface (0: any free one). It answers
     * CORS requests from any origin, as a bucket with an allow-all CORS rule would: a web page then PUTs a
     * direct upload to its presigned URL from the browser (the signature still decides what is accepted).
     */
    static S3Proxy s3Proxy(BlobStore store, Credentials credentials, int port) {
        return S3Proxy.builder()
                .blobStore(store)
                .corsRules(new CrossOriginResourceSharing())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, credentials.accessKeyId(),
                        credentials.secretAccessKey())
                .build();
    }

    private static Endpoint endpointAt(int port, Credentials credentials) {
        return new Endpoint(Optional.of(URI.create("http://127.0.0.1:" + port)), LOCAL_REGION,
                Optional.of(credentials), true);
    }

    /**
     * A key pair nobody can guess, so that only correctly signed requests get through. Letters and
     * digits only: DynamoDB Local refuses access keys with anything else.
     */
    static Credentials randomCredentials() {
        return new Credentials("local" + random(6), random(20));
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
