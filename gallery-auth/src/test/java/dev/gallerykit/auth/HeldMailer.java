package dev.gallerykit.auth;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Passes mail on to another mailer, except while held: then a send waits until the test releases
 * it, and a send on the thread that holds it fails at once. So a mail sent while held reaches the
 * server only after the call that caused it has returned, or never.
 */
final class HeldMailer implements Mailer {

    private final Mailer next;
    private final List<String> senders = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate;
    private volatile Thread holder;

    HeldMailer(Mailer next) {
        this.next = next;
    }

    /** Holds every mail from now on, until {@link #release()}. */
    void hold() {
        holder = Thread.currentThread();
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    /** The names of the threads that sent each mail passed on, in order. */
    List<String> senders() {
        return List.copyOf(senders);
    }

    @Override
    public void send(MailMessage message) {
        CountDownLatch held = gate;
        if (held != null) {
            if (Thread.currentThread() == holder) {
                throw new AssertionError("'" + message.subject() + "' is being sent by the call itself, not after it");
            }
            awaitRelease(held, message);
        }
        senders.add(Thread.currentThread().getName());
        next.send(message);
    }

    private static void awaitRelease(CountDownLatch held, MailMessage message) {
        try {
            if (!held.await(Harness.MAIL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("'" + message.subject() + "' was never released: the call waited for it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while holding '" + message.subject() + "'", e);
        }
    }
}
