package dev.gallerykit.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a album. Time-ordered (UUIDv7) when made by {@link IdGenerator}. */
public record AlbumId(UUID value) implements Comparable<AlbumId> {

    public AlbumId {
        Objects.requireNonNull(value, "album id");
    }

    public static AlbumId of(UUID value) {
        return new AlbumId(value);
    }

    /** Parses the text form; a malformed id is an {@code InvalidInputException} naming {@code albumId}. */
    public static AlbumId parse(String text) {
        return new AlbumId(Ids.parse("albumId", text));
    }

    @Override
    public int compareTo(AlbumId other) {
        return Ids.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
