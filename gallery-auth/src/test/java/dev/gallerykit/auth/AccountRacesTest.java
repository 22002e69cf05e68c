package dev.gallerykit.auth;

import static dev.gallerykit.auth.Harness.PASSWORD;
import static dev.gallerykit.auth.Harness.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.auth.TokenRejectedException.Reason;
import dev.gallerykit.domain.Session;
import dev.gallerykit.domain.User;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.local.LocalSmtp;
import dev.gallerykit.testkit.contract.Race;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Accounts under concurrency, eight threads at once and twenty rounds, through the public API on the
 * harness's stores: invariants are checked after every round, never timing.
 */
@ExtendWith(LocalSmtp.class)
@DisplayName("Accounts raced by eight threads")
class AccountRacesTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 20;

    private final Harness h;

    AccountRacesTest(LocalSmtp.Server smtp) {
        h = new Harness(smtp);
    }

    @Test
    @DisplayName("of eight concurrent sign-ups with one email exactly one makes a user; the others are conflicts")
    void concurrentSignUpsOfOneEmail() throws InterruptedException {
        for (int round = 0; round < ROUNDS; round++) {
            String email = newEmail();

            Race.Results<User> results = Race.run(THREADS, contender -> h.accounts.signUp(
                    contender % 2 == 0 ? email : email.toUpperCase(Locale.ROOT), PASSWORD, "Racer " + contender));

            assertThat(results.wins()).as("round %d: sign-ups that made a user", round).hasSize(1);
            assertThat(results.failures()).as("round %d: the others", round)
                    .allSatisfy(failure -> assertThat(failure).isInstanceOf(ConflictException.class));
            User winner = results.wins().get(0);
            assertThat(h.users.findByEmail(email)).as("round %d: the stored user", round).contains(winner);
            assertThat(h.lastMail(email, 1)).as("round %d: one confirmation mail", round).isNotNull();
        }
    }

    @Test
    @DisplayName("one refresh token presented by eight threads rotates once, and the reuse revokes the family")
    void concurrentReuseOfOneRefreshToken() throws InterruptedException {
        String email = newEmail();
        h.activeUser(email);
        for (int round = 0; round < ROUNDS; round++) {
            AuthTokens signedIn = h.accounts.signIn(email, PASSWORD);

            Race.Results<AuthTokens> results = Race.run(THREADS, contender -> h.accounts.refresh(signedIn.refreshToken()));

            assertThat(results.wins()).as("round %d: rotations that won", round).hasSize(1);
            // A loser that comes after another loser revoked the family finds it revoked rather than reused.
            assertThat(results.failures()).as("round %d: the reuses", round).hasSize(THREADS - 1)
                    .allSatisfy(failure -> assertThat(failure).isInstanceOfSatisfying(TokenRejectedException.class,
                            e -> assertThat(e.reason()).isIn(Reason.REUSED, Reason.REVOKED)))
                    .anySatisfy(failure -> assertThat(((TokenRejectedException) failure).reason())
                            .isEqualTo(Reason.REUSED));
            AuthTokens successor = results.wins().get(0);
            Session stored = h.sessions.findByTokenHash(Digests.tokenHash(successor.refreshToken())).orElseThrow();
            assertThat(stored.revokedAt()).as("round %d: the successor's family is revoked", round).isPresent();
            assertThatThrownBy(() -> h.accounts.refresh(successor.refreshToken())).as("round %d", round)
                    .isInstanceOfSatisfying(TokenRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.REVOKED));
            assertThatThrownBy(() -> h.accounts.refresh(signedIn.refreshToken())).as("round %d", round)
                    .isInstanceOfSatisfying(TokenRejectedException.class,
                            e -> assertThat(e.reason()).isIn(Reason.REUSED, Reason.REVOKED));
        }
    }
}
