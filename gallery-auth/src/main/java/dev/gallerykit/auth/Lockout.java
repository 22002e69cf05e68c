package dev.gallerykit.auth;

import dev.gallerykit.domain.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The progressive lock-out after failed sign-ins: from the {@value #THRESHOLD}th consecutive
 * failure on, the account is locked for 2^(n-{@value #THRESHOLD}) seconds, at most {@link #MAX}.
 */
final class Lockout {

    static final int THRESHOLD = 5;
    static final Duration MAX = Duration.ofMinutes(15);

    private Lockout() {
    }

    static boolean locks(User user, Instant now) {
        return user.lockedUntil().filter(now::isBefore).isPresent();
    }

    /** The user with one more failure counted at {@code now}, and locked if that reaches the threshold. */
    static User afterFailure(User user, Instant now) {
        int failures = user.failedSignIns() + 1;
        Optional<Instant> until = failures >= THRESHOLD ? Optional.of(now.plus(duration(failures))) : Optional.empty();
        return user.withSignInFailures(failures, until, now);
    }

    /** The user with no failures counted and no lock: after a success, a reset or a change of password. */
    static User cleared(User user, Instant now) {
        return user.withSignInFailures(0, Optional.empty(), now);
    }

    /** How long the {@code failures}th consecutive failure locks the account. */
    static Duration duration(int failures) {
        int exponent = failures - THRESHOLD;
        if (exponent >= 30) {
            return MAX;
        }
        Duration lock = Duration.ofSeconds(1L << Math.max(0, exponent));
        return lock.compareTo(MAX) > 0 ? MAX : lock;
    }
}
