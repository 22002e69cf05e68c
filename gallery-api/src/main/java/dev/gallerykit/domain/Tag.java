package dev.gallerykit.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A tag on a photo. Values are normalised when made (trimmed, inner white space collapsed to one
 * space, lower case), so {@code "Beach"} and {@code " beach "} are the same tag everywhere,
 * search included.
 *
 * @param confidence for machine tags, between 0 and 1; empty for user tags
 */
public record Tag(String value, TagSource source, Optional<Double> confidence) {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    public Tag {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(confidence, "confidence");
        value = normalize(value);
        confidence.ifPresent(c -> {
            if (!(c >= 0.0 && c <= 1.0)) {
                throw new IllegalArgumentException("confidence must be between 0 and 1, was " + c);
            }
        });
    }

    public static Tag user(String value) {
        return new Tag(value, TagSource.USER, Optional.empty());
    }

    public static Tag machine(String value, double confidence) {
        return new Tag(value, TagSource.MACHINE, Optional.of(confidence));
    }

    /** The form every tag is stored and compared in. */
    public static String normalize(String value) {
        if (isNormal(value)) {
            // Every tag read back from a store is in this form already: no copy, no matcher.
            return value;
        }
        return WHITE_SPACE.matcher(value.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /**
     * Whether {@code value} is printable ASCII without capitals, with single spaces between words and none
     * at either end: the strings that normalising leaves as they are, told apart without allocating.
     */
    private static boolean isNormal(String value) {
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == ' ') {
                if (i == 0 || i == length - 1 || value.charAt(i - 1) == ' ') {
                    return false;
                }
            } else if (c < '!' || c > '~' || (c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }
}
