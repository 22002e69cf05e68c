package dev.gallerykit.auth;

import static dev.gallerykit.auth.Harness.PASSWORD;
import static dev.gallerykit.auth.Harness.newEmail;
import static dev.gallerykit.auth.Harness.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.Upload;
import dev.gallerykit.auth.TokenRejectedException.Reason;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.GalleryEvent;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserStatus;
import dev.gallerykit.error.AuthenticationFailedException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.local.LocalSmtp;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalSmtp.class)
@DisplayName("Account flows end to end, with mail through a real SMTP server")
class AccountFlowsTest {

    private final LocalSmtp.Server smtp;
    private final Harness h;

    AccountFlowsTest(LocalSmtp.Server smtp) {
        this.smtp = smtp;
        h = new Harness(smtp);
    }

    @Nested
    @DisplayName("sign-up and confirmation")
    class SignUp {

        @Test
        @DisplayName("sign-up creates a pending account and mails a link that activates it")
        void signUpConfirmSignIn() throws Exception {
            String email = newEmail();
            User pending = h.accounts.signUp("  " + email.toUpperCase() + " ", PASSWORD, "Ann <Admin> & Co");
            assertThat(pending.status()).isEqualTo(UserStatus.PENDING);
            assertThat(pending.email()).isEqualTo(email);
            assertThat(pending.passwordHash()).startsWith("$2b$10$");
            assertThatThrownBy(() -> h.accounts.signIn(email, PASSWORD)).isInstanceOf(AuthenticationFailedException.class)
                    .hasMessageContaining("not confirmed");

            MimeMessage mail = h.lastMail(email, 1);
            assertThat(mail.getSubject()).isEqualTo("Confirm your email address for Photos");
            assertThat(mail.getContentType()).startsWith("multipart/alternative");
            String link = Harness.linkIn(mail);
            assertThat(link).startsWith(Harness.BASE_URL + "/confirm-email?token=");
            String html = Harness.part(mail, "text/html");
            assertThat(html).contains("Ann &lt;Admin&gt; &amp; Co").doesNotContain("<Admin>")
                    .contains("href=\"" + link + "\"");
            assertThat(Harness.part(mail, "text/plain")).contains("Hello Ann <Admin> & Co,").contains("10 minutes");

            User active = h.accounts.confirmEmail(tokenOf(mail));
            assertThat(active.status()).isEqualTo(UserStatus.ACTIVE);
            assertThat(active.confirmedAt()).contains(h.clock.instant());

            AuthTokens tokens = h.accounts.signIn(email, PASSWORD);
            Principal me = h.accounts.authenticate(tokens.accessToken());
            assertThat(me.userId()).isEqualTo(pending.id());
            assertThat(me.email()).isEqualTo(email);
            assertThat(me.expiresAt()).isEqualTo(h.clock.instant().plus(Duration.ofMinutes(5)));
            assertThat(tokens.toString()).doesNotContain(tokens.accessToken()).doesNotContain(tokens.refreshToken());
        }

        @Test
        @DisplayName("a confirmation link works once")
        void confirmOnce() {
            String email = newEmail();
            h.accounts.signUp(email, PASSWORD, "Ann");
            String token = tokenOf(h.lastMail(email, 1));
            h.accounts.confirmEmail(token);
            assertRejected(() -> h.accounts.confirmEmail(token), Reason.ALREADY_USED);
        }

        @Test
        @DisplayName("a confirmation link expires after 10 minutes; asking again mails a link that confirms with a password chosen then")
        void confirmExpiresThenResend() {
            String email = newEmail();
            h.accounts.signUp(email, PASSWORD, "Ann");
            String token = tokenOf(h.lastMail(email, 1));
            h.clock.advance(Duration.ofMinutes(10).plus(TokenService.DEFAULT_CLOCK_SKEW));
            assertRejected(() -> h.accounts.confirmEmail(token), Reason.EXPIRED);

            h.accounts.resendConfirmation(email);
            MimeMessage again = h.lastMail(email, 2);
            assertThat(Harness.linkIn(again)).startsWith(Harness.BASE_URL + "/reset-password?token=");
            h.accounts.resetPassword(tokenOf(again), "chosen by the mailbox owner");
            assertThat(h.users.findByEmail(email).orElseThrow().status()).isEqualTo(UserStatus.ACTIVE);
            assertThat(h.accounts.signIn(email, "chosen by the mailbox owner").accessToken()).isNotBlank();
        }

