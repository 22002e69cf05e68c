package dev.gallerykit.auth;

import dev.gallerykit.auth.MailTemplates.Kind;
import dev.gallerykit.auth.TokenRejectedException.Reason;
import dev.gallerykit.auth.TokenService.VerifiedToken;
import dev.gallerykit.domain.IdGenerator;
import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.domain.UserStatus;
import dev.gallerykit.spi.UserRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-time links mailed to users, to confirm an address (at sign-up or for a change) and to
 * reset a password: signed tokens that expire, sent, and opened again.
 *
 * <p>A link works once without a field on {@code User} to remember it: its token carries a digest
 * of the account's state when it was issued (the binding) and is valid only while the account is
 * still in that state. Confirming changes the status or the email, and a reset writes a new, freshly
 * salted hash, so that a second use no longer matches.
 */
final class MailedLinks {

    private static final Logger LOG = LoggerFactory.getLogger(MailedLinks.class);

    private final UserRepository users;
    private final UserUpdates updates;
    private final TokenService tokens;
    private final IdGenerator ids;
    private final AccountMails mails;
    private final Mailer mailer;
    private final BackgroundMail background;

    MailedLinks(UserRepository users, UserUpdates updates, TokenService tokens, IdGenerator ids, AccountMails mails,
            Mailer mailer, BackgroundMail background) {
        this.users = users;
        this.updates = updates;
        this.tokens = tokens;
        this.ids = ids;
        this.mails = mails;
        this.mailer = mailer;
        this.background = background;
    }

    /** Mails a new account its confirmation link, before the caller returns. */
    void sendConfirmation(User user, Instant now) {
        mailer.send(confirmationMail(user, user.email(), Kind.CONFIRM_EMAIL, now));
    }

    /**
     * Mails, in the background, a link to choose the password if {@code address} is a {@code PENDING}
     * account's: opening it confirms the address as well. Not a plain confirmation link, because the
     * password of a pending account may be one the mailbox owner never chose (someone else signed the
     * address up): the owner who asks again chooses it now, and the older links stop working.
     */
    void resendConfirmation(String address, Instant now) {
        users.findByEmail(address)
                .filter(user -> user.status() == UserStatus.PENDING)
                .ifPresent(user -> background.send(mails.compose(Kind.RESET_PASSWORD, user.email(), user.displayName(),
                        resetToken(user.id(), user.passwordHash(), now))));
    }

    /** Mails {@code newEmail} the link that moves the account there, before the caller returns. */
    void sendEmailChange(User user, String newEmail, Instant now) {
        mailer.send(confirmationMail(user, newEmail, Kind.CHANGE_EMAIL, now));
    }

    /** Opens a confirmation link: activates the {@code PENDING} account, or moves it to the new email. */
    User confirm(String token, Instant now) {
        VerifiedToken verified = tokens.verify(token, Purpose.CONFIRM_EMAIL, now, TokenService.EMAIL, TokenService.BINDING);
        String target = verified.text(TokenService.EMAIL);
        String binding = verified.text(TokenService.BINDING);
        return updates.apply(verified.subject(), () -> new TokenRejectedException(Reason.ACCOUNT_UNAVAILABLE), user -> {
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
     * Mails a reset link in the background if {@code address} is an {@code ACTIVE} account's. For
     * any other address the token is signed and the mail composed all the same, then dropped, so that
     * the work done does not tell.
     */
    void sendPasswordReset(String address, Instant now) {
        // A pending account gets the link too: choosing the password there also confirms the address.
        Optional<User> user = users.findByEmail(address)
                .filter(u -> u.status() == UserStatus.ACTIVE || u.status() == UserStatus.PENDING);
        UserId subject = user.map(User::id).orElseGet(ids::nextUserId);
        String token = resetToken(subject, user.map(User::passwordHash).orElse(""), now);
        MailMessage mail = mails.compose(Kind.RESET_PASSWORD, address, user.map(User::displayName).orElse(address), token);
        if (user.isPresent()) {
            background.send(mail);
        } else {
            LOG.debug("password reset requested for an unknown or inactive email");
        }
    }

    /**
     * Opens a reset link.
     *
     * @return the user whose password it may replace, as long as the hash stays the one returned
     * @throws TokenRejectedException when the token is invalid, expired, made for something else or used
     */
    User openPasswordReset(String token, Instant now) {
        VerifiedToken verified = tokens.verify(token, Purpose.RESET_PASSWORD, now, TokenService.BINDING);
        User user = users.findById(verified.subject())
                .orElseThrow(() -> new TokenRejectedException(Reason.ACCOUNT_UNAVAILABLE));
        if (!verified.text(TokenService.BINDING).equals(resetBinding(user.id(), user.passwordHash()))) {
            throw new TokenRejectedException(Reason.ALREADY_USED);
        }
        return user;
    }

    private String resetToken(UserId subject, String passwordHash, Instant now) {
        return tokens.issue(Purpose.RESET_PASSWORD, subject, now, mails.lifetime(Kind.RESET_PASSWORD),
                Map.of(TokenService.BINDING, resetBinding(subject, passwordHash)));
    }

    private MailMessage confirmationMail(User user, String target, Kind kind, Instant now) {
        String token = tokens.issue(Purpose.CONFIRM_EMAIL, user.id(), now, mails.lifetime(kind),
                Map.of(TokenService.EMAIL, target, TokenService.BINDING, confirmationBinding(user, target)));
        return mails.compose(kind, target, user.displayName(), token);
    }

    /**
     * Valid for this status, this current email and when it was confirmed, this target and this
     * password. The confirmation time moves with every email change, so the state a link was issued
     * in cannot come back: after A -> B and B -> A, the first A -> B link stays used.
     */
    private static String confirmationBinding(User user, String target) {
        return Digests.sha256("confirm-email", user.id().toString(), user.status().name(), user.emailKey(),
                user.confirmedAt().map(Instant::toString).orElse("unconfirmed"), User.emailKey(target),
                user.passwordHash());
    }

    /** Valid for the password hash the reset replaces. */
    private static String resetBinding(UserId id, String passwordHash) {
        return Digests.sha256("reset-password", id.toString(), passwordHash);
    }
}
