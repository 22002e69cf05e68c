package dev.gallerykit.web.local;

import dev.gallerykit.local.LocalSmtp;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mails GreenMail received for the addresses the app wrote to. GreenMail is read per recipient,
 * so the app notes each address it mails ({@link #addressed}).
 */
public final class DevMailbox {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    private final Set<String> recipients = ConcurrentHashMap.newKeySet();

    void addressed(String recipient) {
        recipients.add(recipient.toLowerCase(Locale.ROOT));
    }

    /** The mails received so far, newest first. */
    public List<Mail> mails(LocalSmtp.Server server) {
        List<Mail> mails = new ArrayList<>();
        for (String recipient : recipients) {
            for (MimeMessage message : server.messagesFor(recipient)) {
                mails.add(read(recipient, message));
            }
        }
        mails.sort(Comparator.comparing(Mail::sent).reversed());
        return mails;
    }

    private static Mail read(String recipient, MimeMessage message) {
        try {
            Instant sent = Optional.ofNullable(message.getSentDate()).map(d -> d.toInstant()).orElse(Instant.EPOCH);
            String text = plainText(message).orElse("(no text part)");
            return new Mail(recipient, message.getSubject(), sent, segments(text));
        } catch (MessagingException | IOException e) {
            return new Mail(recipient, "(unreadable: " + e.getMessage() + ")", Instant.EPOCH, List.of());
        }
    }

    private static Optional<String> plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return Optional.of(String.valueOf(part.getContent()));
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                Optional<String> text = plainText(body);
                if (text.isPresent()) {
                    return text;
                }
            }
        }
        return Optional.empty();
    }

    /** Splits the text into plain runs and links, so the page can make the links clickable without raw HTML. */
    static List<Segment> segments(String text) {
        List<Segment> segments = new ArrayList<>();
        Matcher matcher = LINK.matcher(text);
        int at = 0;
        while (matcher.find()) {
            if (matcher.start() > at) {
                segments.add(new Segment(text.substring(at, matcher.start()), false));
            }
            segments.add(new Segment(matcher.group(), true));
            at = matcher.end();
        }
        if (at < text.length()) {
            segments.add(new Segment(text.substring(at), false));
        }
        return segments;
    }

    /** One received mail. */
    public record Mail(String to, String subject, Instant sent, List<Segment> body) {
    }

    /** A run of the body: text, or a link when {@code link}. */
    public record Segment(String text, boolean link) {
    }
}
