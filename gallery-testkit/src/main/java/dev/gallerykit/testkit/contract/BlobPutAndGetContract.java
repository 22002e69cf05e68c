package dev.gallerykit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.spi.Blob;
import dev.gallerykit.spi.BlobAttributes;
import dev.gallerykit.spi.BlobInfo;
import dev.gallerykit.spi.BlobStore;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Putting an object and reading it back whole: bytes, type, size, empty objects, odd keys, and the
 * stream left open for its owner.
 */
abstract class BlobPutAndGetContract extends BlobStoreCase {

    @Test
    @DisplayName("of known length gives back the same bytes and type")
    void putThenGetWithKnownLength() {
        byte[] content = bytes(10_000, 1);

        put(key("photo.jpg"), content, "image/jpeg");

        try (Blob blob = store.get(key("photo.jpg")).orElseThrow()) {
            assertThat(blob.info().key()).isEqualTo(key("photo.jpg"));
            assertThat(blob.info().size()).isEqualTo(10_000);
            assertThat(blob.info().contentType()).isEqualTo("image/jpeg");
            assertThat(blob.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    @DisplayName("of unknown length gives back the same bytes and type")
    void putThenGetWithUnknownLength() {
        byte[] content = bytes(10_000, 2);

        store.put(key("photo.webp"), new ByteArrayInputStream(content), BlobStore.UNKNOWN_LENGTH,
                BlobAttributes.of("image/webp"));

        assertThat(read(key("photo.webp"))).isEqualTo(content);
        assertThat(store.head(key("photo.webp")).map(BlobInfo::size)).contains(10_000L);
        assertThat(store.head(key("photo.webp")).map(BlobInfo::contentType)).contains("image/webp");
    }

    @Test
    @DisplayName("head describes the object, dated by the time of the put")
    void headDescribesTheObject() {
        Instant before = clock().instant();
        put(key("a.png"), bytes(1234, 3), "image/png");
        Instant after = clock().instant();

        BlobInfo info = store.head(key("a.png")).orElseThrow();

        assertThat(info.key()).isEqualTo(key("a.png"));
        assertThat(info.size()).isEqualTo(1234);
        assertThat(info.contentType()).isEqualTo("image/png");
        assertDatedBetween(info, before, after);
    }

    @Test
    @DisplayName("of a key nobody wrote, get and head give empty")
    void getAndHeadOfAnAbsentKeyAreEmpty() {
        assertThat(store.get(key("missing"))).isEmpty();
        assertThat(store.get(key("missing"), 0, 10)).isEmpty();
        assertThat(store.head(key("missing"))).isEmpty();
    }

    @Test
    @DisplayName("a second put replaces the bytes and the type")
    void putReplacesTheObject() {
        put(key("cover"), bytes(500, 4), "image/png");
        byte[] replacement = bytes(300, 5);

        put(key("cover"), replacement, "image/jpeg");

        assertThat(read(key("cover"))).isEqualTo(replacement);
        assertThat(store.head(key("cover")).map(BlobInfo::contentType)).contains("image/jpeg");
        assertThat(store.head(key("cover")).map(BlobInfo::size)).contains(300L);
    }

    @Test
    @DisplayName("an empty object round-trips, of known or unknown length")
    void anEmptyObjectRoundTrips() {
        put(key("empty-known"), new byte[0], "application/octet-stream");
        store.put(key("empty-unknown"), new ByteArrayInputStream(new byte[0]), BlobStore.UNKNOWN_LENGTH,
                BlobAttributes.of("application/octet-stream"));

        assertThat(read(key("empty-known"))).isEmpty();
        assertThat(read(key("empty-unknown"))).isEmpty();
        assertThat(store.head(key("empty-known")).map(BlobInfo::size)).contains(0L);
    }

    @Test
    @DisplayName("reads the stream to its end and leaves closing it to the caller")
    void putReadsTheStreamToItsEndWithoutClosingIt() {
        TrackedStream in = new TrackedStream(bytes(4096, 6));

        store.put(key("tracked"), in, 4096, BlobAttributes.of("application/octet-stream"));

        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.closed()).isFalse();
    }

    @Test
    @DisplayName("keys with spaces, accents and other scripts round-trip")
    void keysWithSpacesAndNonAsciiCharactersRoundTrip() {
        String key = key("été à Zürich/東京 tower (1)+%20&x=y.jpg");
        byte[] content = bytes(100, 7);

        put(key, content, "image/jpeg");

        assertThat(read(key)).isEqualTo(content);
        assertThat(listAll(prefix, 10)).containsExactly(key);
    }
}
