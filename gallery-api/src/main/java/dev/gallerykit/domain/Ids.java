package dev.gallerykit.domain;

import dev.gallerykit.error.InvalidInputException;
import java.util.UUID;

final class Ids {

    private Ids() {
    }

    static UUID parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "is missing");
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "is not a UUID: '" + abbreviate(text) + "'");
        }
    }

    /**
     * Unsigned comparison, so that UUIDv7 ids sort by their creation time. {@link UUID#compareTo}
     * compares signed longs and would put ids made after 2039-ish before older ones.
     */
    static int compare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
