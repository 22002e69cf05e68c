package dev.gallerykit.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a share link (not its token: the id is shown to the owner, the token only once to whoever gets the link). */
public record ShareLinkId(UUID value) implements Comparable<ShareLinkId> {

    public ShareLinkId {
        Objects.requireNonNull(value, "share link id");
    }

    public static ShareLinkId of(UUID value) {
        return new ShareLinkId(value);
    }

    /** Parses the text form; a malformed id is an {@code InvalidInputException} naming {@code linkId}. */
    public static ShareLinkId parse(String text) {
        return new ShareLinkId(Ids.parse("linkId", text));
    }

    @Override
    public int compareTo(ShareLinkId other) {
        return Ids.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
