package dev.gallerykit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.error.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    @DisplayName("ids are UUIDv7 carrying the clock's time, and increase even when the clock stands still")
    void timeOrdered() {
        Instant now = Instant.parse("2026-11-21T10:15:30.123Z");
        IdGenerator ids = IdGenerator.timeOrdered(Clock.fixed(now, ZoneOffset.UTC));

        List<PhotoId> made = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            made.add(ids.nextPhotoId());
        }

        assertThat(made.get(0).value().version()).isEqualTo(7);
        assertThat(made.get(0).value().getMostSignificantBits() >>> 16).isEqualTo(now.toEpochMilli());
        assertThat(made).isSorted().doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("ids compare as unsigned numbers, so time order holds past the sign bit")
    void unsignedOrder() {
        PhotoId low = new PhotoId(new UUID(0x7fffffffffffffffL, 0));
        PhotoId high = new PhotoId(new UUID(0x8000000000000000L, 0));

        assertThat(low.compareTo(high)).isNegative();
        assertThat(low.value().compareTo(high.value())).as("what UUID itself would say").isPositive();
    }

    @Test
    @DisplayName("parsing names the id that was malformed")
    void parse() {
        UUID uuid = UUID.randomUUID();
        assertThat(AlbumId.parse(" " + uuid + " ")).isEqualTo(new AlbumId(uuid));
        assertThatThrownBy(() -> AlbumId.parse("nope")).isInstanceOf(InvalidInputException.class)
                .hasMessage("albumId is not a UUID: 'nope'");
        assertThatThrownBy(() -> PhotoId.parse(null)).hasMessage("photoId is missing");
    }
}
