package dev.gallerykit.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a user. Time-ordered (UUIDv7) when made by {@link IdGenerator}. */
public record UserId(UUID value) implements Comparable<UserId> {

    public UserId {
        Objects.requireNonNull(value, "user id");
    }

    public static UserId of(UUID value) {
        return new UserId(value);
    }

    /** Parses the text form; a malformed id is an {@code InvalidInputException} naming {@code userId}. */
    public static UserId parse(String text) {
        return new UserId(Ids.parse("userId", text));
    }

    @Override
    public int compareTo(UserId other) {
        return Ids.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
