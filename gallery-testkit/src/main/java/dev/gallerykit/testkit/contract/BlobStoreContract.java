package dev.gallerykit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.gallerykit.error.GalleryException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.spi.Blob;
import dev.gallerykit.spi.BlobAttributes;
import dev.gallerykit.spi.BlobInfo;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PresignedRequest;
import dev.gallerykit.spi.Slice;
import dev.gallerykit.testkit.fixtures.GeneratedStreams;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link BlobStore} must do. An adapter's test extends this class, says how to build the
 * store, and how a client without credentials makes a presigned request. Each test writes under a
 * key prefix of its own, so the store (bucket) need not be empty.
 *
 * <pre>{@code
 * class S3BlobStoreTest extends BlobStoreContract {
 *     protected BlobStore blobs() { return store; }
 *     protected byte[] fetch(PresignedRequest request) { ... send it with java.net.http, throw unless 200 ... }
 *     protected void upload(PresignedRequest request, byte[] body) { ... }
 * }
 * }</pre>
 */
public abstract class BlobStoreContract {

    /** Called before each test: a fresh store, or one shared by all tests. */
    protected abstract BlobStore blobs();

    /**
     * Makes the presigned GET as a client without credentials would.
     *
     * @return the body of the response
     * @throws RuntimeException (any) when the request is refused
     */
    protected abstract byte[] fetch(PresignedRequest request);

    /**
     * Makes the presigned PUT as a client without credentials would, with the request's headers.
     *
     * @throws RuntimeException (any) when the request is refused
     */
    protected abstract void upload(PresignedRequest request, byte[] body);

    /**
     * The clock the store dates objects by, read just before and just after a put to bound its
     * {@link BlobInfo#lastModified()}. The system clock unless the store was built on another; a
     * remote store's own clock counts as this one within {@link #clockSkew()}.
     */
    protected Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * How far the store's dates may stray from {@link #clock()}: a server keeps its own time. Zero
     * for a store that reads {@link #clock()} itself.
     */
    protected Duration clockSkew() {
        return Duration.ofMinutes(5);
    }

    private BlobStore store;
    private String prefix;

    @BeforeEach
    void buildStore() {
        store = blobs();
        prefix = "contract/" + UUID.randomUUID() + "/";
    }

    /** The store of the running test, for the groups nested here. */
    BlobStore store() {
        return store;
    }

    /** The key prefix of the running test: every key it writes starts with it. */
    String prefix() {
        return prefix;
    }

    @Nested
    @DisplayName("Putting and getting an object")
    class PuttingAndGetting extends BlobPutAndGetContract {
        @Override
        BlobStoreContract contract() {
            return BlobStoreContract.this;
        }
    }

    @Nested
    @DisplayName("Reading a range")
    class ReadingARange extends BlobStoreCase {
        private final byte[] content = bytes(100, 8);

        @Override
        BlobStoreContract contract() {
            return BlobStoreContract.this;
        }

        @BeforeEach
        void putTheObject() {
            put(key("range"), content, "image/jpeg");
        }

        @Test
        @DisplayName("gives those bytes, described by the whole object's info")
        void rangeGivesThoseBytes() {
            try (Blob blob = store.get(key("range"), 10, 20).orElseThrow()) {
                assertThat(blob.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, 10, 30));
                assertThat(blob.info().key()).isEqualTo(key("range"));
                assertThat(blob.info().size()).isEqualTo(100);
                assertThat(blob.info().contentType()).isEqualTo("image/jpeg");
            }
        }

        @Test
        @DisplayName("running past the end gives the bytes up to the end")
        void rangeRunningPastTheEndIsShortened() {
            try (Blob blob = store.get(key("range"), 90, 50).orElseThrow()) {
                assertThat(blob.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, 90, 100));
            }
        }

        @Test
        @DisplayName("starting at or past the end gives no bytes, not an error")
        void rangeStartingAtOrPastTheEndIsEmpty() {
            try (Blob atEnd = store.get(key("range"), 100, 10).orElseThrow();
                    Blob pastEnd = store.get(key("range"), 1_000, 10).orElseThrow()) {
                assertThat(atEnd.readAllBytes()).isEmpty();
                assertThat(pastEnd.readAllBytes()).isEmpty();
            }
        }

