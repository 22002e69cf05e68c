package dev.gallerykit.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A link through which anybody who has it sees an album without an account. The token in the link is
 * never stored: only its SHA-256 ({@code tokenHash}; the token is 256 random bits, so a fast hash is
 * enough), and the optional password only as a slow-KDF hash.
 *
 * @param expiresAt      when the link stops working; empty for never
 * @param passwordHash   the password's hash ({@code pbkdf2-sha256$iterations$salt$hash}); empty for none
 * @param allowOriginals whether the link gives the originals, or the renditions only
 * @param showLocation   whether the link shows GPS and place; off by default
 * @param revokedAt      when the owner revoked it; a revoked link is kept so that its views stay listed
 * @param views          how many times the link was opened; counted by the store, not versioned
 * @param failedGuesses  wrong passwords since the last right one; counted by the store, not versioned
 * @param lastFailedGuessAt when the last wrong password came
 * @param version        optimistic-locking version of the owner's settings, set by the repository
 */
public record ShareLink(
        ShareLinkId id,
        AlbumId albumId,
        UserId ownerId,
        String tokenHash,
        Optional<Instant> expiresAt,
        Optional<String> passwordHash,
        boolean allowOriginals,
        boolean showLocation,
        Instant createdAt,
        Optional<Instant> revokedAt,
        long views,
        int failedGuesses,
        Optional<Instant> lastFailedGuessAt,
        long version) {

    public ShareLink {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(albumId, "albumId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(lastFailedGuessAt, "lastFailedGuessAt");
    }

    /** Neither revoked nor expired at {@code now}. */
    public boolean activeAt(Instant now) {
        return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
    }

    public boolean hasPassword() {
        return passwordHash.isPresent();
    }

    public ShareLink revoked(Instant at) {
        return new ShareLink(id, albumId, ownerId, tokenHash, expiresAt, passwordHash, allowOriginals, showLocation,
                createdAt, revokedAt.isPresent() ? revokedAt : Optional.of(at), views, failedGuesses,
                lastFailedGuessAt, version);
    }

    /** These settings with another expiry, password hash and switches. */
    public ShareLink withSettings(Optional<Instant> expiry, Optional<String> password, boolean originals,
                                  boolean location) {
        return new ShareLink(id, albumId, ownerId, tokenHash, expiry, password, originals, location, createdAt,
                revokedAt, views, failedGuesses, lastFailedGuessAt, version);
    }
}
