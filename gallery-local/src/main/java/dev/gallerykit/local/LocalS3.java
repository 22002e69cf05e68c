package dev.gallerykit.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives tests an S3 endpoint: S3Proxy started once per test JVM (shared by
 * every test class through the root context's store) on a random loopback port, with signature
 * checking on ({@code aws-v2-or-v4}, a random identity and credential), or an external endpoint.
 *
 * <pre>{@code
 * @ExtendWith(LocalS3.class)
 * class S3BlobStoreTest {
 *     @BeforeAll
 *     static void connect(LocalS3.Endpoint s3) { ... s3.uri(), s3.region(), s3.credentials() ... }
 * }
 * }</pre>
 *
 * <p>Modes:
 * <ul>
 *   <li>default: S3Proxy in this JVM with a transient (in-memory) store;</li>
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
 *
 * <p>S3Proxy must be on the test class path: the test kit declares it optional, so a module using this
 * extension declares {@code org.gaul:s3proxy} (test scope) itself.
 */
public final class LocalS3 implements BeforeAllCallback, ParameterResolver {

    /** Points the tests at an external endpoint instead of S3Proxy: a URL, or {@code aws}. */
    public static final String ENDPOINT_VARIABLE = "GALLERYKIT_S3_ENDPOINT";

    /** System property that runs S3Proxy in a child JVM with a filesystem store. */
    public static final String CHILD_PROCESS_PROPERTY = "gallerykit.s3proxy.child-process";

    private static final String REGION = "us-east-1";
    private static final String READY = "S3PROXY-PORT ";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalS3.class);

    /**
     * Where tests send their S3 requests.
     *
     * @param uri the endpoint override; empty for the SDK's default endpoint (real AWS)
     * @param region the region to sign for
     * @param credentials a static key pair for the local server; empty to use the SDK's default chain
     * @param local whether this is the S3Proxy started for the tests (then buckets are throw-away)
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

    /** A static access key pair. */
    public record Credentials(String accessKeyId, String secretAccessKey) {
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
                .getOrComputeIfAbsent(Server.class, type -> start(), Server.class).endpoint();
    }

    private static Server start() {
        String external = System.getenv(ENDPOINT_VARIABLE);
        if (external != null && !external.isBlank()) {
            Optional<URI> uri = external.trim().equalsIgnoreCase("aws") ? Optional.empty()
                    : Optional.of(URI.create(external.trim()));
            String region = Optional.ofNullable(System.getenv("AWS_REGION"))
                    .or(() -> Optional.ofNullable(System.getenv("AWS_DEFAULT_REGION")))
                    .filter(value -> !value.isBlank()).orElse(REGION);
            return new Server(new Endpoint(uri, region, Optional.empty(), false), () -> { });
        }
        Credentials credentials = new Credentials("local-" + random(6), random(20));
        if (Boolean.getBoolean(CHILD_PROCESS_PROPERTY)) {
            return startChildProcess(credentials);
        }
        try {
            S3Proxy proxy = s3Proxy(new FlatKeyBlobStore(new TransientNio2BlobStore()), credentials);
            proxy.start();
            return new Server(endpointAt(proxy.getPort(), credentials), proxy::stop);
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
    }

    private static S3Proxy s3Proxy(org.gaul.s3proxy.blobstore.BlobStore store, Credentials credentials) {
        return S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, credentials.accessKeyId(),
                        credentials.secretAccessKey())
                .build();
    }

    private static Endpoint endpointAt(int port, Credentials credentials) {
        return new Endpoint(Optional.of(URI.create("http://127.0.0.1:" + port)), REGION, Optional.of(credentials),
                true);
    }

    private static Server startChildProcess(Credentials credentials) {
        try {
            Path dir = Files.createTempDirectory("gallerykit-s3proxy-");
            List<String> command = new ArrayList<>(List.of(
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", System.getProperty("java.class.path"), LocalS3.class.getName(),
                    dir.toString(), credentials.accessKeyId(), credentials.secretAccessKey()));
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(READY)) {
                    int port = Integer.parseInt(line.substring(READY.length()).trim());
                    return new Server(endpointAt(port, credentials), () -> stopChild(process, dir));
                }
            }
            stopChild(process, dir);
            throw new IllegalStateException("S3Proxy in a child JVM exited with " + process.waitFor()
                    + " before it was ready");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start S3Proxy in a child JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting S3Proxy", e);
        }
    }

    private static void stopChild(Process process, Path dir) throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (var files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * The child JVM: S3Proxy on a filesystem store until its standard input closes, which happens
     * when the parent stops it or dies.
     *
     * @param args the store's folder, the access key id and the secret key
     */
    public static void main(String[] args) throws Exception {
        S3Proxy proxy = s3Proxy(new FlatKeyBlobStore(new FilesystemNio2BlobStore(args[0])),
                new Credentials(args[1], args[2]));
        proxy.start();
        System.out.println(READY + proxy.getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // Wait for end of input.
        }
        proxy.stop();
        System.exit(0);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private interface Stopper {
        void stop() throws Exception;
    }

    private record Server(Endpoint endpoint, Stopper stopper) implements AutoCloseable {

        @Override
        public void close() {
            try {
                stopper.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping S3Proxy", e);
            } catch (Exception e) {
                throw new IllegalStateException("S3Proxy did not stop cleanly", e);
            }
        }
    }
}
