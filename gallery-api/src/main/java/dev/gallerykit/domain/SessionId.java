package dev.gallerykit.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a session. Time-ordered (UUIDv7) when made by {@link IdGenerator}. */
public record SessionId(UUID value) implements Comparable<SessionId> {

    public SessionId {
        Objects.requireNonNull(value, "session id");
    }

    public static SessionId of(UUID value) {
        return new SessionId(value);
    }

    /** Parses the text form; a malformed id is an {@code InvalidInputException} naming {@code sessionId}. */
    public static SessionId parse(String text) {
        return new SessionId(Ids.parse("sessionId", text));
    }

    @Override
    public int compareTo(SessionId other) {
        return Ids.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
