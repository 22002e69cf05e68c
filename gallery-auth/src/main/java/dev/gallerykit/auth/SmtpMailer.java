package dev.gallerykit.auth;

import dev.gallerykit.error.InvalidInputException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * A {@link Mailer} over SMTP with Angus Mail: plain, STARTTLS (required, not opportunistic) or
 * implicit TLS (SMTPS), with optional AUTH. Amazon SES SMTP, for example:
 *
 * <pre>{@code
 * Mailer mailer = SmtpMailer.builder()
 *         .host("email-smtp.eu-west-1.amazonaws.com").port(587)
 *         .security(SmtpMailer.Security.STARTTLS)
 *         .credentials(sesSmtpUser, sesSmtpPassword)
 *         .from("Photos <no-reply@photos.example.com>")
 *         .build();
 * }</pre>
 *
 * One connection per message; thread-safe. TLS certificates and host names are checked unless a
 * host is named in {@link Builder#trustedHosts}.
 */
public final class SmtpMailer implements Mailer {

    /** How the connection is protected. */
    public enum Security {
        /** No TLS. Only for local servers; credentials are refused over it unless explicitly allowed. */
        NONE(25),
        /** Plain connect, then STARTTLS, which the server must offer (port 587). */
        STARTTLS(587),
        /** TLS from the first byte (port 465). */
        SMTPS(465);

        private final int defaultPort;

        Security(int defaultPort) {
            this.defaultPort = defaultPort;
        }
    }

    private final Session session;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final InternetAddress from;

    private SmtpMailer(Session session, String host, int port, String username, String password, InternetAddress from) {
        this.session = session;
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.from = from;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void send(MailMessage message) {
        MimeMessage mime = toMime(message);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(host, port, username, password);
            transport.sendMessage(mime, mime.getAllRecipients());
        } catch (AuthenticationFailedException e) {
            throw new MailDeliveryException("the SMTP server " + host + ":" + port + " refused the credentials", e, false);
        } catch (SendFailedException e) {
            if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
                throw new InvalidInputException("to", "was refused by the mail server");
            }
            throw new MailDeliveryException("the SMTP server " + host + ":" + port + " did not accept the message: " + e.getMessage(), e, true);
        } catch (MessagingException e) {
            throw new MailDeliveryException("could not send mail through " + host + ":" + port + ": " + e.getMessage(), e, true);
        }
    }

    private MimeMessage toMime(MailMessage message) {
        InternetAddress to;
        try {
            to = new InternetAddress(message.to(), true);
        } catch (AddressException e) {
            throw new InvalidInputException("to", "is not a valid email address");
        }
        try {
            MimeMessage mime = new MimeMessage(session);
            mime.setFrom(from);
            mime.setRecipient(Message.RecipientType.TO, to);
            // A line break in a subject would start a new header.
            mime.setSubject(message.subject().replaceAll("[\\r\\n]+", " "), StandardCharsets.UTF_8.name());
            mime.setSentDate(new Date());
            if (message.html().isPresent()) {
                MimeBodyPart text = new MimeBodyPart();
                text.setText(message.text(), StandardCharsets.UTF_8.name());
                MimeBodyPart html = new MimeBodyPart();
                html.setText(message.html().get(), StandardCharsets.UTF_8.name(), "html");
                // Plain first, richest last: clients show the last part they understand.
                mime.setContent(new MimeMultipart("alternative", text, html));
            } else {
                mime.setText(message.text(), StandardCharsets.UTF_8.name());
            }
            mime.saveChanges();
            return mime;
        } catch (MessagingException e) {
            throw new MailDeliveryException("could not compose the mail: " + e.getMessage(), e, false);
        }
    }

    /** Collects the server, security and sender; {@link #build()} says what is missing. */
    public static final class Builder {
        private String host;
        private Integer port;
        private Security security = Security.STARTTLS;
        private String username;
        private String password;
        private String from;
        private boolean plaintextAuthentication;
        private List<String> trustedHosts = List.of();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        /** Defaults to 587 for STARTTLS, 465 for SMTPS, 25 for NONE. */
        public Builder port(int value) {
            port = value;
            return this;
        }

        /** Defaults to {@link Security#STARTTLS}. */
        public Builder security(Security value) {
            security = value;
            return this;
        }

        /** SMTP AUTH user name and password (for SES: the SMTP credentials, not the IAM keys). */
        public Builder credentials(String user, String secret) {
            username = user;
            password = secret;
            return this;
        }

        /** The sender, such as {@code no-reply@example.com} or {@code Photos <no-reply@example.com>}. */
        public Builder from(String value) {
            from = value;
            return this;
        }

        /** Allows credentials over {@link Security#NONE}; for local test servers only. */
        public Builder allowPlaintextAuthentication(boolean value) {
            plaintextAuthentication = value;
            return this;
        }

        /**
         * Hosts whose TLS certificate is trusted without checking it (a local server with a
         * self-signed certificate). Never name a production server here.
         */
        public Builder trustedHosts(String... hosts) {
            trustedHosts = List.of(hosts);
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        public Builder readTimeout(Duration value) {
            readTimeout = value;
            return this;
        }

        public SmtpMailer build() {
            List<String> problems = new ArrayList<>();
            if (host == null || host.isBlank()) {
                problems.add("a host: call host(...)");
            }
            if (security == null) {
                problems.add("a Security: call security(...) or leave the default STARTTLS");
            }
            if (port != null && (port < 1 || port > 65535)) {
                problems.add("a port between 1 and 65535 (it was " + port + ")");
            }
            if ((username == null) != (password == null)) {
                problems.add("both a user name and a password in credentials(...), or neither");
            }
            if (username != null && security == Security.NONE && !plaintextAuthentication) {
                problems.add("TLS to send credentials: use STARTTLS or SMTPS, or allowPlaintextAuthentication(true) for a local server");
            }
            InternetAddress sender = null;
            if (from == null || from.isBlank()) {
                problems.add("a sender: call from(...)");
            } else {
                try {
                    sender = new InternetAddress(from, true);
                } catch (AddressException e) {
                    problems.add("a valid sender address (it was '" + from + "')");
                }
            }
            if (invalid(connectTimeout)) {
                problems.add("a positive connect timeout");
            }
            if (invalid(readTimeout)) {
                problems.add("a positive read timeout");
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("SmtpMailer needs " + String.join("; ", problems));
            }
            int effectivePort = port != null ? port : security.defaultPort;
            Properties props = new Properties();
            props.put("mail.smtp.host", host);
            props.put("mail.smtp.port", String.valueOf(effectivePort));
            props.put("mail.smtp.auth", String.valueOf(username != null));
            props.put("mail.smtp.connectiontimeout", String.valueOf(connectTimeout.toMillis()));
            props.put("mail.smtp.timeout", String.valueOf(readTimeout.toMillis()));
            props.put("mail.smtp.writetimeout", String.valueOf(readTimeout.toMillis()));
            props.put("mail.smtp.from", sender.getAddress());
            if (security == Security.STARTTLS) {
                props.put("mail.smtp.starttls.enable", "true");
                props.put("mail.smtp.starttls.required", "true");
            }
            if (security == Security.SMTPS) {
                props.put("mail.smtp.ssl.enable", "true");
            }
            if (security != Security.NONE) {
                props.put("mail.smtp.ssl.checkserveridentity", "true");
                if (!trustedHosts.isEmpty()) {
                    props.put("mail.smtp.ssl.trust", String.join(" ", trustedHosts));
                    props.put("mail.smtp.ssl.checkserveridentity", "false");
                }
            }
            try {
                if (sender.getPersonal() != null) {
                    sender = new InternetAddress(sender.getAddress(), sender.getPersonal(), StandardCharsets.UTF_8.name());
                }
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException("UTF-8 is always supported", e);
            }
            return new SmtpMailer(Session.getInstance(props), host.strip(), effectivePort, username, password, sender);
        }

        private static boolean invalid(Duration timeout) {
            return timeout == null || timeout.isZero() || timeout.isNegative();
        }
    }
}