        @Test
        @DisplayName("someone who signs up another's address cannot end up with the account: the owner's resend or reset chooses the password")
        void preRegistration() {
            String victim = newEmail();
            h.accounts.signUp(victim, "the intruder's password", "Intruder");
            String intrudersLink = tokenOf(h.lastMail(victim, 1));

            h.accounts.resendConfirmation(victim);
            h.accounts.resetPassword(tokenOf(h.lastMail(victim, 2)), "the owner's own password");

            assertThat(h.accounts.signIn(victim, "the owner's own password").accessToken()).isNotBlank();
            assertThatThrownBy(() -> h.accounts.signIn(victim, "the intruder's password"))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertRejected(() -> h.accounts.confirmEmail(intrudersLink), Reason.ALREADY_USED);

            String other = newEmail();
            h.accounts.signUp(other, "the intruder's password", "Intruder");
            h.accounts.requestPasswordReset(other);
            h.accounts.resetPassword(tokenOf(h.lastMail(other, 2)), "the owner's own password");
            assertThat(h.users.findByEmail(other).orElseThrow().status()).isEqualTo(UserStatus.ACTIVE);
            assertThatThrownBy(() -> h.accounts.signIn(other, "the intruder's password"))
                    .isInstanceOf(AuthenticationFailedException.class);
        }

        @Test
        @DisplayName("an address signed up and never confirmed is held 7 days; then a new sign-up takes it over and the old links stop working")
        void anExpiredPendingAccountIsTakenOver() {
            String victim = newEmail();
            User squatter = h.accounts.signUp(victim, "the intruder's password", "Intruder");
            String squattersLink = tokenOf(h.lastMail(victim, 1));

            h.clock.advance(Accounts.DEFAULT_PENDING_ACCOUNT_TTL.minusSeconds(1));
            assertThatThrownBy(() -> h.accounts.signUp(victim, "the owner's own password", "Owner"))
                    .isInstanceOf(ConflictException.class);
            h.clock.advance(Duration.ofSeconds(1));
            User owner = h.accounts.signUp(victim, "the owner's own password", "Owner");

            assertThat(owner.id()).isEqualTo(squatter.id());
            assertThat(owner.displayName()).isEqualTo("Owner");
            assertThat(owner.createdAt()).isEqualTo(h.clock.instant());
            assertThatThrownBy(() -> h.accounts.confirmEmail(squattersLink)).isInstanceOf(TokenRejectedException.class);
            h.accounts.confirmEmail(tokenOf(h.lastMail(victim, 2)));
            assertThat(h.accounts.signIn(victim, "the owner's own password").accessToken()).isNotBlank();
            assertThatThrownBy(() -> h.accounts.signIn(victim, "the intruder's password"))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThatThrownBy(() -> h.accounts.signUp(victim, "the intruder's password", "Intruder"))
                    .as("a confirmed account is never taken over").isInstanceOf(ConflictException.class);
            h.clock.advance(Accounts.DEFAULT_PENDING_ACCOUNT_TTL.multipliedBy(2));
            assertThatThrownBy(() -> h.accounts.signUp(victim, "the intruder's password", "Intruder"))
                    .as("however old").isInstanceOf(ConflictException.class);
        }

        @Test
        @DisplayName("a take-over voids the links mailed before it, even those not yet expired")
        void aTakeOverVoidsEarlierLinks() {
            Harness quick = new Harness(smtp, b -> b.pendingAccountTtl(Accounts.DEFAULT_CONFIRMATION_TTL));
            String email = newEmail();
            quick.accounts.signUp(email, "the intruder's password", "Intruder");
            String earlier = tokenOf(quick.lastMail(email, 1));
            quick.clock.advance(Accounts.DEFAULT_CONFIRMATION_TTL);

            quick.accounts.signUp(email, "the owner's own password", "Owner");

            assertRejected(() -> quick.accounts.confirmEmail(earlier), Reason.ALREADY_USED);
            assertThat(quick.accounts.confirmEmail(tokenOf(quick.lastMail(email, 2))).displayName()).isEqualTo("Owner");
        }

