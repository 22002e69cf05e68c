package dev.gallerykit.auth;

import dev.gallerykit.Gallery;
import dev.gallerykit.auth.TokenRejectedException.Reason;
import dev.gallerykit.auth.TokenService.VerifiedToken;
import dev.gallerykit.domain.GalleryEvent;
import dev.gallerykit.domain.IdGenerator;
import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.domain.UserStatus;
import dev.gallerykit.error.AuthenticationFailedException;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.OwnerCheck;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.spi.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
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
    /** How long an unconfirmed account holds its email before a new sign-up may take it over. */
    public static final Duration DEFAULT_PENDING_ACCOUNT_TTL = Duration.ofDays(7);
    /** Consecutive failures before the first lock-out (of one second). */
    public static final int LOCKOUT_THRESHOLD = Lockout.THRESHOLD;
    /** The longest lock-out: each further failure doubles it up to here. */
    public static final Duration MAX_LOCKOUT = Lockout.MAX;
    public static final String SIGN_IN_FAILED = "wrong email or password";

    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);

    private final Gallery gallery;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final TokenService tokens;
    private final Clock clock;
    private final IdGenerator ids;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final UserUpdates updates;
    private final Passwords passwords;
    private final RefreshSessions refreshSessions;
    private final MailedLinks links;
    private final Duration pendingAccountTtl;

    private Accounts(Builder b) {
        this.gallery = b.gallery;
        this.users = b.users;
        this.sessions = b.sessions;
        this.tokens = b.tokens;
        this.clock = b.clock;
        this.ids = IdGenerator.timeOrdered(b.clock);
        this.hasher = b.hasher != null ? b.hasher : PasswordHasher.defaults();
        this.policy = b.policy;
        this.updates = new UserUpdates(b.users);
        this.passwords = new Passwords(b.users, b.sessions, updates, hasher, b.policy);
        this.refreshSessions = new RefreshSessions(b.sessions, b.users, b.tokens, ids, b.accessTokenTtl, b.refreshTokenTtl);
        AccountMails mails = new AccountMails(b.templates != null ? b.templates : MailTemplates.defaults(),
                b.appName, b.links, b.confirmationTtl, b.resetTtl);
        this.links = new MailedLinks(b.users, updates, b.tokens, ids, mails, b.mailer,
                new BackgroundMail(b.mailer, b.mailExecutor));
        this.pendingAccountTtl = b.pendingAccountTtl;
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
     * Creates a {@code PENDING} account and mails a confirmation link to it. The email is normalised
     * to one spelling per mailbox: trimmed, NFC, lower case, the domain in its IDNA ASCII form; an
     * address with invisible or format characters is refused.
     *
     * <p>An address held by an account that stayed unconfirmed for the {@linkplain
     * Builder#pendingAccountTtl pending-account lifetime} is taken over: that account keeps its id
     * but gets this sign-up's password, name and a new lifetime, and every link mailed for it before
     * stops working. So nobody can hold another person's address by signing it up and never
     * confirming it. The take-over is a conditional write: if the old account was confirmed
     * meanwhile, the sign-up is refused as a conflict and the account is left as it is.
     *
     * @throws InvalidInputException for a malformed email or display name, or a password the policy refuses
     * @throws ConflictException when the email is already registered (by a confirmed account, or a
     *         pending one still within its lifetime)
     * @throws MailDeliveryException when the mail could not be sent (the account exists; offer
     *         {@link #resendConfirmation})
     */
    public User signUp(String email, String password, String displayName) {
        String address = Inputs.email(email);
        String name = Inputs.displayName(displayName);
        policy.check(password, address);
        Optional<User> holder = users.findByEmail(address);
        Instant now = clock.instant();
        if (holder.isPresent() && !expiredPending(holder.get(), now)) {
            throw new ConflictException("this email address is already registered");
        }
        String hash = hasher.hash(password);
        User user;
        if (holder.isEmpty()) {
            user = users.create(new User(ids.nextUserId(), address, name, hash, UserStatus.PENDING,
                    0, Optional.empty(), now, now, Optional.empty(), 0));
        } else {
            User expired = holder.get();
            try {
                user = users.update(new User(expired.id(), address, name, hash, UserStatus.PENDING,
                        0, Optional.empty(), now, now, Optional.empty(), expired.version()));
            } catch (ConcurrentModificationException confirmedOrTakenMeanwhile) {
                throw new ConflictException("this email address is already registered");
            }
        }
        publish(GalleryEvent.ofAccount(GalleryEvent.Type.ACCOUNT_CREATED, now, user.id()));
        links.sendConfirmation(user, now);
        return user;
    }

    /** Hands an event of what already happened to the gallery's publisher; a failure is logged, not thrown. */
    private void publish(GalleryEvent event) {
        try {
            gallery.events().publish(List.of(event));
        } catch (RuntimeException e) {
            LOG.warn("could not publish {} {}", event.type(), event.id(), e);
        }
    }

    private boolean expiredPending(User user, Instant now) {
        return user.status() == UserStatus.PENDING && !now.isBefore(user.createdAt().plus(pendingAccountTtl));
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
        return links.confirm(token, clock.instant());
    }

    /**
     * Mails a link to choose the password if the email belongs to a {@code PENDING} account (the
     * password-reset mail and page; opening it confirms the address too); does nothing otherwise,
     * and says nothing either way. Not a plain confirmation link: a pending account's password may
     * have been chosen by someone who signed up an address that is not theirs, and confirming it
     * would hand them the account. The older links stop working. The mail goes out on the mail executor.
     */
    public void resendConfirmation(String email) {
        links.resendConfirmation(Inputs.email(email), clock.instant());
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
        return refreshSessions.start(passwords.signIn(email, password, now), now);
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
        return refreshSessions.rotate(refreshToken, clock.instant());
    }

    /** Ends the sign-in this refresh token belongs to. Idempotent; an unknown token is ignored. */
    public void signOut(String refreshToken) {
        refreshSessions.end(refreshToken, clock.instant());
    }

    /**
     * Ends every sign-in of the user. Access tokens already issued stay valid until they expire
     * (at most {@link Builder#accessTokenTtl}); they are not looked up per request.
     */
    public void signOutEverywhere(UserId user) {
        sessions.revokeAll(require(user), clock.instant());
    }

    /**
     * Verifies an access token (signature, algorithm, issuer, audience, expiry, purpose), then that its
     * account still exists and is active: a deleted or disabled account's tokens stop working at once.
     * That check costs one read of the user by its key per call (a primary-key lookup on SQL, a
     * consistent GetItem on DynamoDB); the principal carries the account's current email.
     *
     * @throws TokenRejectedException naming the reason ({@link Reason#ACCOUNT_UNAVAILABLE} for a
     *         deleted, disabled or pending account)
     */
    public Principal authenticate(String accessToken) {
        VerifiedToken verified = tokens.verify(accessToken, Purpose.ACCESS, clock.instant(), TokenService.EMAIL);
        User user = users.findById(verified.subject()).filter(found -> found.status() == UserStatus.ACTIVE)
                .orElseThrow(() -> new TokenRejectedException(Reason.ACCOUNT_UNAVAILABLE));
        return new Principal(user.id(), user.email(), verified.expiresAt());
    }

    // ---------------------------------------------------------------- passwords

    /**
     * Mails a reset link when the email belongs to an active or a pending account (for a pending one,
     * choosing the password there confirms the address too). Answers the same way, with
     * no exception and the same work (a token is signed and the mail rendered), whether or not it
     * does; the mail itself goes out on the mail executor, so the time taken does not tell either.
     *
     * @throws InvalidInputException only when the text is not an email address at all
     */
    public void requestPasswordReset(String email) {
        links.sendPasswordReset(Inputs.email(email), clock.instant());
    }

    /**
     * Sets a new password from a reset link: works once (the link is bound to the old password's
     * hash) and until the link expires. Clears any lock-out and signs the user out everywhere. A
     * {@code PENDING} account (whose owner asked for the link again) is confirmed by it as well.
     *
     * @throws TokenRejectedException when the token is invalid, expired, made for something else or used
     * @throws InvalidInputException when the policy refuses the new password (the link still works)
     */
    public void resetPassword(String token, String newPassword) {
        Instant now = clock.instant();
        User user = links.openPasswordReset(token, now);
        // The link was bound to this user's hash: another hash by the time of the write means it was used.
        passwords.replace(user, newPassword, now, true, () -> new TokenRejectedException(Reason.ACCOUNT_UNAVAILABLE),
                () -> new TokenRejectedException(Reason.ALREADY_USED));
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
        User user = passwords.prove(require(userId), currentPassword, now);
        passwords.replace(user, newPassword, now, false, () -> new NotFoundException("user", userId),
                () -> new ConcurrentModificationException("user", userId, user.version()));
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
            user = updates.apply(userId, () -> new NotFoundException("user", userId), u -> u.withDisplayName(name.get(), now));
        }
        if (email.isPresent() && !User.emailKey(email.get()).equals(user.emailKey())) {
            if (users.findByEmail(email.get()).isPresent()) {
                throw new ConflictException("this email address is already registered");
            }
            if (user.status() != UserStatus.ACTIVE) {
                throw new InvalidInputException("email", "can only be changed once the current one is confirmed");
            }
            links.sendEmailChange(user, email.get(), now);
        }
        return user;
    }

    /**
     * Deletes the account after checking its password: marks it {@code DISABLED} (its access tokens
     * stop working and, with {@link #ownerCheck} wired into the gallery, no album can be created for
     * it any more), revokes its sessions, purges its albums, photos and blobs
     * ({@code gallery.owners().purge}), deletes its sessions, then the user. A crash half-way leaves
     * the user in place, disabled and signed out, so the deletion can simply be retried.
     *
     * @throws AuthenticationFailedException when the password is wrong or the account locked
     * @throws NotFoundException when the user does not exist
     */
    public void deleteAccount(UserId userId, String password) {
        Instant now = clock.instant();
        User user = passwords.prove(require(userId), password, now);
        updates.apply(user.id(), () -> new NotFoundException("user", userId), u -> u.withStatus(UserStatus.DISABLED, now));
        sessions.revokeAll(user.id(), now);
        gallery.owners().purge(user.id());
        sessions.deleteAll(user.id());
        users.delete(user.id());
        publish(GalleryEvent.ofAccount(GalleryEvent.Type.ACCOUNT_DELETED, clock.instant(), user.id()));
    }

    /**
     * The gallery's {@link OwnerCheck} on these users: an id may own new albums while its account
     * exists and is not {@code DISABLED}. Pass it to {@code Gallery.builder().owners(...)}, so that no
     * use case creates data for a deleted account. Its cost: one read of the user by id (a primary
     * key look-up; a strongly consistent GetItem on DynamoDB) per album created, twice.
     */
    public static OwnerCheck ownerCheck(UserRepository users) {
        Objects.requireNonNull(users, "users");
        return owner -> users.findById(owner).filter(user -> user.status() != UserStatus.DISABLED).isPresent();
    }

    // ---------------------------------------------------------------- internals

    private static UserId require(UserId user) {
        if (user == null) {
            throw new InvalidInputException("userId", "is missing");
        }
        return user;
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
        private Duration pendingAccountTtl = DEFAULT_PENDING_ACCOUNT_TTL;
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

        /**
         * How long an unconfirmed account holds its email: after this, a new sign-up for the address
         * takes the account over (see {@link Accounts#signUp}). Defaults to 7 days; at least the
         * confirmation link's lifetime, at most 90 days.
         */
        public Builder pendingAccountTtl(Duration value) {
            pendingAccountTtl = value;
            return this;
        }

        /** Lifetime of password-reset links; defaults to 1 hour. */
        public Builder resetTtl(Duration value) {
            resetTtl = value;
            return this;
        }

        public Accounts build() {
            BuilderChecks checks = new BuilderChecks();
            checks.present(gallery, "a Gallery, whose owners().purge(...) deletes an account's photos: call gallery(...)");
            checks.present(users, "a UserRepository: call users(...)");
            checks.present(sessions, "a SessionRepository: call sessions(...)");
            checks.present(mailer, "a Mailer: call mailer(...) with an SmtpMailer, or a LoggingMailer in development");
            checks.present(tokens, "a TokenService: call tokens(TokenService.builder()...build())");
            checks.present(clock, "a Clock: call clock(...) or leave the default");
            checks.present(policy, "a PasswordPolicy: call passwordPolicy(...) or leave the default");
            checks.notBlank(appName, "an app name for the mails: call appName(...) or leave the default");
            checks.linkBase(links);
            checks.lifetime("accessTokenTtl", accessTokenTtl, Duration.ofHours(1));
            checks.lifetime("refreshTokenTtl", refreshTokenTtl, Duration.ofDays(365));
            checks.lifetime("confirmationTtl", confirmationTtl, Duration.ofDays(7));
            checks.lifetime("resetTtl", resetTtl, Duration.ofDays(1));
            checks.lifetime("pendingAccountTtl", pendingAccountTtl, Duration.ofDays(90));
            if (pendingAccountTtl != null && confirmationTtl != null && pendingAccountTtl.compareTo(confirmationTtl) < 0) {
                checks.problem("a pendingAccountTtl at least as long as the confirmationTtl (" + confirmationTtl
                        + "), so that a confirmation link never outlives its account's hold on the address");
            }
            checks.throwIfAny();
            links = links.strip();
            return new Accounts(this);
        }
    }
}
