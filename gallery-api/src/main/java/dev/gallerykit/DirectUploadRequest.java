package dev.gallerykit;

import java.time.Duration;
import java.util.Objects;

/**
 * What a client announces before uploading a photo straight to the blob store. The content type
 * and size are bound into the presigned PUT, so the store refuses anything else; the real type is
 * still checked from the bytes when the upload is completed. Title, description and tags can be set
 * with {@link Photos#update} afterwards.
 *
 * @param ttl how long the presigned PUT and the upload token stay valid
 */
public record DirectUploadRequest(String fileName, String contentType, long size, Duration ttl) {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);

    public DirectUploadRequest {
        Objects.requireNonNull(ttl, "ttl");
    }

    public static DirectUploadRequest of(String fileName, String contentType, long size) {
        return new DirectUploadRequest(fileName, contentType, size, DEFAULT_TTL);
    }
}
