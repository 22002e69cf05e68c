package dev.gallerykit.spi;

import java.time.Instant;
import java.util.Objects;

/** What a {@link BlobStore} knows about a stored object. */
public record BlobInfo(String key, long size, String contentType, Instant lastModified) {

    public BlobInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(lastModified, "lastModified");
    }
}
