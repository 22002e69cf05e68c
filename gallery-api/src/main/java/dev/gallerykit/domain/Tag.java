package dev.gallerykit.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A tag on a photo. Values are normalised when made (trimmed, inner white space collapsed to one
 * space, lower case), so {@code "Beach"} and {@code " beach "} are the same tag everywhere,
 * search included.
 *
 * @param confidence for machine tags, between 0 and 1; empty for user tags
 */
public record Tag(String value, TagSource source, Optional<Double> confidence) {

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
        return value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
