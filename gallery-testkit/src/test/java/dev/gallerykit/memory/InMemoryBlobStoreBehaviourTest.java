package dev.gallerykit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.error.AuthenticationFailedException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.spi.BlobAttributes;
import dev.gallerykit.spi.BlobInfo;
import dev.gallerykit.spi.PresignedRequest;
import dev.gallerykit.testkit.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the in-memory blob store does beyond the contract: its presigned URLs, clock and order. */
class InMemoryBlobStoreBehaviourTest {

    private static final Instant START = Instant.parse("2024-05-04T10:15:30Z");
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final byte[] BODY = {1, 2, 3, 4, 5};

    private final MutableClock clock = MutableClock.at(START);
    private final InMemoryBlobStore store = new InMemoryBlobStore(clock);

    private void put(String key, byte[] bytes, String type) {
        store.put(key, new ByteArrayInputStream(bytes), bytes.length, BlobAttributes.of(type));
    }

    private static URI replaceParameter(URI uri, String name, String value) {
        return URI.create(uri.toString().replaceAll("([?&]" + name + "=)[^&]*", "$1" + value));
    }

    @Nested
    @DisplayName("A presigned GET")
    class PresignedGet {

        @Test
        @DisplayName("names the key, the expiry and the signature in a memory:// URI")
        void presignedGetIsAMemoryUri() {
            PresignedRequest request = store.presignGet("photos/a b.jpg", TTL, Optional.of("inline"));

            assertThat(request.uri().getScheme()).isEqualTo("memory");
            assertThat(request.uri().getRawPath()).isEqualTo("/photos%2Fa+b.jpg");
            assertThat(request.uri().getRawQuery())
                    .contains("method=GET", "expires=" + START.plus(TTL).getEpochSecond(), "disposition=inline",
                            "signature=");
            assertThat(request.expiresAt()).isEqualTo(START.plus(TTL));
            assertThat(request.headers()).isEmpty();
        }

        @Test
        @DisplayName("works until its expiry and is refused from then on")
        void presignedGetExpires() {
            put("a.jpg", BODY, "image/jpeg");
            PresignedRequest request = store.presignGet("a.jpg", TTL, Optional.empty());

            clock.advance(TTL.minusSeconds(1));
            assertThat(store.openPresigned(request.uri()).readAllBytes()).isEqualTo(BODY);

            clock.advance(Duration.ofSeconds(1));
            assertThatThrownBy(() -> store.openPresigned(request.uri()))
                    .isInstanceOf(AuthenticationFailedException.class)
                    .hasMessageContaining("expired");
        }

        @Test
        @DisplayName("with an altered signature, expiry or disposition is refused")
        void alteredPresignedGetsAreRefused() {
            put("a.jpg", BODY, "image/jpeg");
            URI uri = store.presignGet("a.jpg", TTL, Optional.of("inline")).uri();
            String signature = uri.getRawQuery().replaceAll(".*signature=", "");
            String otherSignature = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);

            for (URI altered : new URI[] {
                    replaceParameter(uri, "signature", otherSignature),
                    replaceParameter(uri, "expires", Long.toString(START.plus(Duration.ofDays(1)).getEpochSecond())),
                    replaceParameter(uri, "disposition", "attachment"),
                    URI.create(uri.toString().replace("&signature=", "&extra=1&signature="))}) {
                assertThatThrownBy(() -> store.openPresigned(altered))
                        .as("%s", altered)
                        .isInstanceOf(AuthenticationFailedException.class)
                        .hasMessageContaining("signature");
            }
        }

        @Test
        @DisplayName("from another store is refused: each store signs with its own key")
        void presignedGetOfAnotherStoreIsRefused() {
            InMemoryBlobStore other = new InMemoryBlobStore(clock);
            put("a.jpg", BODY, "image/jpeg");
            other.put("a.jpg", new ByteArrayInputStream(BODY), BODY.length, BlobAttributes.of("image/jpeg"));

            URI uri = other.presignGet("a.jpg", TTL, Optional.empty()).uri();

            assertThatThrownBy(() -> store.openPresigned(uri)).isInstanceOf(AuthenticationFailedException.class);
        }

        @Test
        @DisplayName("of an object deleted since is not found")
        void presignedGetOfADeletedObjectIsNotFound() {
            put("a.jpg", BODY, "image/jpeg");
            URI uri = store.presignGet("a.jpg", TTL, Optional.empty()).uri();
            store.delete("a.jpg");

            assertThatThrownBy(() -> store.openPresigned(uri)).isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName("cannot be used as a PUT")
        void presignedGetCannotBeUsedToPut() {
            URI uri = store.presignGet("a.jpg", TTL, Optional.empty()).uri();

            assertThatThrownBy(() -> store.putPresigned(uri, "image/jpeg", BODY))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThat(store.size()).isZero();
        }

        @Test
        @DisplayName("needs a positive time to live")
        void presignNeedsAPositiveTtl() {
            assertThatThrownBy(() -> store.presignGet("a.jpg", Duration.ZERO, Optional.empty()))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("ttl"));
            assertThatThrownBy(() -> store.presignPut("a.jpg", "image/jpeg", 1, Duration.ofSeconds(-1)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("ttl"));
        }
    }

