package dev.gallerykit.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An account. The email is kept as typed; uniqueness and look-ups use {@link #emailKey()}, its
 * lower-case form, so {@code Ann@Example.com} and {@code ann@example.com} are one account.
 *
 * @param failedSignIns consecutive failed sign-ins since the last success
 * @param lockedUntil   no sign-in is tried before this instant
 * @param confirmedAt   when the current email was confirmed (at sign-up, or by the link of an email change)
 * @param version       optimistic-locking version, set by the repository
 */
public record User(
        UserId id,
        String email,
        String displayName,
        String passwordHash,
        UserStatus status,
        int failedSignIns,
        Optional<Instant> lockedUntil,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> confirmedAt,
        long version) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lockedUntil, "lockedUntil");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
        if (failedSignIns < 0) {
            throw new IllegalArgumentException("failedSignIns must not be negative");
        }
    }

    /** The case-insensitive form of an email, used for uniqueness and look-ups on every store. */
    public static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public String emailKey() {
        return emailKey(email);
    }

    public User withStatus(UserStatus newStatus, Instant at) {
        return new User(id, email, displayName, passwordHash, newStatus, failedSignIns, lockedUntil,
                createdAt, at, newStatus == UserStatus.ACTIVE && confirmedAt.isEmpty() ? Optional.of(at) : confirmedAt,
                version);
    }

    /**
     * The account moved to {@code newEmail}, confirmed {@code at} (the link that moves it proves the
     * mailbox). The confirmation time, in microseconds (what every store keeps), only ever grows, even
     * on a clock that stands still: links bound to an earlier state never match again.
     */
    public User withEmail(String newEmail, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        Instant confirmed = confirmedAt.map(previous -> previous.truncatedTo(ChronoUnit.MICROS))
                .filter(previous -> !now.isAfter(previous)).map(previous -> previous.plus(1, ChronoUnit.MICROS))
                .orElse(now);
        return new User(id, newEmail, displayName, passwordHash, status, failedSignIns, lockedUntil,
                createdAt, at, Optional.of(confirmed), version);
    }

    public User withDisplayName(String newName, Instant at) {
        return new User(id, email, newName, passwordHash, status, failedSignIns, lockedUntil,
                createdAt, at, confirmedAt, version);
    }

    public User withPasswordHash(String newHash, Instant at) {
        return new User(id, email, displayName, newHash, status, failedSignIns, lockedUntil,
                createdAt, at, confirmedAt, version);
    }

    public User withSignInFailures(int failures, Optional<Instant> until, Instant at) {
        return new User(id, email, displayName, passwordHash, status, failures, until,
                createdAt, at, confirmedAt, version);
    }

    public User withVersion(long newVersion) {
        return new User(id, email, displayName, passwordHash, status, failedSignIns, lockedUntil,
                createdAt, updatedAt, confirmedAt, newVersion);
    }
}
