package dev.gallerykit.examples.tours;

import dev.gallerykit.auth.MailMessage;
import dev.gallerykit.auth.Mailer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A mailer that sends nothing: it keeps the mails in memory, and is their inbox too. For a tour with
 * no mail server it can read back (LocalStack, AWS without SMTP settings).
 */
final class MemoryMailer implements Mailer, Inbox {

    private final List<MailMessage> sent = new ArrayList<>();

    @Override
    public synchronized void send(MailMessage message) {
        sent.add(message);
        notifyAll();
    }

    @Override
    public synchronized String awaitText(String recipient, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<MailMessage> received = to(recipient);
        while (received.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("no mail for " + recipient + " within " + timeout);
            }
            try {
                // Accounts may send from its mail threads: wait for the next send.
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for mail", e);
            }
            received = to(recipient);
        }
        return received.get(received.size() - 1).text();
    }

    private List<MailMessage> to(String recipient) {
        List<MailMessage> received = new ArrayList<>();
        for (MailMessage message : sent) {
            if (message.to().equalsIgnoreCase(recipient)) {
                received.add(message);
            }
        }
        return received;
    }
}