        @Test
        @DisplayName("a pending account's own password cannot confirm it without the mail: changing it leaves the account pending")
        void changingThePasswordDoesNotConfirm() {
            String email = newEmail();
            User pending = h.accounts.signUp(email, PASSWORD, "Ann");

            h.accounts.changePassword(pending.id(), PASSWORD, "another good passphrase");

            assertThat(h.users.findById(pending.id()).orElseThrow().status()).isEqualTo(UserStatus.PENDING);
        }

        @Test
        @DisplayName("resending to an active or unknown address sends nothing and says nothing")
        void resendNothing() {
            String active = newEmail();
            h.activeUser(active);
            String unknown = newEmail();
            h.accounts.resendConfirmation(active);
            h.accounts.resendConfirmation(unknown);
            assertThat(h.smtp.messagesFor(active)).hasSize(1);
            assertThat(h.smtp.messagesFor(unknown)).isEmpty();
        }

        @Test
        @DisplayName("a second sign-up with the same email, in any case, is a conflict")
        void duplicate() {
            String email = newEmail();
            h.accounts.signUp(email, PASSWORD, "Ann");
            assertThatThrownBy(() -> h.accounts.signUp(email.toUpperCase(), PASSWORD, "Other Ann"))
                    .isInstanceOf(ConflictException.class);
        }

        @Test
        @DisplayName("one account per mailbox: spaces of any kind around it, or the domain in Unicode or punycode, are the same address")
        void oneAccountPerMailbox() {
            String local = "ann" + java.util.UUID.randomUUID().toString().substring(0, 8);
            User ann = h.accounts.signUp(local + "@bücher.example", PASSWORD, "Ann");
            assertThat(ann.email()).isEqualTo(local + "@xn--bcher-kva.example");
            for (String same : List.of(local + "@xn--bcher-kva.example", local + "@BÜCHER.example",
                    local + "@bücher.example\u00A0", "\u3000" + local + "@bücher.example", " " + local + "@bu\u0308cher.example")) {
                assertThatThrownBy(() -> h.accounts.signUp(same, PASSWORD, "Other Ann")).as(same)
                        .isInstanceOf(ConflictException.class);
            }
        }

        @Test
        @DisplayName("an address with a character no one can see is refused, wherever the character is")
        void invisibleCharacters() {
            String email = newEmail();
            int at = email.indexOf('@');
            for (String invisible : List.of("\u200B", "\u00AD", "\u200E", "\u2060", "\uFEFF", "\u202E")) {
                for (String spelled : List.of(email.substring(0, 1) + invisible + email.substring(1),
                        email.substring(0, at + 1) + invisible + email.substring(at + 1), email + invisible)) {
                    assertThatThrownBy(() -> h.accounts.signUp(spelled, PASSWORD, "Ann")).as(spelled)
                            .isInstanceOfSatisfying(InvalidInputException.class,
                                    e -> assertThat(e.field()).isEqualTo("email"));
                }
            }
            assertThat(h.users.findByEmail(email)).isEmpty();
            assertThatThrownBy(() -> h.accounts.signUp("ann@exa mple.test", PASSWORD, "Ann"))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> h.accounts.signUp("ann@-bad-.example", PASSWORD, "Ann"))
                    .isInstanceOf(InvalidInputException.class);
        }

