package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.auth.MailDeliveryException;
import dev.gallerykit.auth.MailMessage;
import dev.gallerykit.auth.Mailer;
import dev.gallerykit.error.InvalidInputException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * A {@link Mailer} over Spring's {@link JavaMailSender}, so that mail configured with
 * {@code spring.mail.*} carries the account mails. Like every Mailer it returns once the server
 * accepted the message and never swallows a failure.
 */
final class JavaMailSenderMailer implements Mailer {

    private final JavaMailSender sender;
    private final String from;

    JavaMailSenderMailer(JavaMailSender sender, String from) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.from = Problems.blank(from) ? null : from.strip();
    }

    @Override
    public void send(MailMessage message) {
        InternetAddress to;
        try {
            to = new InternetAddress(message.to(), true);
        } catch (AddressException e) {
            throw new InvalidInputException("to", "is not a valid email address");
        }
        MimeMessage mime = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, message.html().isPresent(), StandardCharsets.UTF_8.name());
            if (from != null) {
                helper.setFrom(from);
            }
            helper.setTo(to);
            helper.setSubject(message.subject());
            if (message.html().isPresent()) {
                helper.setText(message.text(), message.html().get());
            } else {
                helper.setText(message.text());
            }
        } catch (MessagingException e) {
            throw new MailDeliveryException("could not compose the mail: " + e.getMessage(), e, false);
        }
        try {
            sender.send(mime);
        } catch (MailAuthenticationException e) {
            throw new MailDeliveryException("the mail server refused the credentials", e, false);
        } catch (MailException e) {
            throw new MailDeliveryException("the mail server did not take the mail: " + e.getMessage(), e, true);
        }
    }

    @Override
    public String toString() {
        return "JavaMailSenderMailer[" + sender.getClass().getSimpleName() + "]";
    }
}
