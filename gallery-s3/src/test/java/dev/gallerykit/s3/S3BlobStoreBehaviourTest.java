package dev.gallerykit.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gallerykit.error.GalleryException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.StorageException;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.local.Credentials;
import dev.gallerykit.local.LocalS3;
import dev.gallerykit.spi.Blob;
import dev.gallerykit.spi.BlobAttributes;
import dev.gallerykit.spi.BlobInfo;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PresignedRequest;
import dev.gallerykit.testkit.fixtures.GeneratedStreams;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/** What the S3 adapter adds to the contract: multipart, request counts, the tenant prefix, errors, the builder. */
@ExtendWith(LocalS3.class)
class S3BlobStoreBehaviourTest {

    private static final long MIB = 1024 * 1024;
    private static final Duration TTL = Duration.ofMinutes(5);

    private static final RequestLog LOG = new RequestLog();
    private static LocalS3.Endpoint endpoint;
    private static TestBucket bucket;
    private static S3Client client;
    private static S3BlobStore store;

    private String prefix;

    @BeforeAll
    static void connect(LocalS3.Endpoint s3) {
        endpoint = s3;
        bucket = TestBucket.create(s3, "behaviour", LOG);
        client = bucket.client();
        store = bucket.store();
    }

    @AfterAll
    static void disconnect() {
        bucket.close();
    }

    @BeforeEach
    void freshPrefixAndLog() {
        prefix = "behaviour/" + UUID.randomUUID() + "/";
        LOG.clear();
    }

    private List<MultipartUpload> openUploads(String key) {
        return client.listMultipartUploads(b -> b.bucket(store.bucket()).prefix(key)).uploads();
    }

    private static BlobAttributes binary() {
        return BlobAttributes.of("application/octet-stream");
    }

    @Nested
    @DisplayName("Multipart upload")
    class Multipart {

        @ParameterizedTest(name = "length declared: {0}")
        @ValueSource(booleans = {true, false})
        @DisplayName("sends a 20 MiB stream in three 8 MiB-or-less parts that round-trip byte for byte")
        void twentyMebibytesGoUpInThreeParts(boolean declared) {
            long size = 20 * MIB;
            String key = prefix + "large.bin";

            store.put(key, GeneratedStreams.bytes(size, 1), declared ? size : BlobStore.UNKNOWN_LENGTH, binary());

            assertThat(LOG.count("CreateMultipartUpload")).isEqualTo(1);
            assertThat(LOG.count("UploadPart")).isEqualTo(3);
            assertThat(LOG.count("CompleteMultipartUpload")).isEqualTo(1);
            assertThat(LOG.count("PutObject")).isZero();
            try (Blob blob = store.get(key).orElseThrow()) {
                assertThat(blob.info().size()).isEqualTo(size);
                assertThat(GeneratedStreams.sha256(blob.content()))
                        .isEqualTo(GeneratedStreams.sha256(GeneratedStreams.bytes(size, 1)));
            }
            assertThat(openUploads(key)).isEmpty();
        }

        @Test
        @DisplayName("sends a stream of unknown length that ends below the threshold in one PutObject")
        void aShortStreamOfUnknownLengthIsOnePut() {
            String key = prefix + "small.bin";

            store.put(key, GeneratedStreams.bytes(3 * MIB, 2), BlobStore.UNKNOWN_LENGTH, binary());

            assertThat(LOG.count("PutObject")).isEqualTo(1);
            assertThat(LOG.count("CreateMultipartUpload")).isZero();
            assertThat(store.head(key).map(BlobInfo::size)).contains(3 * MIB);
        }

        @ParameterizedTest(name = "length declared: {0}")
        @ValueSource(booleans = {true, false})
        @DisplayName("a stream that fails after two parts leaves no object and no open upload")
        void aStreamFailingHalfwayAbortsTheUpload(boolean declared) {
            String key = prefix + "broken.bin";

            assertThatThrownBy(() -> store.put(key, GeneratedStreams.failingAfter(17 * MIB, 3),
                    declared ? 30 * MIB : BlobStore.UNKNOWN_LENGTH, binary()))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining("reading the content");

            assertThat(LOG.count("UploadPart")).isEqualTo(2);
            assertThat(LOG.count("AbortMultipartUpload")).isEqualTo(1);
            assertThat(store.head(key)).isEmpty();
            assertThat(openUploads(key)).isEmpty();
        }

