package dev.gallerykit.examples.tours;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * The mailboxes of a GreenMail server elsewhere (such as the compose file's), over IMAP: GreenMail
 * makes a mailbox for each recipient, whose login and password are the address itself.
 */
final class ImapInbox implements Inbox {

    private static final Duration POLL = Duration.ofMillis(200);
    private final String host;
    private final int port;

    ImapInbox(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public String awaitText(String recipient, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String text = newest(recipient, count);
            if (text != null) {
                return text;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no mail for " + recipient + " at " + host + ":" + port + " within " + timeout);
            }
            try {
                // IMAP has no delivery callback for us: look again shortly.
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for mail", e);
            }
        }
    }

    /** The text of the newest mail, or null while fewer than {@code count} arrived. */
    private String newest(String recipient, int count) {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "10000");
        props.put("mail.imap.timeout", "10000");
        String login = recipient.toLowerCase(Locale.ROOT);
        try (Store store = Session.getInstance(props).getStore("imap")) {
            store.connect(host, port, login, login);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                Message[] messages = inbox.getMessages();
                return messages.length < count ? null : Inbox.plainText(messages[messages.length - 1]);
            } finally {
                inbox.close(false);
            }
        } catch (AuthenticationFailedException e) {
            return null; // no mailbox yet: nothing was delivered to this address
        } catch (MessagingException e) {
            throw new IllegalStateException("could not read the mailbox of " + recipient + " over IMAP at "
                    + host + ":" + port, e);
        }
    }
}
