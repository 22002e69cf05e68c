package dev.gallerykit.auth;

import dev.gallerykit.Gallery;
import dev.gallerykit.auth.PasswordHasher.Verification;
import dev.gallerykit.auth.TokenRejectedException.Reason;
import dev.gallerykit.auth.TokenService.VerifiedToken;
import dev.gallerykit.domain.IdGenerator;
import dev.gallerykit.domain.Session;
import dev.gallerykit.domain.SessionId;
import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.domain.UserStatus;
import dev.gallerykit.error.AuthenticationFailedException;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.spi.UserRepository;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts: sign-up with email confirmation, sign-in with lock-out, JWT access tokens with rotating
 * refresh sessions, password reset and change, profile updates and account deletion. Thread-safe;
 * build one and share it.
 *
 * <pre>{@code
 * Accounts accounts = Accounts.builder()
 *         .gallery(gallery)
 *         .users(users).sessions(sessions)
 *         .mailer(SmtpMailer.builder().host("smtp.example.com").from("no-reply@example.com").build())
 *         .tokens(TokenService.builder().issuer("https://photos.example.com").audience("photos-web")
 *                 .hmacSecret(secret).build())
 *         .links("https://photos.example.com/account")
 *         .build();
 *
 * accounts.signUp("ann@example.com", "correct horse battery staple", "Ann");
 * // ... Ann opens https://photos.example.com/account/confirm-email?token=...; the host calls:
 * accounts.confirmEmail(token);
 * AuthTokens tokens = accounts.signIn("ann@example.com", "correct horse battery staple");
 * Principal me = accounts.authenticate(tokens.accessToken());
 * }</pre>
 *
 * Errors never tell whether an email is registered, except where the caller is told anyway
 * (sign-up of a taken address). Failed sign-ins, unknown emails and locked accounts all raise an
 * {@link AuthenticationFailedException} with the message {@value #SIGN_IN_FAILED}, after the same
 * bcrypt work.
 */
public final class Accounts {

    public static final Duration DEFAULT_ACCESS_TOKEN_TTL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_REFRESH_TOKEN_TTL = Duration.ofDays(30);
    public static final Duration DEFAULT_CONFIRMATION_TTL = Duration.ofMinutes(10);
    public static final Duration DEFAULT_RESET_TTL = Duration.ofHours(1);
    /** Consecutive failures before the first lock-out (of one second). */
    public static final int LOCKOUT_THRESHOLD = 5;
    /** The longest lock-out: each further failure doubles it up to here. */
    public static final Duration MAX_LOCKOUT = Duration.ofMinutes(15);
    public static final String SIGN_IN_FAILED = "wrong email or password";

    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
    private static final int MAX_REFRESH_TOKEN_CHARS = 128;
    private static final int MAX_PASSWORD_CHARS_READ = 4096;
    private static final int UPDATE_ATTEMPTS = 3;

    private final Gallery gallery;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final Mailer mailer;
    private final TokenService tokens;
    private final Clock clock;
    private final IdGenerator ids;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final MailTemplates templates;
    private final String confirmLink;
    private final String resetLink;
    private final String appName;
    private final Executor mailExecutor;
    private final Duration accessTokenTtl;
    private final Duration refreshTokenTtl;
    private final Duration confirmationTtl;
    private final Duration resetTtl;

    private Accounts(Builder b) {
        this.gallery = b.gallery;
        this.users = b.users;
        this.sessions = b.sessions;
        this.mailer = b.mailer;
        this.tokens = b.tokens;
        this.clock = b.clock;
        this.ids = IdGenerator.timeOrdered(b.clock);
        this.hasher = b.hasher != null ? b.hasher : PasswordHasher.defaults();
        this.policy = b.policy;
        this.templates = b.templates;
        String base = b.links.replaceAll("/+$", "");
        this.confirmLink = base + "/confirm-email?token=";
        this.resetLink = base + "/reset-password?token=";
        this.appName = b.appName;
        this.mailExecutor = b.mailExecutor != null ? b.mailExecutor : DefaultMailExecutor.INSTANCE;
        this.accessTokenTtl = b.accessTokenTtl;
        this.refreshTokenTtl = b.refreshTokenTtl;
        this.confirmationTtl = b.confirmationTtl;
        this.resetTtl = b.resetTtl;
    }

    public static Builder builder() {
        return new Builder();
    }

    public TokenService tokens() {
        return tokens;
    }

    public PasswordHasher passwordHasher() {
        return hasher;
    }

    // ---------------------------------------------------------------- sign-up and confirmation

    /**
     * Creates a {@code PENDING} account and mails a confirmation link to it. The email is trimmed
     * and lower-cased.
     *
     * @throws InvalidInputException for a malformed email or display name, or a password the policy refuses
     * @throws ConflictException when the email is already registered
     * @throws MailDeliveryException when the mail could not be sent (the account exists; offer
     *         {@link #resendConfirmation})
     */
    public User signUp(String email, String password, String displayName) {
        String address = Inputs.email(email);
        String name = Inputs.displayName(displayName);
        policy.check(password, address);
        if (users.findByEmail(address).isPresent()) {
            throw new ConflictException("this email address is already registered");
        }
        Instant now = clock.instant();
        User user = users.create(new User(ids.nextUserId(), address, name, hasher.hash(password), UserStatus.PENDING,
                0, Optional.empty(), now, now, Optional.empty(), 0));
        mailer.send(confirmationMail(user, address, MailTemplates.Kind.CONFIRM_EMAIL, now));
        return user;
    }

    /**
     * Opens a confirmation link: activates a {@code PENDING} account, or switches an account to the
     * new email it asked for. Works once and until the link expires.
     *
     * @throws TokenRejectedException when the token is invalid, expired, made for something else or
     *         already used
     * @throws ConflictException when the new email was registered by someone else meanwhile
     */
    public User confirmEmail(String token) {
        Instant now = clock.instant();
        VerifiedToken verified = tokens.verify(token, Purpose.CONFIRM_EMAIL, now, TokenService.EMAIL, TokenService.BINDING);
        String target = verified.text(TokenService.EMAIL);
        String binding = verified.text(TokenService.BINDING);
        return updateUser(verified.subject(), () -> new TokenRejectedException(Reason.ACCOUNT_UNAVAILABLE), user -> {
            if (!binding.equals(confirmationBinding(user, target))) {
                throw new TokenRejectedException(Reason.ALREADY_USED);
            }
            if (user.status() == UserStatus.PENDING && user.emailKey().equals(User.emailKey(target))) {
                return user.withStatus(UserStatus.ACTIVE, now);
            }
            if (user.status() == UserStatus.ACTIVE && !user.emailKey().equals(User.emailKey(target))) {
                return user.withEmail(target, now);
            }
            throw new TokenRejectedException(Reason.ALREADY_USED);
        });
    }

    /**
     * Mails a fresh confirmation link if the email belongs to a {@code PENDING} account; does
     * nothing otherwise, and says nothing either way. The mail goes out on the mail executor.
     */
    public void resendConfirmation(String email) {
        String address = Inputs.email(email);
        Instant now = clock.instant();
        users.findByEmail(address)
                .filter(user -> user.status() == UserStatus.PENDING)
                .ifPresent(user -> sendLater(confirmationMail(user, user.email(), MailTemplates.Kind.CONFIRM_EMAIL, now)));
    }

    // ---------------------------------------------------------------- sign-in, refresh, sign-out

    /**
     * Signs in an {@code ACTIVE} account: a {@value #LOCKOUT_THRESHOLD}th consecutive failure locks
     * it for one second, each further failure doubles the lock up to {@link #MAX_LOCKOUT}; a
     * success clears the count. Rehashes the password when the bcrypt cost changed.
     *
     * @throws AuthenticationFailedException with {@value #SIGN_IN_FAILED} for an unknown email, a
     *         wrong password or a locked account; with a message of its own for a correct password
     *         on an unconfirmed or disabled account
     */
    public AuthTokens signIn(String email, String password) {
        Instant now = clock.instant();
        String secret = password == null ? "" : password;
        Optional<User> found = parseEmail(email).flatMap(users::findByEmail);
        if (found.isEmpty() || secret.length() > MAX_PASSWORD_CHARS_READ) {
            hasher.burn(secret);
            LOG.debug("sign-in refused: {}", found.isEmpty() ? "unknown email" : "password too long");
            throw new AuthenticationFailedException(SIGN_IN_FAILED);
        }
        User user = found.get();
        if (lockedAt(user, now)) {
            hasher.burn(secret);
            LOG.debug("sign-in refused: user {} is locked until {}", user.id(), user.lockedUntil().orElseThrow());
            throw new AuthenticationFailedException(SIGN_IN_FAILED);
        }
        Verification verification = hasher.verify(secret, user.passwordHash());
        if (!verification.matches()) {
            recordFailure(user.id(), now);
            throw new AuthenticationFailedException(SIGN_IN_FAILED);
        }
        if (user.status() == UserStatus.PENDING) {
            throw new AuthenticationFailedException("the email address of this account is not confirmed yet");
        }
        if (user.status() != UserStatus.ACTIVE) {
            throw new AuthenticationFailedException("this account is disabled");
        }
        User current = user;
        if (user.failedSignIns() > 0 || user.lockedUntil().isPresent() || verification.needsRehash()) {
            String newHash = verification.needsRehash() ? hasher.hash(secret) : null;
            current = updateUser(user.id(), () -> new AuthenticationFailedException(SIGN_IN_FAILED), u -> {
                User cleared = u.withSignInFailures(0, Optional.empty(), now);
                // Only replace the hash we verified; a concurrent password change wins.
                return newHash != null && u.passwordHash().equals(user.passwordHash())
                        ? cleared.withPasswordHash(newHash, now) : cleared;
            });
        }
        return startSession(current, now);
    }

    /**
     * Trades a refresh token for new tokens. The presented token stops working; presenting it again
     * revokes its whole session (every token of that sign-in), since it must have leaked. A session
     * lasts {@link Builder#refreshTokenTtl} from its sign-in: rotation does not extend it.
     *
     * @throws TokenRejectedException naming why: unknown, revoked, reused, expired, or the account is
     *         gone or no longer active
     */
    public AuthTokens refresh(String refreshToken) {
        Instant now = clock.instant();
        Session current = findSession(refreshToken)
                .orElseThrow(() -> new TokenRejectedException(Reason.UNKNOWN));
        if (current.revokedAt().isPresent()) {
            throw new TokenRejectedException(Reason.REVOKED);
        }
        if (current.rotatedAt().isPresent()) {
            sessions.revokeFamily(current.familyId(), now);
            LOG.warn("refresh token reuse for user {}: session {} revoked", current.userId(), current.familyId());
            throw new TokenRejectedException(Reason.REUSED);
        }
        if (!now.isBefore(current.expiresAt())) {
            throw new TokenRejectedException(Reason.EXPIRED, "at " + current.expiresAt());
        }
        Optional<User> user = users.findById(current.userId()).filter(u -> u.status() == UserStatus.ACTIVE);
        if (user.isEmpty()) {
            sessions.revokeFamily(current.familyId(), now);
            throw new TokenRejectedException(Reason.ACCOUNT_UNAVAILABLE);
        }
        String token = Digests.randomToken();
        Session next = new Session(ids.nextSessionId(), current.familyId(), current.userId(), Digests.tokenHash(token),
                now, current.expiresAt(), Optional.empty(), Optional.empty());
        try {
            sessions.rotate(current, next, now);
        } catch (ConcurrentModificationException e) {
            // Someone rotated it between our read and our write: the same token was used twice.
            sessions.revokeFamily(current.familyId(), now);
            throw new TokenRejectedException(Reason.REUSED);
        } catch (NotFoundException e) {
            throw new TokenRejectedException(Reason.UNKNOWN);
        }
        return tokensFor(user.get(), next, token, now);
    }

    /** Ends the sign-in this refresh token belongs to. Idempotent; an unknown token is ignored. */
    public void signOut(String refreshToken) {
        findSession(refreshToken).ifPresent(session -> sessions.revokeFamily(session.familyId(), clock.instant()));
    }

    /**
     * Ends every sign-in of the user. Access tokens already issued stay valid until they expire
     * (at most {@link Builder#accessTokenTtl}); they are not looked up per request.
     */
    public void signOutEverywhere(UserId user) {
        sessions.revokeAll(require(user), clock.instant());
    }

    /**
     * Verifies an access token: signature, algorithm, issuer, audience, expiry, purpose.
     *
     * @throws TokenRejectedException naming the reason
     */
    public Principal authenticate(String accessToken) {
        VerifiedToken verified = tokens.verify(accessToken, Purpose.ACCESS, clock.instant(), TokenService.EMAIL);
        return new Principal(verified.subject(), verified.text(TokenService.EMAIL), verified.expiresAt());
    }

    // ---------------------------------------------------------------- passwords

    /**
     * Mails a reset link when the email belongs to an active account. Answers the same way, with
     * no exception and the same work (a token is signed and the mail rendered), whether or not it
     * does; the mail itself goes out on the mail executor, so the time taken does not tell either.
     *
     * @throws InvalidInputException only when the text is not an email address at all
     */
    public void requestPasswordReset(String email) {
        String address = Inputs.email(email);
        Instant now = clock.instant();
        Optional<User> user = users.findByEmail(address).filter(u -> u.status() == UserStatus.ACTIVE);
        UserId subject = user.map(User::id).orElseGet(ids::nextUserId);
        String hash = user.map(User::passwordHash).orElse("");
        String token = tokens.issue(Purpose.RESET_PASSWORD, subject, now, resetTtl,
                Map.of(TokenService.BINDING, resetBinding(subject, hash)));
        MailMessage mail = templates.render(MailTemplates.Kind.RESET_PASSWORD, address,
                mailValues(user.map(User::displayName).orElse(address), address, resetLink + token, resetTtl));
        if (user.isPresent()) {
            sendLater(mail);
        } else {
            LOG.debug("password reset requested for an unknown or inactive email");
        }
    }

    /**
     * Sets a new password from a reset link: works once (the link is bound to the old password's
     * hash) and until the link expires. Clears any lock-out and signs the user out everywhere.
     *
     * @throws TokenRejectedException when the token is invalid, expired, made for something else or used
     * @throws InvalidInputException when the policy refuses the new password (the link still works)
     */
    public void resetPassword(String token, String newPassword) {
        Instant now = clock.instant();
        VerifiedToken verified = tokens.verify(token, Purpose.RESET_PASSWORD, now, TokenService.BINDING);
        String binding = verified.text(TokenService.BINDING);
        User user = users.findById(verified.subject()).orElseThrow(() -> new TokenRejectedException(Reason.ACCOUNT_UNAVAILABLE));
        if (!binding.equals(resetBinding(user.id(), user.passwordHash()))) {
            throw new TokenRejectedException(Reason.ALREADY_USED);
        }
        policy.check(newPassword, user.email());
        String newHash = hasher.hash(newPassword);
        updateUser(user.id(), () -> new TokenRejectedException(Reason.ACCOUNT_UNAVAILABLE), u -> {
            if (!binding.equals(resetBinding(u.id(), u.passwordHash()))) {
                throw new TokenRejectedException(Reason.ALREADY_USED);
            }
            return u.withPasswordHash(newHash, now).withSignInFailures(0, Optional.empty(), now);
        });
        sessions.revokeAll(user.id(), now);
    }

    /**
     * Changes the password of a signed-in user, who proves it with the current one (wrong
     * attempts count towards the lock-out), and signs them out everywhere.
     *
     * @throws AuthenticationFailedException when the current password is wrong or the account locked
     * @throws InvalidInputException when the policy refuses the new password
     * @throws NotFoundException when the user does not exist
     */
    public void changePassword(UserId userId, String currentPassword, String newPassword) {
        Instant now = clock.instant();
        User user = proveIdentity(userId, currentPassword, now);
        policy.check(newPassword, user.email());
        String newHash = hasher.hash(newPassword);
        updateUser(user.id(), () -> new NotFoundException("user", userId), u -> {
            if (!u.passwordHash().equals(user.passwordHash())) {
                throw new ConcurrentModificationException("user", userId, user.version());
            }
            return u.withPasswordHash(newHash, now).withSignInFailures(0, Optional.empty(), now);
        });
        sessions.revokeAll(user.id(), now);
    }

    // ---------------------------------------------------------------- profile and deletion

    /**
     * Renames at once; a new email is only mailed a confirmation link, and replaces the current one
     * when that link is opened ({@link #confirmEmail}).
     *
     * @throws InvalidInputException for a malformed name or email
     * @throws ConflictException when the new email is already registered
     * @throws NotFoundException when the user does not exist
     */
    public User updateProfile(UserId userId, ProfileUpdate update) {
        require(userId);
        if (update == null) {
            throw new InvalidInputException("update", "is missing");
        }
        Instant now = clock.instant();
        Optional<String> name = update.displayName().map(Inputs::displayName);
        Optional<String> email = update.email().map(Inputs::email);
        User user = users.findById(userId).orElseThrow(() -> new NotFoundException("user", userId));
        if (name.isPresent() && !name.get().equals(user.displayName())) {
            user = updateUser(userId, () -> new NotFoundException("user", userId), u -> u.withDisplayName(name.get(), now));
        }
        if (email.isPresent() && !User.emailKey(email.get()).equals(user.emailKey())) {
            if (users.findByEmail(email.get()).isPresent()) {
                throw new ConflictException("this email address is already registered");
            }
            if (user.status() != UserStatus.ACTIVE) {
                throw new InvalidInputException("email", "can only be changed once the current one is confirmed");
            }
            mailer.send(confirmationMail(user, email.get(), MailTemplates.Kind.CHANGE_EMAIL, now));
        }
        return user;
    }

    /**
     * Deletes the account after checking its password: revokes its sessions, purges its albums,
     * photos and blobs ({@code gallery.owners().purge}), deletes its sessions, then the user. A
     * crash half-way leaves the user in place, signed out, so the deletion can simply be retried.
     *
     * @throws AuthenticationFailedException when the password is wrong or the account locked
     * @throws NotFoundException when the user does not exist
     */
    public void deleteAccount(UserId userId, String password) {
        Instant now = clock.instant();
        User user = proveIdentity(userId, password, now);
        sessions.revokeAll(user.id(), now);
        gallery.owners().purge(user.id());
        sessions.deleteAll(user.id());
        users.delete(user.id());
    }

    // ---------------------------------------------------------------- internals

    private User proveIdentity(UserId userId, String password, Instant now) {
        User user = users.findById(require(userId)).orElseThrow(() -> new NotFoundException("user", userId));
        String secret = password == null ? "" : password;
        if (lockedAt(user, now) || secret.length() > MAX_PASSWORD_CHARS_READ) {
            hasher.burn(secret);
            throw new AuthenticationFailedException("the password is wrong, or there were too many attempts; try again later");
        }
        if (!hasher.verify(secret, user.passwordHash()).matches()) {
            recordFailure(user.id(), now);
            throw new AuthenticationFailedException("the password is wrong, or there were too many attempts; try again later");
        }
        return user;
    }

    private static boolean lockedAt(User user, Instant now) {
        return user.lockedUntil().filter(now::isBefore).isPresent();
    }

    private void recordFailure(UserId id, Instant now) {
        try {
            updateUser(id, () -> new AuthenticationFailedException(SIGN_IN_FAILED), user -> {
                int failures = user.failedSignIns() + 1;
                Optional<Instant> until = failures >= LOCKOUT_THRESHOLD
                        ? Optional.of(now.plus(lockout(failures))) : Optional.empty();
                LOG.debug("failed sign-in {} for user {}{}", failures, id, until.map(t -> ", locked until " + t).orElse(""));
                return user.withSignInFailures(failures, until, now);
            });
        } catch (ConcurrentModificationException e) {
            LOG.warn("could not record a failed sign-in for user {}: {}", id, e.getMessage());
        }
    }

    /** 2^(n-5) seconds for the n-th consecutive failure, at most {@link #MAX_LOCKOUT}. */
    static Duration lockout(int failures) {
        int exponent = failures - LOCKOUT_THRESHOLD;
        if (exponent >= 30) {
            return MAX_LOCKOUT;
        }
        Duration lock = Duration.ofSeconds(1L << Math.max(0, exponent));
        return lock.compareTo(MAX_LOCKOUT) > 0 ? MAX_LOCKOUT : lock;
    }

    private AuthTokens startSession(User user, Instant now) {
        String token = Digests.randomToken();
        SessionId id = ids.nextSessionId();
        Session session = new Session(id, id, user.id(), Digests.tokenHash(token), now, now.plus(refreshTokenTtl),
                Optional.empty(), Optional.empty());
        sessions.create(session);
        return tokensFor(user, session, token, now);
    }

    private AuthTokens tokensFor(User user, Session session, String refreshToken, Instant now) {
        String access = tokens.issue(Purpose.ACCESS, user.id(), now, accessTokenTtl,
                Map.of(TokenService.EMAIL, user.email(), TokenService.SESSION, session.familyId().toString()));
        return new AuthTokens(user.id(), access, now.plus(accessTokenTtl), refreshToken, session.expiresAt());
    }

    private Optional<Session> findSession(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > MAX_REFRESH_TOKEN_CHARS) {
            return Optional.empty();
        }
        return sessions.findByTokenHash(Digests.tokenHash(refreshToken.strip()));
    }

    private MailMessage confirmationMail(User user, String target, MailTemplates.Kind kind, Instant now) {
        String token = tokens.issue(Purpose.CONFIRM_EMAIL, user.id(), now, confirmationTtl,
                Map.of(TokenService.EMAIL, target, TokenService.BINDING, confirmationBinding(user, target)));
        return templates.render(kind, target, mailValues(user.displayName(), target, confirmLink + token, confirmationTtl));
    }

    /**
     * What makes a confirmation link work once: it is valid only while the account is in the state
     * it was issued in (this status, this current email, this password). Confirming changes the
     * status (sign-up) or the email (change), so a second use no longer matches.
     */
    private static String confirmationBinding(User user, String target) {
        return Digests.sha256("confirm-email", user.id().toString(), user.status().name(), user.emailKey(),
                User.emailKey(target), user.passwordHash());
    }

    /** A reset link is bound to the password hash it replaces; any new hash (bcrypt salts) ends it. */
    private static String resetBinding(UserId id, String passwordHash) {
        return Digests.sha256("reset-password", id.toString(), passwordHash);
    }

    private Map<String, String> mailValues(String displayName, String email, String link, Duration validFor) {
        return Map.of("appName", appName, "displayName", displayName, "email", email, "link", link,
                "validFor", describe(validFor));
    }

    static String describe(Duration duration) {
        long minutes = Math.max(1, duration.toMinutes());
        if (minutes % (60 * 24) == 0) {
            long days = minutes / (60 * 24);
            return days + (days == 1 ? " day" : " days");
        }
        if (minutes % 60 == 0) {
            long hours = minutes / 60;
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    private void sendLater(MailMessage mail) {
        mailExecutor.execute(() -> {
            try {
                mailer.send(mail);
            } catch (RuntimeException e) {
                LOG.error("could not send the mail '{}': {}", mail.subject(), e.getMessage(), e);
            }
        });
    }

    private User updateUser(UserId id, Supplier<? extends RuntimeException> absent, UnaryOperator<User> change) {
        for (int attempt = 1; ; attempt++) {
            User user = users.findById(id).orElseThrow(absent);
            try {
                return users.update(change.apply(user));
            } catch (ConcurrentModificationException e) {
                if (attempt >= UPDATE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static Optional<String> parseEmail(String email) {
        try {
            return Optional.of(Inputs.email(email));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private static UserId require(UserId user) {
        if (user == null) {
            throw new InvalidInputException("userId", "is missing");
        }
        return user;
    }

    /**
     * Two daemon threads and a bounded queue: a flood of reset requests queues mail (and beyond
     * 10,000 drops it, logged) instead of starting a thread per request.
     */
    private static final class DefaultMailExecutor {
        static final ExecutorService INSTANCE = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(10_000),
                task -> {
                    Thread thread = new Thread(task, "gallerykit-mail");
                    thread.setDaemon(true);
                    return thread;
                },
                (task, executor) -> LOG.error("mail queue full: a confirmation or reset mail was dropped"));
    }

    /** Collects the adapters and settings; {@link #build()} says what is missing or wrong. */
    public static final class Builder {
        private Gallery gallery;
        private UserRepository users;
        private SessionRepository sessions;
        private Mailer mailer;
        private TokenService tokens;
        private Clock clock = Clock.systemUTC();
        private String links;
        private PasswordHasher hasher;
        private PasswordPolicy policy = PasswordPolicy.defaults();
        private MailTemplates templates;
        private String appName = "GalleryKit";
        private Executor mailExecutor;
        private Duration accessTokenTtl = DEFAULT_ACCESS_TOKEN_TTL;
        private Duration refreshTokenTtl = DEFAULT_REFRESH_TOKEN_TTL;
        private Duration confirmationTtl = DEFAULT_CONFIRMATION_TTL;
        private Duration resetTtl = DEFAULT_RESET_TTL;

        private Builder() {
        }

        /** The gallery whose albums, photos and blobs an account deletion purges. */
        public Builder gallery(Gallery value) {
            gallery = value;
            return this;
        }

        public Builder users(UserRepository value) {
            users = value;
            return this;
        }

        public Builder sessions(SessionRepository value) {
            sessions = value;
            return this;
        }

        public Builder mailer(Mailer value) {
            mailer = value;
            return this;
        }

        public Builder tokens(TokenService value) {
            tokens = value;
            return this;
        }

        /** Where "now" comes from; defaults to UTC system time. */
        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        /**
         * The absolute http(s) URL the mailed links start with: links are
         * {@code {base}/confirm-email?token=...} and {@code {base}/reset-password?token=...}, pages
         * of the host that call {@link #confirmEmail} and {@link #resetPassword}.
         */
        public Builder links(String baseUrl) {
            links = baseUrl;
            return this;
        }

        /** bcrypt cost {@value PasswordHasher#DEFAULT_COST} unless given; see {@link #bcryptCost}. */
        public Builder passwordHasher(PasswordHasher value) {
            hasher = value;
            return this;
        }

        /** Shorthand for {@code passwordHasher(PasswordHasher.withCost(cost))}; at least {@value PasswordHasher#MIN_COST}. */
        public Builder bcryptCost(int cost) {
            hasher = PasswordHasher.withCost(cost);
            return this;
        }

        public Builder passwordPolicy(PasswordPolicy value) {
            policy = value;
            return this;
        }

        public Builder mailTemplates(MailTemplates value) {
            templates = value;
            return this;
        }

        /** The name mails use for the service; defaults to "GalleryKit". */
        public Builder appName(String value) {
            appName = value;
            return this;
        }

        /**
         * Runs the sends of {@link #resendConfirmation} and {@link #requestPasswordReset}, which must
         * not reveal by their duration whether an account exists. Defaults to two daemon threads with a bounded queue;
         * {@code Runnable::run} sends inline.
         */
        public Builder mailExecutor(Executor value) {
            mailExecutor = value;
            return this;
        }

        /** Lifetime of access tokens; defaults to 5 minutes, at most 1 hour. */
        public Builder accessTokenTtl(Duration value) {
            accessTokenTtl = value;
            return this;
        }

        /** Lifetime of a sign-in's refresh tokens; defaults to 30 days. */
        public Builder refreshTokenTtl(Duration value) {
            refreshTokenTtl = value;
            return this;
        }

        /** Lifetime of confirmation links; defaults to 10 minutes. */
        public Builder confirmationTtl(Duration value) {
            confirmationTtl = value;
            return this;
        }

        /** Lifetime of password-reset links; defaults to 1 hour. */
        public Builder resetTtl(Duration value) {
            resetTtl = value;
            return this;
        }

        public Accounts build() {
            List<String> problems = new ArrayList<>();
            if (gallery == null) {
                problems.add("a Gallery, whose owners().purge(...) deletes an account's photos: call gallery(...)");
            }
            if (users == null) {
                problems.add("a UserRepository: call users(...)");
            }
            if (sessions == null) {
                problems.add("a SessionRepository: call sessions(...)");
            }
            if (mailer == null) {
                problems.add("a Mailer: call mailer(...) with an SmtpMailer, or a LoggingMailer in development");
            }
            if (tokens == null) {
                problems.add("a TokenService: call tokens(TokenService.builder()...build())");
            }
            if (clock == null) {
                problems.add("a Clock: call clock(...) or leave the default");
            }
            if (policy == null) {
                problems.add("a PasswordPolicy: call passwordPolicy(...) or leave the default");
            }
            if (appName == null || appName.isBlank()) {
                problems.add("an app name for the mails: call appName(...) or leave the default");
            }
            checkLinks(problems);
            checkTtl(problems, "accessTokenTtl", accessTokenTtl, Duration.ofHours(1));
            checkTtl(problems, "refreshTokenTtl", refreshTokenTtl, Duration.ofDays(365));
            checkTtl(problems, "confirmationTtl", confirmationTtl, Duration.ofDays(7));
            checkTtl(problems, "resetTtl", resetTtl, Duration.ofDays(1));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Accounts needs " + String.join("; ", problems));
            }
            if (templates == null) {
                templates = MailTemplates.defaults();
            }
            return new Accounts(this);
        }

        private void checkLinks(List<String> problems) {
            if (links == null || links.isBlank()) {
                problems.add("the base URL of the mailed links: call links(\"https://...\")");
                return;
            }
            try {
                URI uri = URI.create(links.strip());
                boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
                if (!web || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                    problems.add("an absolute http(s) base URL without query or fragment for links(...) (it was '" + links + "')");
                }
            } catch (IllegalArgumentException e) {
                problems.add("a valid base URL for links(...) (it was '" + links + "')");
            }
            links = links.strip();
        }

        private static void checkTtl(List<String> problems, String name, Duration value, Duration max) {
            if (value == null || value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(max) > 0) {
                problems.add("a " + name + " between 1 second and " + max + " (it was " + value + ")");
            }
        }
    }
}
