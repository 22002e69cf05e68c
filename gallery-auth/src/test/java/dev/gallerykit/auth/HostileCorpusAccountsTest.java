package dev.gallerykit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.gallerykit.auth.TokenRejectedException.Reason;
import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.local.LocalSmtp;
import dev.gallerykit.spi.UserRepository;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The account part of the hostile-input corpus, through {@link Accounts}: malformed and confusable
 * emails are refused naming the problem (or, for another spelling of a registered mailbox, as a
 * conflict), with no user created and no mail sent; tampered and foreign tokens are refused with a
 * {@link TokenRejectedException} naming the reason, with no session started and the user unchanged.
 */
@DisplayName("Hostile account input")
@ExtendWith(LocalSmtp.class)
class HostileCorpusAccountsTest {

    private static final String EMAIL_INVISIBLE = "contains an invisible or unassigned character";
    private static final String EMAIL_CHARACTER = "contains a character addresses cannot have";
    private static final String NOT_AN_ADDRESS = "is not an email address";

    private LocalSmtp.Server smtp;
    private byte[] secret;
    private TokenService tokens;
    private UserRepository users;
    private Harness h;
    private final List<MailMessage> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger created = new AtomicInteger();

    @BeforeEach
    void theMailServer(LocalSmtp.Server server) {
        smtp = server;
    }

    /** New stores, counters and accounts: each dynamic test starts from nothing. */
    private void fresh() {
        secret = Harness.randomBytes(32);
        tokens = TokenService.builder().issuer("https://photos.example.test").audience("photos-web").hmacSecret(secret).build();
        users = new dev.gallerykit.memory.InMemoryUserRepository();
        sent.clear();
        created.set(0);
        Mailer smtpMailer = Harness.smtpMailer(smtp);
        h = new Harness(smtp, builder -> builder
                .mailer(message -> {
                    sent.add(message);
                    smtpMailer.send(message);
                })
                .users(new CountingUsers(users, created))
                .tokens(tokens));
    }

    // ------------------------------------------------------------------------------------ emails

    @TestFactory
    Stream<DynamicTest> malformedEmails() {
        return Stream.of(
                malformed("an empty address", "", "email is missing"),
                malformed("an address without '@'", "plainaddress", NOT_AN_ADDRESS),
                malformed("an address with two '@'", "a@b@example.test", NOT_AN_ADDRESS),
                malformed("nothing before '@'", "@example.test", NOT_AN_ADDRESS),
                malformed("nothing after '@'", "user@", NOT_AN_ADDRESS),
                malformed("a domain without a dot", "user@localhost", NOT_AN_ADDRESS),
                malformed("two dots in a row", "user..name@example.test", NOT_AN_ADDRESS),
                malformed("a domain ending in a dot", "user@example.test.", NOT_AN_ADDRESS),
                malformed("a domain label starting with a hyphen", "user@-example.test", "has a domain that is not a valid domain name"),
                malformed("a double quote", "a\"b@example.test", EMAIL_CHARACTER),
                malformed("a space inside", "user@exa mple.test", EMAIL_CHARACTER),
                malformed("angle brackets (a display-name form)", "Eve <eve@example.test>", EMAIL_CHARACTER),
                malformed("a line break and a Bcc header (header injection)", "eve@example.test\r\nBcc: all@example.test",
                        NOT_AN_ADDRESS),
                malformed("a carriage return inside", "eve\r@example.test", EMAIL_INVISIBLE + " (U+000D)"),
                malformed("a NUL", "eve\u0000@example.test", EMAIL_INVISIBLE + " (U+0000)"),
                malformed("half a surrogate pair", "eve\uD800@example.test", EMAIL_INVISIBLE + " (U+D800)"),
                malformed("a local part of 65 characters", "l".repeat(65) + "@example.test", "longer than 64 characters"),
                malformed("5000 characters", "l".repeat(4_988) + "@example.test", "is longer than 254 characters"));
    }

