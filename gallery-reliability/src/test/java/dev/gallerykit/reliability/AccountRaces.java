package dev.gallerykit.reliability;

import static dev.gallerykit.reliability.AccountHarness.PASSWORD;
import static dev.gallerykit.reliability.AccountHarness.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.auth.AuthTokens;
import dev.gallerykit.auth.TokenRejectedException;
import dev.gallerykit.auth.TokenRejectedException.Reason;
import dev.gallerykit.domain.Session;
import dev.gallerykit.domain.User;
import dev.gallerykit.error.AuthenticationFailedException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.local.LocalSmtp;
import dev.gallerykit.reliability.SessionLog.Rotation;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.spi.UserRepository;
import dev.gallerykit.testkit.contract.Race;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves that accounts stay consistent under concurrency on a given pair of user and session stores:
 * eight threads at once, twenty rounds, through the public {@code Accounts} API, with the invariants
 * checked after every round and never timing: one email signed up from eight threads, and one refresh
 * token presented by eight. A subclass per store (the in-memory ones included) says how to reach it,
 * and each rotation race is also checked at the store: how many successors it accepted, and what it
 * holds for them afterwards.
 */
@ExtendWith(LocalSmtp.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccountRaces {

    private static final int THREADS = 8;
    private static final int ROUNDS = 20;

    /** The user store under test; it may be shared by all tests, as every test uses new emails. */
    protected abstract UserRepository users();

    /** The session store under test; shared likewise (every sign-in is a family of its own). */
    protected abstract SessionRepository sessions();

    private AccountHarness h;

    @BeforeEach
    void buildTheAccounts(LocalSmtp.Server smtp) {
        h = new AccountHarness(users(), sessions(), smtp);
    }

    @Test
    @DisplayName("of eight concurrent sign-ups with one email exactly one makes a user; the others are conflicts")
    void concurrentSignUpsOfOneEmail() throws InterruptedException {
        for (int round = 0; round < ROUNDS; round++) {
            String email = newEmail();

            Race.Results<User> results = Race.run(THREADS, contender -> h.accounts.signUp(
                    contender % 2 == 0 ? email : email.toUpperCase(Locale.ROOT), PASSWORD, "Racer " + contender));

            assertThat(results.wins()).as("round %d: sign-ups that made a user\n%s", round, results.failureTraces())
                    .hasSize(1);
            assertThat(results.failures()).as("round %d: the others\n%s", round, results.failureTraces())
                    .hasSize(THREADS - 1)
                    .allSatisfy(failure -> assertThat(failure).isInstanceOf(ConflictException.class));
            User winner = results.wins().get(0);
            assertThat(h.users.findByEmail(email)).as("round %d: the stored user", round).contains(winner);
            assertThat(h.users.findByEmail(email.toUpperCase(Locale.ROOT))).as("round %d: by the other case", round)
                    .contains(winner);
            assertThat(h.mailsTo(email, 1)).as("round %d: confirmation mails", round).hasSize(1);
        }
    }

    @Test
    @DisplayName("one refresh token presented by eight threads rotates once, and the reuse revokes the family")
    void concurrentReuseOfOneRefreshToken() throws InterruptedException {
        String email = newEmail();
        h.activeUser(email);
        for (int round = 0; round < ROUNDS; round++) {
            AuthTokens signedIn = h.accounts.signIn(email, PASSWORD);
            Session presented = h.sessions.lastCreated();

            Race.Results<AuthTokens> results = Race.run(THREADS, contender -> h.accounts.refresh(signedIn.refreshToken()));

            assertThat(results.wins()).as("round %d: rotations that won\n%s", round, results.failureTraces()).hasSize(1);
            // A loser that comes after another loser revoked the family finds it revoked rather than reused.
            assertThat(results.failures()).as("round %d: the reuses\n%s", round, results.failureTraces())
                    .hasSize(THREADS - 1)
                    .allSatisfy(failure -> assertThat(failure).isInstanceOfSatisfying(TokenRejectedException.class,
                            e -> assertThat(e.reason()).isIn(Reason.REUSED, Reason.REVOKED)))
                    .anySatisfy(failure -> assertThat(((TokenRejectedException) failure).reason())
                            .isEqualTo(Reason.REUSED));
            AuthTokens successor = results.wins().get(0);
            assertThatThrownBy(() -> h.accounts.refresh(successor.refreshToken())).as("round %d: the successor", round)
                    .isInstanceOfSatisfying(TokenRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.REVOKED));
            assertThatThrownBy(() -> h.accounts.refresh(signedIn.refreshToken())).as("round %d: the first token", round)
                    .isInstanceOfSatisfying(TokenRejectedException.class,
                            e -> assertThat(e.reason()).isIn(Reason.REUSED, Reason.REVOKED));
            assertTheStoreRotatedOnceAndRevoked(round, presented);
        }
    }

    @Test
    @DisplayName("eight wrong passwords at once get exactly five guesses counted before the lock, the store deciding")
    void aBurstOfWrongPasswordsGetsFiveGuesses() throws InterruptedException {
        for (int round = 0; round < ROUNDS; round++) {
            String email = newEmail();
            User user = h.activeUser(email);

            Race.Results<AuthTokens> results = Race.run(THREADS,
                    contender -> h.accounts.signIn(email, "wrong guess " + contender));

            assertThat(results.wins()).as("round %d: sign-ins with a wrong password", round).isEmpty();
            assertThat(results.failures()).as("round %d\n%s", round, results.failureTraces())
                    .allSatisfy(failure -> assertThat(failure).isInstanceOf(AuthenticationFailedException.class));
            // The clock stands still: the lock the fifth counted guess set holds for the whole burst.
            User stored = h.users.findById(user.id()).orElseThrow();
            assertThat(stored.failedSignIns()).as("round %d: guesses counted, each before it was checked", round)
                    .isEqualTo(5);
            assertThat(stored.lockedUntil()).as("round %d: the lock", round).isPresent();
            assertThatThrownBy(() -> h.accounts.signIn(email, PASSWORD)).as("round %d: the right password, locked", round)
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    @DisplayName("albums created while the account is deleted: none outlives the deletion, the user store deciding")
    void albumsRacingTheAccountDeletion() throws InterruptedException {
        for (int round = 0; round < ROUNDS; round++) {
            String email = newEmail();
            User user = h.activeUser(email);

            Race.Results<Integer> results = Race.run(THREADS, contender -> {
                if (contender == 0) {
                    h.accounts.deleteAccount(user.id(), PASSWORD);
                    return 0;
                }
                int created = 0;
                for (int i = 0; i < 20; i++) {
                    try {
                        h.gallery.albums().create(user.id(), "Album " + contender + "." + i, "");
                        created++;
                    } catch (NotFoundException refused) {
                        return created;
                    }
                }
                return created;
            });

            assertThat(results.failures()).as("round %d\n%s", round, results.failureTraces()).isEmpty();
            assertThat(h.users.findById(user.id())).as("round %d: the user", round).isEmpty();
            assertThat(h.albums.list(user.id(), 10, Optional.empty()).items()).as("round %d: albums left", round)
                    .isEmpty();
        }
    }

    /** The family of this sign-in, read back from the store: one rotation accepted, both sessions revoked. */
    private void assertTheStoreRotatedOnceAndRevoked(int round, Session presented) {
        List<Rotation> rotations = h.sessions.acceptedIn(presented.familyId());
        assertThat(rotations).as("round %d: rotations the store accepted", round).hasSize(1);
        Rotation rotation = rotations.get(0);
        assertThat(rotation.current().id()).as("round %d: the rotated session", round).isEqualTo(presented.id());
        Session first = h.sessions.findByTokenHash(presented.tokenHash()).orElseThrow();
        Session next = h.sessions.findByTokenHash(rotation.next().tokenHash()).orElseThrow();
        assertThat(first.rotatedAt()).as("round %d: the presented session is rotated", round).isPresent();
        assertThat(first.revokedAt()).as("round %d: the presented session is revoked", round).isPresent();
        assertThat(next.familyId()).as("round %d: the successor's family", round).isEqualTo(presented.familyId());
        assertThat(next.rotatedAt()).as("round %d: the successor is not rotated", round).isEmpty();
        assertThat(next.revokedAt()).as("round %d: the successor is revoked", round).isPresent();
    }
}