        @Test
        @DisplayName("a stream shorter than declared is invalid input and leaves no open upload")
        void aShortStreamAbortsTheUpload() {
            String key = prefix + "short.bin";

            assertThatThrownBy(() -> store.put(key, GeneratedStreams.bytes(12 * MIB, 4), 20 * MIB, binary()))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("length"));

            assertThat(store.head(key)).isEmpty();
            assertThat(openUploads(key)).isEmpty();
        }

        @Test
        @DisplayName("a stream longer than declared is invalid input and leaves no open upload")
        void aLongStreamAbortsTheUpload() {
            String key = prefix + "long.bin";

            assertThatThrownBy(() -> store.put(key, GeneratedStreams.bytes(16 * MIB + 1, 5), 16 * MIB, binary()))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("length"));

            assertThat(LOG.count("CompleteMultipartUpload")).isZero();
            assertThat(store.head(key)).isEmpty();
            assertThat(openUploads(key)).isEmpty();
        }
    }

    @Nested
    @DisplayName("Batch delete")
    class BatchDelete {

        @Test
        @DisplayName("of 2,500 keys sends 3 DeleteObjects requests and removes them all")
        void twoThousandFiveHundredKeysTakeThreeRequests() {
            List<String> keys = IntStream.range(0, 2_500).mapToObj(i -> prefix + "k" + i).toList();
            for (String key : keys.subList(0, 20)) {
                store.put(key, new ByteArrayInputStream(new byte[] {1}), 1, binary());
            }
            List<String> withRepeats = new ArrayList<>(keys);
            withRepeats.addAll(keys.subList(0, 10));
            LOG.clear();

            Map<String, String> failures = store.deleteAll(withRepeats);

            assertThat(failures).isEmpty();
            assertThat(LOG.count("DeleteObjects")).isEqualTo(3);
            assertThat(LOG.count("DeleteObject")).isZero();
            assertThat(store.list(prefix, 10, Optional.empty()).items()).isEmpty();
        }
    }

    @Nested
    @DisplayName("A tenant key prefix")
    class TenantPrefix {

        private S3BlobStore tenant;

        @BeforeEach
        void tenantStore() {
            tenant = S3BlobStore.builder().client(client).bucket(store.bucket()).keyPrefix("tenant-a/").build();
        }

        @Test
        @DisplayName("is written in front of every key and never shown to callers")
        void isAppliedAndHidden() {
            String key = prefix + "photo/original";
            tenant.put(key, new ByteArrayInputStream(new byte[] {7, 8}), 2, BlobAttributes.of("image/jpeg"));

            assertThat(client.headObject(b -> b.bucket(store.bucket()).key("tenant-a/" + key)).contentLength())
                    .isEqualTo(2);
            assertThat(store.head(key)).as("the same key without the tenant").isEmpty();
            assertThat(tenant.list(prefix, 10, Optional.empty()).items()).extracting(BlobInfo::key)
                    .containsExactly(key);
            assertThat(tenant.head(key).map(BlobInfo::key)).contains(key);
            try (Blob blob = tenant.get(key, 1, 1).orElseThrow()) {
                assertThat(blob.info().key()).isEqualTo(key);
                assertThat(blob.readAllBytes()).containsExactly(8);
            }
            assertThat(S3Connection.expectSuccess(tenant.presignGet(key, TTL, Optional.empty()), null))
                    .containsExactly(7, 8);

            assertThat(tenant.deleteAll(List.of(key))).isEmpty();
            assertThat(client.listObjectsV2(b -> b.bucket(store.bucket()).prefix("tenant-a/" + prefix)).contents())
                    .isEmpty();
        }

        @Test
        @DisplayName("counts towards the 1024-byte key limit")
        void countsTowardsTheKeyLimit() {
            String key = prefix + "x".repeat(1020 - prefix.length());

            assertThatThrownBy(() -> tenant.put(key, new ByteArrayInputStream(new byte[1]), 1, binary()))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("key");
                        assertThat(e.getMessage()).contains("key prefix");
                    });
        }
    }

    @Nested
    @DisplayName("Object headers")
    class Headers {

        @Test
        @DisplayName("content type and Cache-Control are stored with the object")
        void contentTypeAndCacheControlAreStored() {
            String key = prefix + "thumb.jpg";

            store.put(key, new ByteArrayInputStream(new byte[] {1, 2, 3}), 3,
                    new BlobAttributes("image/jpeg", Optional.of("public, max-age=31536000, immutable")));

            HeadObjectResponse head = client.headObject(b -> b.bucket(store.bucket()).key(key));
            assertThat(head.contentType()).isEqualTo("image/jpeg");
            assertThat(head.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
        }

        @Test
        @DisplayName("SSE-S3 asks for AES256 on puts, multipart uploads and presigned PUTs")
        void serverSideEncryptionIsRequested() {
            S3BlobStore encrypted = S3BlobStore.builder().client(client).bucket(store.bucket())
                    .serverSideEncryption(S3Encryption.sseS3()).build();

            encrypted.put(prefix + "small", new ByteArrayInputStream(new byte[10]), 10, binary());
            encrypted.put(prefix + "large", GeneratedStreams.bytes(9 * MIB, 6), 9 * MIB, binary());
            PresignedRequest put = encrypted.presignPut(prefix + "direct", "image/png", 4, TTL);

            assertThat(LOG.requests()).filteredOn(request -> request.method().name().equals("PUT")
                    || request.rawQueryParameters().containsKey("uploads"))
                    .filteredOn(request -> !request.rawQueryParameters().containsKey("partNumber"))
                    .hasSize(2)
                    .allSatisfy(request -> assertThat(request.firstMatchingHeader("x-amz-server-side-encryption"))
                            .contains("AES256"));
            assertThat(put.headers()).containsEntry("X-Amz-Server-Side-Encryption", "AES256");
        }
    }

    @Nested
    @DisplayName("Presigned requests")
    class Presigned {

        @Test
        @DisplayName("a GET with a content disposition has the server send it back")
        void contentDispositionIsServed() {
            String key = prefix + "photo.jpg";
            store.put(key, new ByteArrayInputStream(new byte[] {1}), 1, BlobAttributes.of("image/jpeg"));
            PresignedRequest get = store.presignGet(key, TTL, Optional.of("attachment; filename=\"beach.jpg\""));

            HttpResponse<byte[]> response = S3Connection.send(get, null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Disposition"))
                    .contains("attachment; filename=\"beach.jpg\"");
        }

        @Test
        @DisplayName("expires when its signature does: signed during the call, valid for the time to live")
        void expiryIsTheSignatures() {
            Instant before = Instant.now();
            PresignedRequest get = store.presignGet(prefix + "photo.jpg", TTL, Optional.empty());
            Instant after = Instant.now();

            SignedUrl signature = SignedUrl.of(get.uri());
            assertThat(signature.signedAt()).isBetween(before.truncatedTo(ChronoUnit.SECONDS), after);
            assertThat(signature.validFor()).isEqualTo(TTL);
            assertThat(get.expiresAt().truncatedTo(ChronoUnit.SECONDS)).isEqualTo(signature.expiresAt());
        }

        @Test
        @DisplayName("a PUT signs the content type and length, and the server refuses others")
        void putSignsTypeAndLength() {
            String key = prefix + "direct.jpg";
            PresignedRequest put = store.presignPut(key, "image/jpeg", 4, TTL);
            assertThat(put.headers()).containsEntry("Content-Type", "image/jpeg").containsEntry("Content-Length", "4");

            PresignedRequest otherType = new PresignedRequest("PUT", put.uri(),
                    Map.of("Content-Type", "text/html", "Content-Length", "4"), put.expiresAt());
            assertThat(S3Connection.send(otherType, new byte[4]).statusCode()).isEqualTo(403);
            assertThat(S3Connection.send(put, new byte[5]).statusCode()).isEqualTo(403);
            assertThat(store.head(key)).isEmpty();

            assertThat(S3Connection.send(put, new byte[4]).statusCode()).isEqualTo(200);
            assertThat(store.head(key).map(BlobInfo::size)).contains(4L);
        }

        @Test
        @DisplayName("a time to live over S3's seven days is invalid input")
        void aTtlOverSevenDaysIsRejected() {
            assertThatThrownBy(() -> store.presignGet(prefix + "a", Duration.ofDays(8), Optional.empty()))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("ttl"));
        }
    }

    @Nested
    @DisplayName("Errors")
    class Errors {

        @Test
        @DisplayName("a missing bucket is an S3StorageException naming NoSuchBucket, never an empty result")
        void aMissingBucketIsNotAnAbsentObject() {
            S3BlobStore nowhere = S3BlobStore.builder().client(client).bucket(endpoint.newBucketName("missing")).build();

            assertThatThrownBy(() -> nowhere.get("a/b"))
                    .isInstanceOfSatisfying(S3StorageException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("NoSuchBucket");
                        assertThat(e.getMessage()).contains("NoSuchBucket").contains(nowhere.bucket());
                        assertThat(e.retryable()).isFalse();
                    });
            assertThatThrownBy(() -> nowhere.put("a/b", new ByteArrayInputStream(new byte[1]), 1, binary()))
                    .isInstanceOf(S3StorageException.class);
        }

        @Test
        @DisplayName("a missing bucket fails every operation as a StorageException that is not retryable")
        void aMissingBucketFailsEveryOperation() {
            S3BlobStore nowhere = S3BlobStore.builder().client(client).bucket(endpoint.newBucketName("missing")).build();
            Map<String, ThrowingCallable> calls = Map.of(
                    "head", () -> nowhere.head("a/b"),
                    "get a range", () -> nowhere.get("a/b", 0, 10),
                    "list", () -> nowhere.list("a/", 10, Optional.empty()),
                    "delete", () -> nowhere.delete("a/b"),
                    "deleteAll", () -> nowhere.deleteAll(List.of("a/b", "a/c")));

            for (Map.Entry<String, ThrowingCallable> call : calls.entrySet()) {
                assertThat(catchThrowable(call.getValue())).as(call.getKey()).isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e).isNotInstanceOf(StorageUnavailableException.class);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains(nowhere.bucket());
                });
            }
        }

        @Test
        @DisplayName("a server that refuses connections is a retryable StorageUnavailableException")
        void aRefusedConnectionIsRetryable() throws IOException {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            try (S3BlobStore unreachable = S3BlobStore.builder().bucket("photos")
                    .endpoint(URI.create("http://127.0.0.1:" + closedPort)).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                    .build()) {

                assertThatThrownBy(() -> unreachable.head("a/b"))
                        .isInstanceOfSatisfying(S3UnavailableException.class, e ->
                                assertThat(e.retryable()).isTrue());
                assertThatThrownBy(() -> unreachable.put("a/b", new ByteArrayInputStream(new byte[1]), 1, binary()))
                        .isInstanceOf(StorageUnavailableException.class);
                assertThatThrownBy(() -> unreachable.list("a/", 10, Optional.empty()))
                        .isInstanceOf(StorageUnavailableException.class);
                assertThatThrownBy(() -> unreachable.deleteAll(List.of("a/b")))
                        .isInstanceOf(StorageUnavailableException.class);
            }
        }

        @Test
        @DisplayName("wrong credentials are an S3StorageException with S3's error code")
        void wrongCredentialsAreRefused() {
            org.junit.jupiter.api.Assumptions.assumeTrue(endpoint.local(), "needs the local server's known credentials");
            try (S3BlobStore stranger = S3BlobStore.builder().bucket(store.bucket())
                    .endpoint(endpoint.uri().orElseThrow()).region(Region.of(endpoint.region()))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                            endpoint.credentials().orElseThrow().accessKeyId(), "not-the-secret")))
                    .build()) {

                assertThatThrownBy(() -> stranger.head(prefix + "a"))
                        .isInstanceOfSatisfying(GalleryException.class, e -> assertThat(e.retryable()).isFalse());
                assertThatThrownBy(() -> stranger.list(prefix, 10, Optional.empty()))
                        .isInstanceOfSatisfying(S3StorageException.class, e ->
                                assertThat(e.errorCode()).isEqualTo("SignatureDoesNotMatch"));
            }
        }
    }

    @Nested
    @DisplayName("Building")
    class Building {

        @Test
        @DisplayName("without a bucket, or with sizes out of range, says everything that is wrong")
        void invalidConfigurationIsExplained() {
            assertThatThrownBy(() -> S3BlobStore.builder().client(client).partSize(MIB).multipartThreshold(2048 * MIB)
                    .keyPrefix("/tenant").build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("S3BlobStore needs")
                    .hasMessageContaining("a bucket: call bucket(")
                    .hasMessageContaining("a part size from 5 MiB to 1 GiB (it was 1048576 bytes)")
                    .hasMessageContaining("a multipart threshold from 5 MiB to 1 GiB")
                    .hasMessageContaining("a key prefix");
        }

        @Test
        @DisplayName("with a client and endpoint settings as well is refused")
        void aClientAndEndpointSettingsConflict() {
            assertThatThrownBy(() -> S3BlobStore.builder().client(client).bucket("b")
                    .endpoint(URI.create("http://localhost:9000")).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("either a client or endpoint/region/credentials settings");
        }

        @Test
        @DisplayName("without a client builds its own, path-style for an overridden endpoint, presigner included")
        void withoutAClientBuildsItsOwn() {
            org.junit.jupiter.api.Assumptions.assumeTrue(endpoint.local(), "needs the local server's credentials");
            Credentials credentials = endpoint.credentials().orElseThrow();
            try (S3BlobStore own = S3BlobStore.builder().bucket(endpoint.newBucketName("own"))
                    .endpoint(endpoint.uri().orElseThrow()).region(Region.of(endpoint.region()))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                            credentials.accessKeyId(), credentials.secretAccessKey())))
                    .build()) {
                own.createBucketIfMissing();
                own.createBucketIfMissing();
                own.put("a/b", new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)), 5,
                        BlobAttributes.of("text/plain"));

                PresignedRequest get = own.presignGet("a/b", TTL, Optional.empty());
                assertThat(get.uri().getPath()).startsWith("/" + own.bucket() + "/");
                assertThat(S3Connection.expectSuccess(get, null)).asString(StandardCharsets.UTF_8).isEqualTo("hello");
            }
        }
    }

    @Nested
    @DisplayName("Reading")
    class Reading {

        @Test
        @DisplayName("a range of zero bytes, or any range of an empty object, is an empty stream with the object's info")
        void emptyRanges() {
            store.put(prefix + "empty", new ByteArrayInputStream(new byte[0]), 0, BlobAttributes.of("text/plain"));
            store.put(prefix + "full", new ByteArrayInputStream(new byte[10]), 10, BlobAttributes.of("text/plain"));

            try (Blob empty = store.get(prefix + "empty", 0, 10).orElseThrow();
                    Blob none = store.get(prefix + "full", 3, 0).orElseThrow()) {
                assertThat(empty.readAllBytes()).isEmpty();
                assertThat(empty.info().size()).isZero();
                assertThat(none.readAllBytes()).isEmpty();
                assertThat(none.info().size()).isEqualTo(10);
                assertThat(none.info().contentType()).isEqualTo("text/plain");
            }
        }

        @Test
        @DisplayName("a large object closed after a few bytes leaves the connection pool usable")
        void closingEarlyIsCheap() throws IOException {
            store.put(prefix + "big", GeneratedStreams.bytes(6 * MIB, 7), 6 * MIB, binary());

            try (Blob blob = store.get(prefix + "big").orElseThrow()) {
                assertThat(blob.content().readNBytes(10)).hasSize(10);
            }
            assertThat(store.head(prefix + "big")).isPresent();
        }
    }
}