    private DynamicTest malformed(String what, String email, String message) {
        return DynamicTest.dynamicTest("sign-up with " + what + " is refused naming the problem; no user, no mail", () -> {
            fresh();
            assertThatThrownBy(() -> h.accounts.signUp(email, Harness.PASSWORD, "Eve"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("email"))
                    .hasMessageContaining(message);
            assertNothingWritten();
        });
    }

    @TestFactory
    Stream<DynamicTest> confusableEmails() {
        return Stream.of(
                confusable("the address in capitals", "ann@example.test", "ANN@EXAMPLE.TEST", null),
                confusable("a trailing no-break space", "ann@example.test", "ann@example.test\u00A0", null),
                confusable("a leading ideographic space", "ann@example.test", "\u3000ann@example.test", null),
                confusable("a zero-width space", "ann@example.test", "ann\u200B@example.test", EMAIL_INVISIBLE + " (U+200B)"),
                confusable("a soft hyphen", "ann@example.test", "an\u00ADn@example.test", EMAIL_INVISIBLE + " (U+00AD)"),
                confusable("a left-to-right mark", "ann@example.test", "\u200Eann@example.test", EMAIL_INVISIBLE + " (U+200E)"),
                confusable("a right-to-left override", "ann@example.test", "ann@\u202Etset.elpmaxe", EMAIL_INVISIBLE + " (U+202E)"),
                confusable("a zero-width joiner in the domain", "ann@example.test", "ann@exam\u200Dple.test", EMAIL_INVISIBLE + " (U+200D)"),
                confusable("a byte-order mark", "ann@example.test", "\uFEFFann@example.test", EMAIL_INVISIBLE + " (U+FEFF)"),
                confusable("an IDN domain against its punycode", "ann@bücher.example", "ann@xn--bcher-kva.example", null),
                confusable("a punycode domain against its IDN", "ann@xn--bcher-kva.example", "ANN@BÜCHER.EXAMPLE", null),
                confusable("a full-width domain", "ann@example.test", "ann@ｅｘａｍｐｌｅ.test", null),
                confusable("an ideographic full stop in the domain", "ann@example.test", "ann@example\u3002test", null),
                confusable("a decomposed é against the composed one", "jos\u00E9@example.test", "jose\u0301@example.test", null));
    }

    /**
     * {@code victim} is registered; signing up {@code spelling} must not create a second account for
     * that mailbox: refused as invisible characters ({@code invalid} says how), or as a conflict.
     */
    private DynamicTest confusable(String what, String victim, String spelling, String invalid) {
        return DynamicTest.dynamicTest("sign-up with " + what + " gives no second account for the mailbox", () -> {
            fresh();
            User registered = h.accounts.signUp(victim, Harness.PASSWORD, "Ann");
            sent.clear();
            created.set(0);
            if (invalid == null) {
                assertThatThrownBy(() -> h.accounts.signUp(spelling, "another password entirely", "Eve"))
                        .isInstanceOf(ConflictException.class).hasMessageContaining("already registered");
            } else {
                assertThatThrownBy(() -> h.accounts.signUp(spelling, "another password entirely", "Eve"))
                        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("email"))
                        .hasMessageContaining(invalid);
            }
            assertNothingWritten();
            assertThat(users.findById(registered.id())).contains(registered);
        });
    }

    private void assertNothingWritten() {
        assertThat(created).as("users created").hasValue(0);
        assertThat(sent).as("mails sent").isEmpty();
    }

    // ------------------------------------------------------------------------------------ tokens

    @TestFactory
    Stream<DynamicTest> hostileAccessTokens() {
        return Stream.of(
                access("an unsigned copy of the token (alg none)", Reason.UNSIGNED, (t, s) -> unsigned(t)),
                access("the token re-signed with another secret", Reason.BAD_SIGNATURE, (t, s) -> resigned(t, Harness.randomBytes(32))),
                access("the payload changed to name Bob", Reason.BAD_SIGNATURE, (t, s) -> withSubject(t, s.bob)),
                access("the signature cut off", Reason.MALFORMED, (t, s) -> t.substring(0, t.lastIndexOf('.') + 1)),
                access("the token cut in the middle of its payload", Reason.MALFORMED, (t, s) -> t.substring(0, t.indexOf('.') + 10)),
                access("a valid header over base64 garbage", Reason.BAD_SIGNATURE, (t, s) -> "eyJhbGciOiJIUzI1NiJ9.!!!.???"),
                access("10000 characters", Reason.MALFORMED, (t, s) -> "a".repeat(10_000)),
                access("a token of another issuer, with the same secret", Reason.WRONG_ISSUER,
                        (t, s) -> s.foreign("https://evil.example", "photos-web").issue(Purpose.ACCESS, s.ann, s.now(), Duration.ofMinutes(5),
                                Map.of("email", s.email))),
                access("a token for another audience, with the same secret", Reason.WRONG_AUDIENCE,
                        (t, s) -> s.foreign("https://photos.example.test", "admin-console").issue(Purpose.ACCESS, s.ann, s.now(),
                                Duration.ofMinutes(5), Map.of("email", s.email))),
                access("a reset token presented as an access token", Reason.WRONG_PURPOSE,
                        (t, s) -> tokens.issue(Purpose.RESET_PASSWORD, s.ann, s.now(), Duration.ofHours(1), Map.of())),
                access("the token signed HS512 with the right secret", Reason.WRONG_ALGORITHM, (t, s) -> hs512(t)),
                access("the token after its five minutes", Reason.EXPIRED, (t, s) -> {
                    h.clock.advance(Duration.ofMinutes(6));
                    return t;
                }),
                access("the token of an account deleted since", Reason.ACCOUNT_UNAVAILABLE, (t, s) -> {
                    h.accounts.deleteAccount(s.ann, Harness.PASSWORD);
                    return t;
                }));
    }

