package dev.gallerykit.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * One stored file of a photo: the original as uploaded, or a rendition made from it.
 *
 * @param name       {@link #ORIGINAL} or {@code "thumb-<long edge>"}, e.g. {@code "thumb-256"}
 * @param blobKey    where the bytes are in the {@code BlobStore}
 * @param dimensions empty for an original whose size could not be read
 */
public record Derivative(String name, String blobKey, String contentType, long size, Optional<Dimensions> dimensions) {

    public static final String ORIGINAL = "original";

    public Derivative {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(blobKey, "blobKey");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(dimensions, "dimensions");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }

    public static String thumbnailName(int longEdge) {
        return "thumb-" + longEdge;
    }

    public boolean isOriginal() {
        return ORIGINAL.equals(name);
    }
}
