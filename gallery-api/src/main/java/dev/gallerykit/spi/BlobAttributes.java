package dev.gallerykit.spi;

import java.util.Objects;
import java.util.Optional;

/** Headers stored with an object and served back with it. */
public record BlobAttributes(String contentType, Optional<String> cacheControl) {

    public BlobAttributes {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(cacheControl, "cacheControl");
    }

    public static BlobAttributes of(String contentType) {
        return new BlobAttributes(contentType, Optional.empty());
    }
}