    @TestFactory
    Stream<DynamicTest> hostileLinkAndRefreshTokens() {
        return Stream.of(
                DynamicTest.dynamicTest("an access token presented as a confirmation link is refused (wrong purpose)", () -> {
                    Scene s = scene();
                    assertRejected(() -> h.accounts.confirmEmail(s.tokens.accessToken()), Reason.WRONG_PURPOSE);
                }),
                DynamicTest.dynamicTest("a reset link with its signature cut is refused; the password stays", () -> {
                    Scene s = scene();
                    String reset = tokens.issue(Purpose.RESET_PASSWORD, s.ann, s.now(), Duration.ofHours(1), Map.of());
                    assertRejected(() -> h.accounts.resetPassword(reset.substring(0, reset.lastIndexOf('.') + 1), "a brand new password"),
                            Reason.MALFORMED);
                    assertThat(h.accounts.signIn(s.email, Harness.PASSWORD).userId()).isEqualTo(s.ann);
                }),
                DynamicTest.dynamicTest("a refresh token with one character changed is refused; no session starts", () -> {
                    Scene s = scene();
                    String refresh = s.tokens.refreshToken();
                    String changed = refresh.substring(0, refresh.length() - 2) + (refresh.charAt(refresh.length() - 2) == 'A' ? 'B' : 'A')
                            + refresh.charAt(refresh.length() - 1);
                    assertThatThrownBy(() -> h.accounts.refresh(changed)).isInstanceOf(TokenRejectedException.class);
                    assertThat(h.accounts.refresh(refresh).userId()).as("the real token still works").isEqualTo(s.ann);
                }),
                DynamicTest.dynamicTest("garbage as a refresh token is refused", () -> {
                    scene();
                    assertThatThrownBy(() -> h.accounts.refresh("not-a-refresh-token")).isInstanceOf(TokenRejectedException.class)
                            .hasMessageStartingWith("token ");
                }));
    }

    /** A token an attacker makes from Ann's real access token ({@code t}) and what he knows ({@code s}). */
    @FunctionalInterface
    private interface Forgery {
        String make(String token, Scene scene) throws Exception;
    }

    private DynamicTest access(String what, Reason reason, Forgery forgery) {
        return DynamicTest.dynamicTest("authenticate with " + what + " is refused: " + reason, () -> {
            Scene s = scene();
            String forged = forgery.make(s.tokens.accessToken(), s);
            Optional<User> before = users.findById(s.ann);
            assertRejected(() -> h.accounts.authenticate(forged), reason);
            assertThat(users.findById(s.ann)).isEqualTo(before);
            assertThat(users.findById(s.bob)).as("Bob's account").isPresent();
        });
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TokenRejectedException.class,
                e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason)).hasMessageContaining(reason.description());
    }

    /** Ann and Bob, active; Ann signed in. */
    private Scene scene() {
        fresh();
        String email = Harness.newEmail();
        UserId ann = h.activeUser(email).id();
        UserId bob = h.activeUser(Harness.newEmail()).id();
        return new Scene(email, ann, bob, h.accounts.signIn(email, Harness.PASSWORD));
    }

    private final class Scene {
        final String email;
        final UserId ann;
        final UserId bob;
        final AuthTokens tokens;

        Scene(String email, UserId ann, UserId bob, AuthTokens tokens) {
            this.email = email;
            this.ann = ann;
            this.bob = bob;
            this.tokens = tokens;
        }

        java.time.Instant now() {
            return h.clock.instant();
        }

        /** A service of another app that happens to share the secret. */
        TokenService foreign(String issuer, String audience) {
            return TokenService.builder().issuer(issuer).audience(audience).hmacSecret(secret()).build();
        }
    }

    private byte[] secret() {
        return secret.clone();
    }

    private static JWTClaimsSet claims(String token) throws ParseException {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }

    private static String unsigned(String token) throws ParseException {
        return new PlainJWT(claims(token)).serialize();
    }

    private static String resigned(String token, byte[] secret) throws ParseException, JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(token));
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    private String hs512(String token) throws ParseException, JOSEException {
        byte[] secret = secret();
        byte[] longer = new byte[64];
        System.arraycopy(secret, 0, longer, 0, secret.length);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), claims(token));
        jwt.sign(new MACSigner(secret.length >= 64 ? secret : longer));
        return jwt.serialize();
    }

    /** The original header and signature around a payload that names {@code subject}. */
    private static String withSubject(String token, UserId subject) throws ParseException {
        String[] parts = token.split("\\.");
        JWTClaimsSet forged = new JWTClaimsSet.Builder(claims(token)).subject(subject.toString()).build();
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.toString().getBytes(
                java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** Passes every call on, counting the users created. */
    private static final class CountingUsers implements UserRepository {
        private final UserRepository next;
        private final AtomicInteger created;

        CountingUsers(UserRepository next, AtomicInteger created) {
            this.next = next;
            this.created = created;
        }

        @Override
        public User create(User user) {
            User made = next.create(user);
            created.incrementAndGet();
            return made;
        }

        @Override
        public Optional<User> findById(UserId id) {
            return next.findById(id);
        }

        @Override
        public Optional<User> findByEmail(String email) {
            return next.findByEmail(email);
        }

        @Override
        public User update(User user) {
            return next.update(user);
        }

        @Override
        public void delete(UserId id) {
            next.delete(id);
        }
    }
}