        @Test
        @DisplayName("from the start gives the first bytes")
        void rangeFromTheStart() {
            try (Blob blob = store.get(key("range"), 0, 1).orElseThrow()) {
                assertThat(blob.readAllBytes()).containsExactly(content[0]);
            }
        }
    }

    @Nested
    @DisplayName("A put is all or nothing")
    class AllOrNothing extends BlobStoreCase {
        @Override
        BlobStoreContract contract() {
            return BlobStoreContract.this;
        }

        @ParameterizedTest(name = "length declared: {0}")
        @ValueSource(booleans = {true, false})
        @DisplayName("a stream that fails halfway leaves no object")
        void aStreamThatFailsHalfwayLeavesNothing(boolean declared) {
            int sent = 256 * 1024;
            long length = declared ? 2L * sent : BlobStore.UNKNOWN_LENGTH;

            assertThatThrownBy(() -> store.put(key("broken"), GeneratedStreams.failingAfter(sent, 7), length,
                    BlobAttributes.of("image/jpeg")))
                    .isInstanceOf(GalleryException.class);
            assertThat(store.head(key("broken"))).isEmpty();
            assertThat(listAll(prefix, 10)).isEmpty();
        }

        @Test
        @DisplayName("a stream that fails halfway keeps the object it was to replace")
        void aStreamThatFailsHalfwayKeepsThePreviousObject() {
            byte[] previous = bytes(1000, 9);
            put(key("kept"), previous, "image/png");

            assertThatThrownBy(() -> store.put(key("kept"), GeneratedStreams.failingAfter(100_000, 7),
                    BlobStore.UNKNOWN_LENGTH, BlobAttributes.of("image/jpeg")))
                    .isInstanceOf(GalleryException.class);
            assertThat(read(key("kept"))).isEqualTo(previous);
            assertThat(store.head(key("kept")).map(BlobInfo::contentType)).contains("image/png");
        }

        @Test
        @DisplayName("a stream shorter than declared is invalid input and leaves no object")
        void aShorterStreamThanDeclaredLeavesNothing() {
            assertThatThrownBy(() -> store.put(key("short"), new ByteArrayInputStream(bytes(99, 10)), 100,
                    BlobAttributes.of("image/jpeg")))
                    .isInstanceOfSatisfying(InvalidInputException.class, e ->
                            assertThat(e.field()).isEqualTo("length"));
            assertThat(store.head(key("short"))).isEmpty();
        }

        @Test
        @DisplayName("a stream longer than declared is invalid input and leaves no object")
        void aLongerStreamThanDeclaredLeavesNothing() {
            assertThatThrownBy(() -> store.put(key("long"), new ByteArrayInputStream(bytes(101, 11)), 100,
                    BlobAttributes.of("image/jpeg")))
                    .isInstanceOfSatisfying(InvalidInputException.class, e ->
                            assertThat(e.field()).isEqualTo("length"));
            assertThat(store.head(key("long"))).isEmpty();
        }

        @Test
        @DisplayName("a length mismatch keeps the object it was to replace")
        void aLengthMismatchKeepsThePreviousObject() {
            byte[] previous = bytes(50, 12);
            put(key("kept"), previous, "image/png");

            assertThatThrownBy(() -> store.put(key("kept"), new ByteArrayInputStream(bytes(10, 13)), 11,
                    BlobAttributes.of("image/png")))
                    .isInstanceOf(InvalidInputException.class);
            assertThat(read(key("kept"))).isEqualTo(previous);
        }
    }

    @Nested
    @DisplayName("Keys")
    class Keys extends BlobStoreCase {
        @Override
        BlobStoreContract contract() {
            return BlobStoreContract.this;
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", " ", "/photos/a.jpg", "photos//a.jpg", "photos/./a.jpg", "photos/../a.jpg",
                ".", "..", "../a.jpg", "photos/", "photos/a.jpg/.."})
        @DisplayName("that break the rules are invalid input naming the key, for every operation")
        void anInvalidKeyIsRejectedNamingKey(String key) {
            assertRejected(() -> put(key, new byte[1], "image/jpeg"));
            assertRejected(() -> store.get(key));
            assertRejected(() -> store.get(key, 0, 1));
            assertRejected(() -> store.head(key));
            assertRejected(() -> store.delete(key));
            assertRejected(() -> store.presignGet(key, TTL, Optional.empty()));
            assertRejected(() -> store.presignPut(key, "image/jpeg", 1, TTL));
        }

        @Test
        @DisplayName("longer than 1024 UTF-8 bytes are invalid input, counting bytes, not characters")
        void aKeyLongerThan1024BytesIsRejected() {
            String asciiKey = key("x".repeat(1025 - prefix.length()));
            String accentedKey = key("é".repeat(513));

            assertRejected(() -> put(asciiKey, new byte[1], "image/jpeg"));
            assertRejected(() -> put(accentedKey, new byte[1], "image/jpeg"));
            assertThat(listAll(prefix, 10)).isEmpty();
        }

        @Test
        @DisplayName("of exactly 1024 UTF-8 bytes are fine")
        void aKeyOf1024BytesIsAccepted() {
            String key = key("x".repeat(1024 - prefix.length()));
            assertThat(key.getBytes(StandardCharsets.UTF_8)).hasSize(1024);

            put(key, new byte[] {42}, "application/octet-stream");

            assertThat(read(key)).containsExactly(42);
        }

        private void assertRejected(ThrowingCallable call) {
            assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e ->
                    assertThat(e.field()).isEqualTo("key"));
        }
    }

    @Nested
    @DisplayName("Listing by prefix")
    class Listing extends BlobListingContract {
        @Override
        BlobStoreContract contract() {
            return BlobStoreContract.this;
        }
    }

    @Nested
    @DisplayName("Deleting")
    class Deleting extends BlobStoreCase {
        @Override
        BlobStoreContract contract() {
            return BlobStoreContract.this;
        }

        @Test
        @DisplayName("one object removes it and nothing else")
        void deleteRemovesTheObject() {
            put(key("doomed"), new byte[] {1}, "image/jpeg");
            put(key("kept"), new byte[] {2}, "image/jpeg");

            store.delete(key("doomed"));

            assertThat(store.head(key("doomed"))).isEmpty();
            assertThat(listAll(prefix, 10)).containsExactly(key("kept"));
        }

        @Test
        @DisplayName("one object twice, or one that never existed, does nothing")
        void deleteIsIdempotent() {
            put(key("doomed"), new byte[] {1}, "image/jpeg");

            store.delete(key("doomed"));
            store.delete(key("doomed"));
            store.delete(key("never-there"));

            assertThat(store.head(key("doomed"))).isEmpty();
        }

        @Test
        @DisplayName("2,500 objects at once removes them all and reports no failure")
        void deleteAllOfManyKeysRemovesThemAll() {
            List<String> keys = IntStream.range(0, 2_500).mapToObj(i -> key("many/" + i)).toList();
            keys.forEach(key -> put(key, new byte[] {(byte) key.length()}, "application/octet-stream"));
            put(key("kept"), new byte[] {3}, "image/jpeg");

            Map<String, String> failures = store.deleteAll(keys);

            assertThat(failures).isEmpty();
            assertThat(listAll(key("many/"), 1000)).isEmpty();
            assertThat(listAll(prefix, 10)).containsExactly(key("kept"));
        }

        @Test
        @DisplayName("many at once skips keys that are not there")
        void deleteAllSkipsAbsentKeys() {
            put(key("present"), new byte[] {1}, "image/jpeg");

            Map<String, String> failures = store.deleteAll(List.of(key("present"), key("absent"), key("present")));

            assertThat(failures).isEmpty();
            assertThat(listAll(prefix, 10)).isEmpty();
        }

        @Test
        @DisplayName("no keys at all does nothing")
        void deleteAllOfNoKeysDoesNothing() {
            put(key("kept"), new byte[] {1}, "image/jpeg");

            assertThat(store.deleteAll(List.of())).isEmpty();
            assertThat(listAll(prefix, 10)).containsExactly(key("kept"));
        }
    }

    @Nested
    @DisplayName("Large objects")
    class LargeObjects extends BlobStoreCase {
        @Override
        BlobStoreContract contract() {
            return BlobStoreContract.this;
        }

        @ParameterizedTest(name = "length declared: {0}")
        @ValueSource(booleans = {true, false})
        @DisplayName("a 20 MiB stream round-trips byte for byte")
        void aTwentyMebibyteStreamRoundTripsByteForByte(boolean declared) {
            long size = 20L * MIB;
            String expected = GeneratedStreams.sha256(GeneratedStreams.bytes(size, 17));

            store.put(key("large.bin"), GeneratedStreams.bytes(size, 17), declared ? size : BlobStore.UNKNOWN_LENGTH,
                    BlobAttributes.of("application/octet-stream"));

            assertThat(store.head(key("large.bin")).map(BlobInfo::size)).contains(size);
            try (Blob blob = store.get(key("large.bin")).orElseThrow()) {
                assertThat(GeneratedStreams.sha256(blob.content())).isEqualTo(expected);
            }
        }
    }

    @Nested
    @DisplayName("Presigned requests")
    class Presigned extends BlobPresignContract {
        @Override
        BlobStoreContract contract() {
            return BlobStoreContract.this;
        }
    }
}
