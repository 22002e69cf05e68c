package dev.gallerykit.auth;

import dev.gallerykit.auth.PasswordHasher.Verification;
import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.domain.UserStatus;
import dev.gallerykit.error.AuthenticationFailedException;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.spi.UserRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passwords of accounts: checked under the {@link Lockout} (a wrong one counts as a failure, a
 * locked account is refused without looking at the password, an unknown email costs the same bcrypt
 * work as a known one, so that neither the answer nor its time tells which it was), and replaced.
 */
final class Passwords {

    private static final Logger LOG = LoggerFactory.getLogger(Passwords.class);
    /** Rounds of counting an attempt (each of a few tries) before it is refused uncounted. */
    private static final int COUNT_ROUNDS = 20;
    private static final String WRONG_OR_LOCKED = "the password is wrong, or there were too many attempts; try again later";

    private final UserRepository users;
    private final SessionRepository sessions;
    private final UserUpdates updates;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;

    Passwords(UserRepository users, SessionRepository sessions, UserUpdates updates, PasswordHasher hasher,
            PasswordPolicy policy) {
        this.users = users;
        this.sessions = sessions;
        this.updates = updates;
        this.hasher = hasher;
        this.policy = policy;
    }

    /**
     * The {@code ACTIVE} account with this email and password, its failures cleared and its hash
     * redone if the bcrypt cost changed.
     *
     * @throws AuthenticationFailedException with {@link Accounts#SIGN_IN_FAILED} for an unknown email,
     *         a wrong password or a locked account; with a message of its own for a correct password
     *         on an unconfirmed or disabled account
     */
    User signIn(String email, String password, Instant now) {
        String secret = password == null ? "" : password;
        Optional<User> found = parseEmail(email).flatMap(users::findByEmail);
        if (found.isEmpty() || secret.length() > policy.maxInputChars()) {
            hasher.burn();
            LOG.debug("sign-in refused: {}", found.isEmpty() ? "unknown email" : "password too long");
            throw new AuthenticationFailedException(Accounts.SIGN_IN_FAILED);
        }
        User user = found.get();
        if (Lockout.locks(user, now) || !countAttempt(user.id(), now)) {
            hasher.burn();
            LOG.debug("sign-in refused: user {} is locked", user.id());
            throw new AuthenticationFailedException(Accounts.SIGN_IN_FAILED);
        }
        Verification verification = hasher.verify(secret, user.passwordHash());
        if (!verification.matches()) {
            throw new AuthenticationFailedException(Accounts.SIGN_IN_FAILED);
        }
        String newHash = verification.needsRehash() ? hasher.hash(secret) : null;
        User signedIn = updates.apply(user.id(), () -> new AuthenticationFailedException(Accounts.SIGN_IN_FAILED), u -> {
            User cleared = Lockout.cleared(u, now);
            // Only replace the hash we verified; a concurrent password change wins.
            return newHash != null && u.passwordHash().equals(user.passwordHash())
                    ? cleared.withPasswordHash(newHash, now) : cleared;
        });
        if (signedIn.status() == UserStatus.PENDING) {
            throw new AuthenticationFailedException("the email address of this account is not confirmed yet");
        }
        if (signedIn.status() != UserStatus.ACTIVE) {
            throw new AuthenticationFailedException("this account is disabled");
        }
        return signedIn;
    }

    /**
     * The user, once the password proves it is them, before a change that needs that proof.
     *
     * @throws AuthenticationFailedException when the password is wrong or the account locked
     * @throws NotFoundException when the user does not exist
     */
    User prove(UserId userId, String password, Instant now) {
        User user = users.findById(userId).orElseThrow(() -> new NotFoundException("user", userId));
        String secret = password == null ? "" : password;
        if (Lockout.locks(user, now) || secret.length() > policy.maxInputChars() || !countAttempt(user.id(), now)) {
            hasher.burn();
            throw new AuthenticationFailedException(WRONG_OR_LOCKED);
        }
        if (!hasher.verify(secret, user.passwordHash()).matches()) {
            throw new AuthenticationFailedException(WRONG_OR_LOCKED);
        }
        return updates.apply(user.id(), () -> new NotFoundException("user", userId), u -> Lockout.cleared(u, now));
    }

    /**
     * Sets a new password, if the policy takes it and the account still has the hash {@code user}
     * had; clears any lock-out and ends every session of the user.
     *
     * @param mailboxProven whether a link mailed to the account's address brought the new password
     *        (it then confirms a {@code PENDING} account)
     * @param absent what to throw when the user is gone
     * @param changed what to throw when the password changed meanwhile
     * @throws InvalidInputException when the policy refuses the new password
     */
    void replace(User user, String newPassword, Instant now, boolean mailboxProven,
            Supplier<? extends RuntimeException> absent, Supplier<? extends RuntimeException> changed) {
        policy.check(newPassword, user.email());
        String newHash = hasher.hash(newPassword);
        updates.apply(user.id(), absent, current -> {
            if (!current.passwordHash().equals(user.passwordHash())) {
                throw changed.get();
            }
            User replaced = Lockout.cleared(current.withPasswordHash(newHash, now), now);
            // A mailed link proves the mailbox: a pending account is confirmed by it, with the password chosen now.
            return mailboxProven && replaced.status() == UserStatus.PENDING
                    ? replaced.withStatus(UserStatus.ACTIVE, now) : replaced;
        });
        sessions.revokeAll(user.id(), now);
    }

    /**
     * Counts a guess as failed before it is evaluated, in the store (a write conditional on the
     * user's version), and says whether it may be evaluated: not when the account is locked by then.
     * So callers racing with wrong passwords get at most {@link Lockout#THRESHOLD} guesses evaluated
     * before the lock, whatever the interleaving; a guess that proves right clears the count again.
     * A count that cannot be written (every try lost a race) refuses the guess rather than let it
     * through uncounted. Costs one more write per sign-in.
     */
    private boolean countAttempt(UserId id, Instant now) {
        // Every write lost to a racer means that racer's count went in, and once THRESHOLD are in the
        // account is locked and the rest are refused: so under any burst this ends after a few rounds.
        for (int round = 1; round <= COUNT_ROUNDS; round++) {
            try {
                updates.apply(id, () -> new AuthenticationFailedException(Accounts.SIGN_IN_FAILED), user -> {
                    if (Lockout.locks(user, now)) {
                        throw new AuthenticationFailedException(Accounts.SIGN_IN_FAILED);
                    }
                    User counted = Lockout.afterFailure(user, now);
                    LOG.debug("sign-in attempt {} for user {}{}", counted.failedSignIns(), id,
                            counted.lockedUntil().map(t -> ", locked until " + t).orElse(""));
                    return counted;
                });
                return true;
            } catch (AuthenticationFailedException e) {
                return false;
            } catch (ConcurrentModificationException e) {
                LOG.debug("sign-in attempt for user {} lost a race to count it (round {})", id, round);
            }
        }
        return false;
    }

    private static Optional<String> parseEmail(String email) {
        try {
            return Optional.of(Inputs.email(email));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }
}
