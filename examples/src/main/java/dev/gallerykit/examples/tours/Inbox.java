package dev.gallerykit.examples.tours;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.time.Duration;

/** Where the tour reads the mails its accounts were sent, as a user would open them. */
interface Inbox {

    /**
     * The plain text of the newest mail to {@code recipient}, once at least {@code count} arrived.
     *
     * @throws IllegalStateException when they did not arrive within {@code timeout}
     */
    String awaitText(String recipient, int count, Duration timeout);

    /** The text/plain part of a received mail (the whole body when it has no parts). */
    static String plainText(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    if (body.isMimeType("text/plain")) {
                        return body.getContent().toString();
                    }
                }
            }
            throw new IllegalStateException("the mail has no text/plain part: " + part.getContentType());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not read a received mail", e);
        }
    }
}
