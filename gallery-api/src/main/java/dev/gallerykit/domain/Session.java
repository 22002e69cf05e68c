package dev.gallerykit.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One refresh token of a sign-in. A sign-in starts a family; each refresh rotates the token,
 * marking this one {@link #rotatedAt() rotated} and adding its successor to the same family.
 * Presenting a rotated token again means it leaked: the whole family is revoked.
 *
 * @param tokenHash hash of the refresh token; the token itself is never stored
 */
public record Session(
        SessionId id,
        SessionId familyId,
        UserId userId,
        String tokenHash,
        Instant issuedAt,
        Instant expiresAt,
        Optional<Instant> rotatedAt,
        Optional<Instant> revokedAt) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(rotatedAt, "rotatedAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    /** Usable for a refresh at {@code now}: not expired, not rotated, not revoked. */
    public boolean activeAt(Instant now) {
        return rotatedAt.isEmpty() && revokedAt.isEmpty() && now.isBefore(expiresAt);
    }

    public Session rotated(Instant at) {
        return new Session(id, familyId, userId, tokenHash, issuedAt, expiresAt, Optional.of(at), revokedAt);
    }

    public Session revoked(Instant at) {
        return new Session(id, familyId, userId, tokenHash, issuedAt, expiresAt, rotatedAt,
                revokedAt.isPresent() ? revokedAt : Optional.of(at));
    }
}
