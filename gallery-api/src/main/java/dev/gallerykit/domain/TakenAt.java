package dev.gallerykit.domain;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.time.ZoneOffset;

/**
 * When a photo was taken, as the camera recorded it: the wall-clock time and, when the camera wrote
 * one (EXIF {@code OffsetTimeOriginal}), its offset from UTC. Many cameras write no offset, so
 * range searches compare the local wall-clock time.
 */
public record TakenAt(LocalDateTime local, Optional<ZoneOffset> offset) {

    public TakenAt {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(offset, "offset");
    }

    public static TakenAt of(OffsetDateTime time) {
        return new TakenAt(time.toLocalDateTime(), Optional.of(time.getOffset()));
    }

    public static TakenAt local(LocalDateTime time) {
        return new TakenAt(time, Optional.empty());
    }

    /** The instant, when the offset is known. */
    public Optional<OffsetDateTime> withOffset() {
        return offset.map(local::atOffset);
    }
}
