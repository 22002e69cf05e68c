package dev.gallerykit.auth;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends mail off the caller's thread, for the requests whose duration must not tell whether an
 * account exists. Nobody waits for these sends, so one that fails is logged.
 */
final class BackgroundMail {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundMail.class);

    private final Mailer mailer;
    private final Executor executor;

    /** @param executor the host's, or null for {@link DefaultExecutor} */
    BackgroundMail(Mailer mailer, Executor executor) {
        this.mailer = mailer;
        this.executor = executor != null ? executor : DefaultExecutor.INSTANCE;
    }

    void send(MailMessage mail) {
        executor.execute(() -> {
            try {
                mailer.send(mail);
            } catch (RuntimeException e) {
                LOG.error("could not send the mail '{}': {}", mail.subject(), e.getMessage(), e);
            }
        });
    }

    /**
     * Two daemon threads and a bounded queue: a flood of reset requests queues mail (and beyond
     * 10,000 drops it, logged) instead of starting a thread per request.
     */
    private static final class DefaultExecutor {
        static final ExecutorService INSTANCE = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(10_000),
                task -> {
                    Thread thread = new Thread(task, "gallerykit-mail");
                    thread.setDaemon(true);
                    return thread;
                },
                (task, executor) -> LOG.error("mail queue full: a confirmation or reset mail was dropped"));
    }
}
