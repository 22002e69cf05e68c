package dev.gallerykit.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a photo. Time-ordered (UUIDv7) when made by {@link IdGenerator}. */
public record PhotoId(UUID value) implements Comparable<PhotoId> {

    public PhotoId {
        Objects.requireNonNull(value, "photo id");
    }

    public static PhotoId of(UUID value) {
        return new PhotoId(value);
    }

    /** Parses the text form; a malformed id is an {@code InvalidInputException} naming {@code photoId}. */
    public static PhotoId parse(String text) {
        return new PhotoId(Ids.parse("photoId", text));
    }

    @Override
    public int compareTo(PhotoId other) {
        return Ids.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
