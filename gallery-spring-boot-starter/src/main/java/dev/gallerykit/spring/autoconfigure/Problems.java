package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.spring.GalleryKitConfigurationException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/** Collects what is wrong with the properties, so that one start-up failure names every problem. */
final class Problems {

    private final List<GalleryKitConfigurationException.Problem> found = new ArrayList<>();

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    void add(String property, String reason) {
        found.add(new GalleryKitConfigurationException.Problem(property, reason));
    }

    void required(String property, String value, String when) {
        if (blank(value)) {
            add(property, "is required " + when);
        }
    }

    /** The decoded value, or null after noting a problem (or for an absent value). */
    byte[] base64(String property, String value, int minBytes) {
        if (blank(value)) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            add(property, "must be base64 (" + e.getMessage() + ")");
            return null;
        }
        if (bytes.length < minBytes) {
            add(property, "must decode to at least " + minBytes + " bytes (it has " + bytes.length + ")");
            return null;
        }
        return bytes;
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new GalleryKitConfigurationException(found);
        }
    }

    /**
     * Builds with a library builder, whose IllegalStateException lists what it misses: reported
     * against the property group the builder was fed from.
     */
    static <T> T build(String propertyGroup, Supplier<T> builder) {
        try {
            return builder.get();
        } catch (IllegalStateException | IllegalArgumentException e) {
            if (e instanceof GalleryKitConfigurationException own) {
                throw own;
            }
            throw new GalleryKitConfigurationException(propertyGroup, "do not make a valid configuration: "
                    + e.getMessage(), e);
        }
    }
}
