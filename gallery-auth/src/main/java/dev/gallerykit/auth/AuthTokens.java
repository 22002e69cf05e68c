package dev.gallerykit.auth;

import dev.gallerykit.domain.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * What a sign-in or a refresh returns: a short-lived JWT access token (send it as
 * {@code Authorization: Bearer ...}) and an opaque refresh token (keep it in an HttpOnly cookie or
 * the platform's secure storage; each one works once). {@link #toString()} hides both.
 */
public record AuthTokens(UserId userId, String accessToken, Instant accessTokenExpiresAt,
                         String refreshToken, Instant refreshTokenExpiresAt) {

    public AuthTokens {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(refreshTokenExpiresAt, "refreshTokenExpiresAt");
    }

    @Override
    public String toString() {
        return "AuthTokens[userId=" + userId + ", accessTokenExpiresAt=" + accessTokenExpiresAt
                + ", refreshTokenExpiresAt=" + refreshTokenExpiresAt + "]";
    }
}
