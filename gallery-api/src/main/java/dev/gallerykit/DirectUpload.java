package dev.gallerykit;

import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.spi.PresignedRequest;
import java.time.Instant;
import java.util.Objects;

/**
 * A started direct upload: the client sends the bytes with {@link #put()} (its headers exactly as
 * given), then the host calls {@link Photos#completeDirectUpload} with {@link #token()}. Nothing is
 * stored for it until then; an upload never completed is removed by
 * {@link Maintenance#reconcile reconcile} once the grace period has passed.
 *
 * @param photoId the id the photo will have
 * @param token   opaque and signed; it names the owner, album, file and size, and expires with the PUT
 */
public record DirectUpload(PhotoId photoId, PresignedRequest put, String token, Instant expiresAt) {

    public DirectUpload {
        Objects.requireNonNull(photoId, "photoId");
        Objects.requireNonNull(put, "put");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