        @Test
        @DisplayName("bad input is refused before anything is stored or sent")
        void badInput() {
            String email = newEmail();
            assertThatThrownBy(() -> h.accounts.signUp("not-an-email", PASSWORD, "Ann"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("email"));
            assertThatThrownBy(() -> h.accounts.signUp(email, "short", "Ann"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("password"));
            assertThatThrownBy(() -> h.accounts.signUp(email, email, "Ann")).hasMessageContaining("must not be the email");
            assertThatThrownBy(() -> h.accounts.signUp(email, PASSWORD, " "))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("displayName"));
            assertThatThrownBy(() -> h.accounts.signUp(email, PASSWORD, "Ann \uD83D"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("displayName"));
            assertThat(h.users.findByEmail(email)).isEmpty();
            assertThat(h.smtp.messagesFor(email)).isEmpty();
        }

        @Test
        @DisplayName("a reset token cannot confirm an email")
        void wrongPurpose() {
            String email = newEmail();
            h.activeUser(email);
            h.accounts.requestPasswordReset(email);
            String reset = tokenOf(h.lastMail(email, 2));
            assertRejected(() -> h.accounts.confirmEmail(reset), Reason.WRONG_PURPOSE);
            assertRejected(() -> h.accounts.authenticate(reset), Reason.WRONG_PURPOSE);
        }
    }

    @Nested
    @DisplayName("refresh sessions")
    class Refresh {

        @Test
        @DisplayName("a refresh rotates the token; the old one no longer works and its reuse revokes the session")
        void rotationAndReuse() {
            String email = newEmail();
            h.activeUser(email);
            AuthTokens first = h.accounts.signIn(email, PASSWORD);
            h.clock.advance(Duration.ofMinutes(4));
            AuthTokens second = h.accounts.refresh(first.refreshToken());
            assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
            assertThat(second.refreshTokenExpiresAt()).isEqualTo(first.refreshTokenExpiresAt());
            assertThat(h.accounts.authenticate(second.accessToken()).email()).isEqualTo(email);

            assertRejected(() -> h.accounts.refresh(first.refreshToken()), Reason.REUSED);
            assertRejected(() -> h.accounts.refresh(second.refreshToken()), Reason.REVOKED);
        }

        @Test
        @DisplayName("only the SHA-256 of a refresh token is stored")
        void hashStored() {
            String email = newEmail();
            h.activeUser(email);
            AuthTokens tokens = h.accounts.signIn(email, PASSWORD);
            assertThat(h.sessions.findByTokenHash(tokens.refreshToken())).isEmpty();
            assertThat(h.sessions.findByTokenHash(Digests.tokenHash(tokens.refreshToken()))).isPresent();
            assertThat(tokens.refreshToken()).hasSize(43);
        }

        @Test
        @DisplayName("a session ends 30 days after its sign-in; an unknown token is refused")
        void expiryAndUnknown() {
            String email = newEmail();
            h.activeUser(email);
            AuthTokens tokens = h.accounts.signIn(email, PASSWORD);
            assertRejected(() -> h.accounts.refresh(Digests.randomToken()), Reason.UNKNOWN);
            h.clock.advance(Duration.ofDays(30));
            assertRejected(() -> h.accounts.refresh(tokens.refreshToken()), Reason.EXPIRED);
        }

        @Test
        @DisplayName("an access token expires after 5 minutes")
        void accessExpiry() {
            String email = newEmail();
            h.activeUser(email);
            AuthTokens tokens = h.accounts.signIn(email, PASSWORD);
            h.clock.advance(Duration.ofMinutes(5).plus(TokenService.DEFAULT_CLOCK_SKEW));
            assertRejected(() -> h.accounts.authenticate(tokens.accessToken()), Reason.EXPIRED);
        }

        @Test
        @DisplayName("sign-out ends one sign-in; sign-out everywhere ends them all")
        void signOut() {
            String email = newEmail();
            User ann = h.activeUser(email);
            AuthTokens phone = h.accounts.signIn(email, PASSWORD);
            AuthTokens laptop = h.accounts.signIn(email, PASSWORD);
            AuthTokens tablet = h.accounts.signIn(email, PASSWORD);

            h.accounts.signOut(phone.refreshToken());
            h.accounts.signOut(phone.refreshToken());
            assertRejected(() -> h.accounts.refresh(phone.refreshToken()), Reason.REVOKED);
            AuthTokens laptopAgain = h.accounts.refresh(laptop.refreshToken());

            h.accounts.signOutEverywhere(ann.id());
            assertRejected(() -> h.accounts.refresh(laptopAgain.refreshToken()), Reason.REVOKED);
            assertRejected(() -> h.accounts.refresh(tablet.refreshToken()), Reason.REVOKED);
        }
    }

    @Nested
    @DisplayName("passwords")
    class Passwords {

        @Test
        @DisplayName("a reset link from the mail sets a new password, works once, and signs out everywhere")
        void reset() throws Exception {
            String email = newEmail();
            h.activeUser(email);
            AuthTokens before = h.accounts.signIn(email, PASSWORD);

            h.accounts.requestPasswordReset(email.toUpperCase());
            MimeMessage mail = h.lastMail(email, 2);
            assertThat(mail.getContentType()).startsWith("multipart/alternative");
            assertThat(Harness.linkIn(mail)).startsWith(Harness.BASE_URL + "/reset-password?token=");
            assertThat(Harness.part(mail, "text/plain")).contains("1 hour");
            String token = tokenOf(mail);

            assertThatThrownBy(() -> h.accounts.resetPassword(token, "short")).isInstanceOf(InvalidInputException.class);
            h.accounts.resetPassword(token, "a brand new passphrase");

            assertRejected(() -> h.accounts.resetPassword(token, "yet another passphrase"), Reason.ALREADY_USED);
            assertRejected(() -> h.accounts.refresh(before.refreshToken()), Reason.REVOKED);
            assertThatThrownBy(() -> h.accounts.signIn(email, PASSWORD)).isInstanceOf(AuthenticationFailedException.class);
            assertThat(h.accounts.signIn(email, "a brand new passphrase").userId()).isNotNull();
        }

        @Test
        @DisplayName("a reset link expires after one hour")
        void resetExpires() {
            String email = newEmail();
            h.activeUser(email);
            h.accounts.requestPasswordReset(email);
            String token = tokenOf(h.lastMail(email, 2));
            h.clock.advance(Duration.ofHours(1).plus(TokenService.DEFAULT_CLOCK_SKEW));
            assertRejected(() -> h.accounts.resetPassword(token, "a brand new passphrase"), Reason.EXPIRED);
        }

        @Test
        @DisplayName("a reset for an unknown email answers the same and sends nothing")
        void resetUnknown() {
            String unknown = newEmail();
            h.accounts.requestPasswordReset(unknown);
            assertThat(h.smtp.messagesFor(unknown)).isEmpty();
        }

        @Test
        @DisplayName("with the default executor the reset mail is sent in the background, after the request returned")
        void resetInBackground(LocalSmtp.Server smtp) {
            HeldMailer held = new HeldMailer(Harness.smtpMailer(smtp));
            Harness background = new Harness(smtp, b -> b.mailExecutor(null).mailer(held));
            String email = newEmail();
            background.activeUser(email);

            // While held, a mail sent by the request itself fails it, and one the request waits for never comes.
            held.hold();
            background.accounts.requestPasswordReset(email);
            held.release();

            String token = tokenOf(background.lastMail(email, 2));
            assertThat(held.senders()).hasSize(2).last().asString().startsWith("gallerykit-mail");
            background.accounts.resetPassword(token, "a brand new passphrase");
        }

        @Test
        @DisplayName("changing the password needs the current one and signs out everywhere")
        void change() {
            String email = newEmail();
            User ann = h.activeUser(email);
            AuthTokens session = h.accounts.signIn(email, PASSWORD);
            assertThatThrownBy(() -> h.accounts.changePassword(ann.id(), "not my password", "a brand new passphrase"))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThat(h.users.findById(ann.id()).orElseThrow().failedSignIns()).isEqualTo(1);

            h.accounts.changePassword(ann.id(), PASSWORD, "a brand new passphrase");
            assertRejected(() -> h.accounts.refresh(session.refreshToken()), Reason.REVOKED);
            assertThat(h.accounts.signIn(email, "a brand new passphrase").userId()).isEqualTo(ann.id());
            assertThat(h.users.findById(ann.id()).orElseThrow().failedSignIns()).isZero();
        }

        @Test
        @DisplayName("the longest password a policy allows, 4096 emoji, signs up and signs in; a longer one is refused")
        void longestPassword() {
            Accounts roomy = Accounts.builder().gallery(h.gallery).users(h.users).sessions(h.sessions).mailer(h.mailer)
                    .tokens(h.tokens).clock(h.clock).links(Harness.BASE_URL).passwordHasher(PasswordHasher.withCost(10))
                    .passwordPolicy(PasswordPolicy.builder().maxLength(4096).build()).mailExecutor(Runnable::run).build();
            String email = newEmail();
            String longest = "\uD83D\uDE00".repeat(4096);
            assertThat(longest).hasSize(8192);
            roomy.signUp(email, longest, "Ann");
            roomy.confirmEmail(tokenOf(h.lastMail(email, 1)));

            assertThat(roomy.signIn(email, longest).accessToken()).isNotBlank();
            assertThatThrownBy(() -> roomy.signIn(email, longest + "x".repeat(8192)))
                    .isInstanceOf(AuthenticationFailedException.class);
        }

        @Test
        @DisplayName("a successful sign-in rehashes a password hashed with another cost")
        void rehash() {
            String email = newEmail();
            h.activeUser(email);
            Accounts stronger = Accounts.builder().gallery(h.gallery).users(h.users).sessions(h.sessions).mailer(h.mailer)
                    .tokens(h.tokens).clock(h.clock).links(Harness.BASE_URL).bcryptCost(11).build();
            assertThat(h.users.findByEmail(email).orElseThrow().passwordHash()).startsWith("$2b$10$");
            stronger.signIn(email, PASSWORD);
            assertThat(h.users.findByEmail(email).orElseThrow().passwordHash()).startsWith("$2b$11$");
            assertThat(stronger.signIn(email, PASSWORD).userId()).isNotNull();
        }
    }

    @Nested
    @DisplayName("profile")
    class Profile {

        @Test
        @DisplayName("a new display name applies at once; a new email only once its link is opened")
        void changeEmail() throws Exception {
            String old = newEmail();
            String fresh = newEmail();
            User ann = h.activeUser(old);

            User renamed = h.accounts.updateProfile(ann.id(), ProfileUpdate.displayName("Ann B.").withEmail(fresh.toUpperCase()));
            assertThat(renamed.displayName()).isEqualTo("Ann B.");
            assertThat(renamed.email()).isEqualTo(old);
            assertThat(h.users.findByEmail(fresh)).isEmpty();

            MimeMessage mail = h.lastMail(fresh, 1);
            assertThat(mail.getSubject()).isEqualTo("Confirm your new email address for Photos");
            assertThat(h.smtp.messagesFor(old)).hasSize(1);
            String token = tokenOf(mail);
            User moved = h.accounts.confirmEmail(token);
            assertThat(moved.email()).isEqualTo(fresh);
            assertThat(h.accounts.signIn(fresh, PASSWORD).userId()).isEqualTo(ann.id());
            assertThatThrownBy(() -> h.accounts.signIn(old, PASSWORD)).hasMessage(Accounts.SIGN_IN_FAILED);
            assertRejected(() -> h.accounts.confirmEmail(token), Reason.ALREADY_USED);
        }

        @Test
        @DisplayName("after moving A -> B and back B -> A, the first A -> B link does not work again")
        void emailChangeLinksCannotBeReplayed() throws Exception {
            String a = newEmail();
            String b = newEmail();
            User ann = h.activeUser(a);
            h.accounts.updateProfile(ann.id(), ProfileUpdate.email(b));
            String toB = tokenOf(h.lastMail(b, 1));
            h.accounts.confirmEmail(toB);
            // The clock stands still: nothing but the account's own state tells the two moves apart.
            h.accounts.updateProfile(ann.id(), ProfileUpdate.email(a));
            h.accounts.confirmEmail(tokenOf(h.lastMail(a, 2)));
            assertThat(h.users.findById(ann.id()).orElseThrow().email()).isEqualTo(a);

            assertRejected(() -> h.accounts.confirmEmail(toB), Reason.ALREADY_USED);
            assertThat(h.users.findById(ann.id()).orElseThrow().email()).isEqualTo(a);
        }

        @Test
        @DisplayName("an email already registered is a conflict, and nothing is mailed")
        void emailTaken() {
            String taken = newEmail();
            h.activeUser(taken);
            User bob = h.activeUser(newEmail());
            assertThatThrownBy(() -> h.accounts.updateProfile(bob.id(), ProfileUpdate.email(taken)))
                    .isInstanceOf(ConflictException.class);
            assertThat(h.smtp.messagesFor(taken)).hasSize(1);
        }
    }

    @Nested
    @DisplayName("account deletion")
    class Deletion {

        @Test
        @DisplayName("deleting an account leaves none of its albums, photos, blobs or sessions, and nobody else's is touched")
        void deleteEverything() throws Exception {
            String email = newEmail();
            User ann = h.activeUser(email);
            User bob = h.activeUser(newEmail());
            AuthTokens session = h.accounts.signIn(email, PASSWORD);
            Album trip = h.gallery.albums().create(ann.id(), "Paris", "");
            Album other = h.gallery.albums().create(ann.id(), "Lisbon", "");
            for (Fixture photo : new Fixture[] {PhotoFixtures.aJpegWithExif(), PhotoFixtures.aPng(320, 200)}) {
                h.gallery.photos().upload(ann.id(), trip.id(), Upload.of(photo.stream(), photo.fileName()));
            }
            h.gallery.photos().upload(ann.id(), other.id(), Upload.of(PhotoFixtures.aJpeg().stream(), "x.jpg"));
            Album bobs = h.gallery.albums().create(bob.id(), "Bob's", "");
            h.gallery.photos().upload(bob.id(), bobs.id(), Upload.of(PhotoFixtures.aJpeg().stream(), "b.jpg"));
            assertThat(h.blobs.list(ann.id() + "/", 100, Optional.empty()).items()).isNotEmpty();

            assertThatThrownBy(() -> h.accounts.deleteAccount(ann.id(), "not my password"))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThat(h.users.findById(ann.id())).isPresent();

            h.accounts.deleteAccount(ann.id(), PASSWORD);

            assertThat(h.users.findById(ann.id())).isEmpty();
            assertThat(h.users.findByEmail(email)).isEmpty();
            assertThat(h.gallery.albums().list(ann.id(), PageRequest.first(10)).items()).isEmpty();
            assertThat(h.albums.list(ann.id(), 10, Optional.empty()).items()).isEmpty();
            assertThat(h.blobs.list(ann.id() + "/", 100, Optional.empty()).items()).isEmpty();
            assertThat(h.sessions.findByTokenHash(Digests.tokenHash(session.refreshToken()))).isEmpty();
            assertRejected(() -> h.accounts.refresh(session.refreshToken()), Reason.UNKNOWN);
            assertRejected(() -> h.accounts.authenticate(session.accessToken()), Reason.ACCOUNT_UNAVAILABLE);

            assertThat(h.gallery.photos().list(bob.id(), bobs.id(), PageRequest.first(10)).items()).hasSize(1);
            assertThat(h.blobs.list(bob.id() + "/", 100, Optional.empty()).items()).isNotEmpty();

            assertThat(h.events).filteredOn(e -> e.userId().equals(ann.id())).extracting(GalleryEvent::type)
                    .startsWith(GalleryEvent.Type.ACCOUNT_CREATED).endsWith(GalleryEvent.Type.ACCOUNT_DELETED)
                    .filteredOn(t -> t == GalleryEvent.Type.ACCOUNT_CREATED || t == GalleryEvent.Type.ACCOUNT_DELETED)
                    .hasSize(2);
            assertThatThrownBy(() -> h.gallery.albums().create(ann.id(), "After", ""))
                    .as("no album for a deleted account").isInstanceOf(NotFoundException.class).hasMessageContaining("user");
            assertThat(h.albums.list(ann.id(), 10, Optional.empty()).items()).isEmpty();
        }

        @Test
        @DisplayName("albums created while the account is deleted are all gone afterwards: none outlives the purge")
        void albumsRacingTheDeletion() throws Exception {
            for (int round = 0; round < 20; round++) {
                String email = newEmail();
                User ann = h.activeUser(email);
                ExecutorService pool = Executors.newFixedThreadPool(4);
                try {
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<Integer>> creators = new ArrayList<>();
                    for (int t = 0; t < 3; t++) {
                        creators.add(pool.submit(() -> {
                            start.await();
                            int created = 0;
                            for (int i = 0; i < 30; i++) {
                                try {
                                    h.gallery.albums().create(ann.id(), "Album " + i, "");
                                    created++;
                                } catch (NotFoundException refused) {
                                    return created;
                                }
                            }
                            return created;
                        }));
                    }
                    Future<?> deletion = pool.submit(() -> {
                        start.await();
                        h.accounts.deleteAccount(ann.id(), PASSWORD);
                        return null;
                    });
                    start.countDown();
                    deletion.get();
                    for (Future<Integer> creator : creators) {
                        creator.get();
                    }
                } finally {
                    pool.shutdownNow();
                }

                assertThat(h.users.findById(ann.id())).isEmpty();
                assertThat(h.albums.list(ann.id(), 10, Optional.empty()).items()).as("round %d", round).isEmpty();
            }
        }

        @Test
        @DisplayName("an account an operator disables stops authenticating at once, its access token unexpired")
        void disabledAccount() {
            String email = newEmail();
            User ann = h.activeUser(email);
            AuthTokens session = h.accounts.signIn(email, PASSWORD);
            assertThat(h.accounts.authenticate(session.accessToken()).userId()).isEqualTo(ann.id());

            User stored = h.users.findById(ann.id()).orElseThrow();
            h.users.update(stored.withStatus(UserStatus.DISABLED, h.clock.instant()));

            assertRejected(() -> h.accounts.authenticate(session.accessToken()), Reason.ACCOUNT_UNAVAILABLE);
        }
    }

    static void assertRejected(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TokenRejectedException.class,
                e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    }
}
