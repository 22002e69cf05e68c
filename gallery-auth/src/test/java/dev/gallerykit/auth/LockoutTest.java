package dev.gallerykit.auth;

import static dev.gallerykit.auth.Harness.PASSWORD;
import static dev.gallerykit.auth.Harness.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gallerykit.domain.User;
import dev.gallerykit.error.AuthenticationFailedException;
import dev.gallerykit.local.LocalSmtp;
import dev.gallerykit.testkit.contract.Race;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalSmtp.class)
@DisplayName("Sign-in lock-out")
class LockoutTest {

    private static final String WRONG = "not the password";

    private final Harness h;

    LockoutTest(LocalSmtp.Server smtp) {
        h = new Harness(smtp);
    }

    @Test
    @DisplayName("four failures lock nothing; the fifth locks for 1 s, then 2 s, 4 s ... capped at 15 minutes")
    void timeline() {
        String email = newEmail();
        User ann = h.activeUser(email);

        for (int failure = 1; failure <= 4; failure++) {
            failSignIn(email, WRONG);
            assertThat(stored(ann).failedSignIns()).isEqualTo(failure);
            assertThat(stored(ann).lockedUntil()).isEmpty();
        }

        long[] expectedSeconds = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900};
        for (int i = 0; i < expectedSeconds.length; i++) {
            Instant failedAt = h.clock.instant();
            failSignIn(email, WRONG);
            User locked = stored(ann);
            assertThat(locked.failedSignIns()).isEqualTo(5 + i);
            assertThat(locked.lockedUntil()).as("lock after failure %d", 5 + i)
                    .contains(failedAt.plusSeconds(expectedSeconds[i]));

            // While locked even the right password is refused, with the same message, and the try is not counted.
            h.clock.advance(Duration.ofSeconds(expectedSeconds[i]).minusMillis(1));
            failSignIn(email, PASSWORD);
            assertThat(stored(ann).failedSignIns()).isEqualTo(5 + i);
            h.clock.advance(Duration.ofMillis(1));
        }

        AuthTokens tokens = h.accounts.signIn(email, PASSWORD);
        assertThat(tokens.userId()).isEqualTo(ann.id());
        assertThat(stored(ann).failedSignIns()).isZero();
        assertThat(stored(ann).lockedUntil()).isEmpty();

        failSignIn(email, WRONG);
        assertThat(stored(ann).failedSignIns()).isEqualTo(1);
        assertThat(stored(ann).lockedUntil()).isEmpty();
    }

    @Test
    @DisplayName("the lock-out doubles per failure from 2^0 seconds and stops at 15 minutes")
    void formula() {
        assertThat(Lockout.duration(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Lockout.duration(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Lockout.duration(14)).isEqualTo(Duration.ofSeconds(512));
        assertThat(Lockout.duration(15)).isEqualTo(Accounts.MAX_LOCKOUT).isEqualTo(Duration.ofMinutes(15));
        assertThat(Lockout.duration(1_000)).isEqualTo(Accounts.MAX_LOCKOUT);
    }

    @Test
    @DisplayName("an unknown email and a wrong password give the same error")
    void sameError() {
        String email = newEmail();
        h.activeUser(email);
        Throwable unknown = catchThrowable(() -> h.accounts.signIn(newEmail(), PASSWORD));
        Throwable wrong = catchThrowable(() -> h.accounts.signIn(email, WRONG));
        Throwable malformed = catchThrowable(() -> h.accounts.signIn("nobody", WRONG));
        assertThat(unknown).isExactlyInstanceOf(AuthenticationFailedException.class).hasMessage(Accounts.SIGN_IN_FAILED);
        assertThat(wrong).isExactlyInstanceOf(unknown.getClass()).hasMessage(unknown.getMessage());
        assertThat(malformed).isExactlyInstanceOf(unknown.getClass()).hasMessage(unknown.getMessage());
    }

    @Test
    @DisplayName("a burst of 8 threads x 10 wrong passwords gets exactly 5 guesses evaluated before the lock")
    void burstGetsNoMoreGuessesThanTheThreshold() throws InterruptedException {
        String email = newEmail();
        User ann = h.activeUser(email);

        Race.Results<Integer> results = Race.run(8, contender -> {
            int refused = 0;
            for (int guess = 0; guess < 10; guess++) {
                try {
                    h.accounts.signIn(email, WRONG + contender + "." + guess);
                } catch (AuthenticationFailedException e) {
                    refused++;
                }
            }
            return refused;
        });

        assertThat(results.failures()).isEmpty();
        assertThat(results.wins()).as("every guess refused").containsOnly(10);
        // The clock stands still, so the lock the fifth counted guess set holds for the whole burst.
        assertThat(stored(ann).failedSignIns()).as("guesses counted, each before it was evaluated").isEqualTo(5);
        assertThat(stored(ann).lockedUntil()).isPresent();
        failSignIn(email, PASSWORD);
    }

    private void failSignIn(String email, String password) {
        assertThatThrownBy(() -> h.accounts.signIn(email, password))
                .isExactlyInstanceOf(AuthenticationFailedException.class)
                .hasMessage(Accounts.SIGN_IN_FAILED);
    }

    private User stored(User user) {
        return h.users.findById(user.id()).orElseThrow();
    }

}
