package dev.gallerykit.auth;

/**
 * Sends the mails of {@link Accounts} (confirmation and password-reset links). Implementations:
 * {@link SmtpMailer} (any SMTP server, Amazon SES SMTP included) and {@link LoggingMailer} for
 * development.
 *
 * <p>Guarantee: {@link #send} returns once the server accepted the message, or throws; it never
 * swallows a failure. Thread-safe.
 */
@FunctionalInterface
public interface Mailer {

    /**
     * @throws MailDeliveryException when the message could not be handed over (retryable when the
     *         server was unreachable or refused for now)
     * @throws dev.gallerykit.error.InvalidInputException when the recipient address is not valid
     */
    void send(MailMessage message);
}
