package dev.gallerykit.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * One mail to one recipient: a plain-text body, and optionally an HTML alternative (sent together
 * as {@code multipart/alternative}, so that every client shows one of them).
 */
public record MailMessage(String to, String subject, String text, Optional<String> html) {

    public MailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }

    public static MailMessage text(String to, String subject, String text) {
        return new MailMessage(to, subject, text, Optional.empty());
    }

    public static MailMessage withHtml(String to, String subject, String text, String html) {
        return new MailMessage(to, subject, text, Optional.of(html));
    }
}
