package dev.gallerykit.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Mailer} for development: writes each mail's recipient, subject and text to the log at
 * INFO (logger {@code dev.gallerykit.auth.LoggingMailer}) instead of sending it, so that the
 * confirmation and reset links can be copied from the console. Never use it in production: the
 * links in the log are credentials.
 */
public final class LoggingMailer implements Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingMailer.class);

    /** A mailer that logs; it keeps no state. */
    public LoggingMailer() {
    }

    @Override
    public void send(MailMessage message) {
        LOG.info("Mail to {}\nSubject: {}\n\n{}", message.to(), message.subject(), message.text());
    }
}
