package dev.gallerykit.auth;

import dev.gallerykit.domain.UserId;
import java.time.Instant;
import java.util.Objects;

/** Who an access token speaks for, and until when. */
public record Principal(UserId userId, String email, Instant expiresAt) {

    public Principal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