    @Nested
    @DisplayName("A presigned PUT")
    class PresignedPut {

        @Test
        @DisplayName("carries the content type and length a client must send")
        void presignedPutCarriesItsHeaders() {
            PresignedRequest request = store.presignPut("up.jpg", "image/jpeg", 5, TTL);

            assertThat(request.method()).isEqualTo("PUT");
            assertThat(request.headers()).containsEntry("Content-Type", "image/jpeg").containsEntry("Content-Length", "5");
            assertThat(request.expiresAt()).isEqualTo(START.plus(TTL));
        }

        @Test
        @DisplayName("with another content type or length is refused and stores nothing")
        void presignedPutWithOtherTypeOrLengthIsRefused() {
            URI uri = store.presignPut("up.jpg", "image/jpeg", BODY.length, TTL).uri();

            assertThatThrownBy(() -> store.putPresigned(uri, "image/png", BODY))
                    .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("content type");
            assertThatThrownBy(() -> store.putPresigned(uri, "image/jpeg", new byte[BODY.length + 1]))
                    .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("length");
            assertThat(store.keys()).isEmpty();
        }

        @Test
        @DisplayName("with a signed type altered in the URI is refused")
        void presignedPutWithAlteredTypeIsRefused() {
            URI uri = replaceParameter(store.presignPut("up.jpg", "image/jpeg", BODY.length, TTL).uri(),
                    "type", "text%2Fhtml");

            assertThatThrownBy(() -> store.putPresigned(uri, "text/html", BODY))
                    .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("signature");
            assertThat(store.keys()).isEmpty();
        }

        @Test
        @DisplayName("after its expiry is refused and stores nothing")
        void presignedPutExpires() {
            URI uri = store.presignPut("up.jpg", "image/jpeg", BODY.length, TTL).uri();
            clock.advance(TTL);

            assertThatThrownBy(() -> store.putPresigned(uri, "image/jpeg", BODY))
                    .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("expired");
            assertThat(store.keys()).isEmpty();
        }

        @Test
        @DisplayName("before its expiry stores the body, dated by the clock")
        void presignedPutStoresTheBody() {
            URI uri = store.presignPut("up.jpg", "image/jpeg", BODY.length, TTL).uri();
            clock.advance(Duration.ofMinutes(1));

            store.putPresigned(uri, "image/jpeg", BODY);

            assertThat(store.head("up.jpg")).contains(new BlobInfo("up.jpg", 5, "image/jpeg",
                    START.plus(Duration.ofMinutes(1))));
        }
    }

    @Nested
    @DisplayName("Storing")
    class Storing {

        @Test
        @DisplayName("dates each object by the clock at the time of the put")
        void lastModifiedComesFromTheClock() {
            put("a", BODY, "image/jpeg");
            clock.advance(Duration.ofHours(1));
            put("b", BODY, "image/jpeg");

            assertThat(store.head("a").map(BlobInfo::lastModified)).contains(START);
            assertThat(store.head("b").map(BlobInfo::lastModified)).contains(START.plus(Duration.ofHours(1)));
        }

        @Test
        @DisplayName("reports a failing upload stream as storage unavailable and keeps nothing")
        void aFailingStreamIsStorageUnavailable() {
            InputStream failing = new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("client went away");
                }
            };

            assertThatThrownBy(() -> store.put("a", failing, 10, BlobAttributes.of("image/jpeg")))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessage("reading the upload failed")
                    .hasCauseInstanceOf(IOException.class);
            assertThat(store.size()).isZero();
        }

        @Test
        @DisplayName("lists keys in UTF-8 byte order, as S3 does, not in Java's UTF-16 order")
        void keysAreInUtf8ByteOrder() {
            String fullwidthTilde = "k/\uFF5E";
            String emoji = "k/\uD83D\uDE00";
            put(emoji, BODY, "image/jpeg");
            put(fullwidthTilde, BODY, "image/jpeg");
            put("k/a", BODY, "image/jpeg");

            assertThat(store.keys()).containsExactly("k/a", fullwidthTilde, emoji);
            assertThat(store.list("k/", 10, Optional.empty()).items()).extracting(BlobInfo::key)
                    .containsExactly("k/a", fullwidthTilde, emoji);
        }

        @Test
        @DisplayName("pages a listing with the last key as position, with no position after a short page")
        void listPositionIsTheLastKey() {
            for (String key : new String[] {"p/1", "p/2", "p/3"}) {
                put(key, BODY, "image/jpeg");
            }

            var first = store.list("p/", 2, Optional.empty());
            var second = store.list("p/", 2, first.next());

            assertThat(first.next()).contains("p/2");
            assertThat(second.items()).extracting(BlobInfo::key).containsExactly("p/3");
            assertThat(second.next()).isEmpty();
        }
    }
}
