package dev.gallerykit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CursorCodecTest {

    private final CursorCodec codec = new CursorCodec("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Test
    @DisplayName("a sealed position opens again in the same scope, and the last page has no cursor")
    void roundTrip() {
        Optional<String> cursor = codec.seal("albums|ann", Optional.of("0190-last-id"));

        assertThat(cursor).isPresent();
        assertThat(cursor.get()).doesNotContain("0190-last-id");
        assertThat(codec.open("albums|ann", cursor)).contains("0190-last-id");
        assertThat(codec.seal("albums|ann", Optional.empty())).isEmpty();
        assertThat(codec.open("albums|ann", Optional.empty())).isEmpty();
    }

    @Test
    @DisplayName("a cursor from another scope, an altered one, or garbage is refused naming the cursor")
    void refusals() {
        String cursor = codec.seal("albums|ann", Optional.of("position")).orElseThrow();
        String forged = codec.seal("albums|ann", Optional.of("other")).orElseThrow().split("\\.")[0] + "." + cursor.split("\\.")[1];

        for (String bad : new String[] {forged, "garbage", ".", "a.b.c", cursor + "x", "%%%.%%%"}) {
            assertThatThrownBy(() -> codec.open("albums|ann", Optional.of(bad)))
                    .as(bad).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("cursor ");
        }
        assertThatThrownBy(() -> codec.open("albums|bob", Optional.of(cursor))).isInstanceOf(InvalidInputException.class);
        CursorCodec otherSecret = new CursorCodec("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> otherSecret.open("albums|ann", Optional.of(cursor))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("a short secret is refused")
    void shortSecret() {
        assertThatThrownBy(() -> new CursorCodec(new byte[16])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }
}
