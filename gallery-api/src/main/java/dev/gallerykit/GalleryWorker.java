package dev.gallerykit;

import dev.gallerykit.error.GalleryException;
import dev.gallerykit.spi.Delivery;
import dev.gallerykit.spi.JobQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the jobs of asynchronous ingest: a number of threads, each receiving jobs from the queue
 * (long polling), handing them to {@link Gallery#jobs()}, and completing them. While a job runs its
 * visibility is extended, so a slow photo is not handed to a second worker; a worker that dies
 * stops extending, and the job comes back to another one. A failure worth another try (a store that
 * cannot be reached) releases the job at once, and so does an {@link Error} a job throws (the thread
 * goes on with the next job); the queue moves a job that keeps coming back to its
 * dead letters, and the gallery marks a photo failed after its attempts run out, so nothing loops.
 *
 * <p>Run as many workers as wanted, in as many processes: handling is idempotent. {@link #close()}
 * stops receiving, waits for the jobs under way (up to the grace given to the builder) and
 * releases those that did not finish, for another worker.
 *
 * <pre>{@code
 * GalleryWorker worker = GalleryWorker.builder(gallery).threads(4).build();
 * worker.start();
 * ...
 * worker.close();
 * }</pre>
 */
public final class GalleryWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GalleryWorker.class);

    private final JobHandler handler;
    private final JobQueue queue;
    private final int threads;
    private final int batch;
    private final Duration wait;
    private final Duration visibility;
    private final Duration stopGrace;
    private final Counters counters = new Counters();
    private final Object lifecycle = new Object();
    private ExecutorService pollers;
    private ScheduledExecutorService heartbeats;
    private volatile boolean running;

    private GalleryWorker(Builder builder) {
        this.handler = builder.handler;
        this.queue = builder.queue;
        this.threads = builder.threads;
        this.batch = builder.batch;
        this.wait = builder.wait;
        this.visibility = builder.visibility;
        this.stopGrace = builder.stopGrace;
    }

    /** A worker for the jobs of {@code gallery}, on its {@link Gallery#jobQueue()} unless {@link Builder#queue} says otherwise. */
    public static Builder builder(Gallery gallery) {
        Objects.requireNonNull(gallery, "gallery");
        return new Builder(gallery.jobs(), gallery.jobQueue().orElse(null));
    }

    /** Starts the threads; a worker starts once. */
    public GalleryWorker start() {
        synchronized (lifecycle) {
            if (pollers != null) {
                throw new IllegalStateException("this worker was started before");
            }
            running = true;
            AtomicInteger number = new AtomicInteger();
            ThreadFactory named = r -> {
                Thread thread = new Thread(r, "gallery-worker-" + number.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
            heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "gallery-worker-heartbeat");
                thread.setDaemon(true);
                return thread;
            });
            pollers = Executors.newFixedThreadPool(threads, named);
            for (int i = 0; i < threads; i++) {
                pollers.execute(this::poll);
            }
            return this;
        }
    }

    /** Whether the threads are running: started and not closed. */
    public boolean isRunning() {
        return running;
    }

    /** What this worker did so far. */
    public Metrics metrics() {
        return counters.snapshot();
    }

    /**
     * Stops receiving, waits up to the stop grace for the jobs under way, then interrupts the rest; a
     * job that did not finish is released for another worker. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (pollers == null || !running) {
                running = false;
                return;
            }
            running = false;
            pollers.shutdown();
            try {
                if (!pollers.awaitTermination(stopGrace.toMillis() + wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    pollers.shutdownNow();
                    pollers.awaitTermination(stopGrace.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                pollers.shutdownNow();
                Thread.currentThread().interrupt();
            }
            heartbeats.shutdownNow();
        }
    }

    private void poll() {
        while (running && !Thread.currentThread().isInterrupted()) {
            List<Delivery> received;
            try {
                received = queue.receive(batch, wait, visibility);
            } catch (RuntimeException | Error e) {
                counters.queueErrors.incrementAndGet();
                LOG.warn("receiving jobs failed; trying again", e);
                pause();
                continue;
            }
            counters.received.addAndGet(received.size());
            List<Delivery> done = new ArrayList<>();
            for (Delivery delivery : received) {
                if (!running) {
                    // Stopping: what was received and not begun goes back at once.
                    release(delivery);
                    continue;
                }
                if (run(delivery)) {
                    done.add(delivery);
                }
            }
            complete(done);
        }
    }

    /** Handles one job while its visibility is kept extended; true when it is done with. */
    private boolean run(Delivery delivery) {
        if (delivery.receiveCount() > 1) {
            counters.redelivered.incrementAndGet();
        }
        long every = Math.max(1, visibility.toMillis() / 2);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> extend(delivery), every, every,
                TimeUnit.MILLISECONDS);
        try {
            JobHandler.Outcome outcome = handler.handle(delivery.job());
            switch (outcome) {
                case READY -> counters.ready.incrementAndGet();
                case FAILED -> counters.failed.incrementAndGet();
                case SKIPPED -> counters.skipped.incrementAndGet();
            }
            return true;
        } catch (RuntimeException e) {
            counters.retried.incrementAndGet();
            if (e instanceof GalleryException failure && failure.retryable()) {
                LOG.info("job {} will be tried again: {}", delivery.job(), e.toString());
            } else {
                LOG.warn("job {} failed; it will be tried again", delivery.job(), e);
            }
            release(delivery);
            return false;
        } catch (Error e) {
            // A decoder that recursed too deep, a native library that failed to link, a heap that ran out on one
            // file: the job goes back for another try (its attempts and the dead letters bound the tries), and
            // this thread goes on with the next job rather than ending and leaving the worker a thread short.
            counters.retried.incrementAndGet();
            LOG.error("job {} threw {}; it will be tried again", delivery.job(), e.toString(), e);
            release(delivery);
            return false;
        } finally {
            heartbeat.cancel(false);
        }
    }

    private void extend(Delivery delivery) {
        try {
            if (!queue.extend(delivery, visibility)) {
                LOG.warn("job {} was handed to another worker while this one ran it", delivery.job());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not extend the visibility of job {}", delivery.job(), e);
        }
    }

    private void release(Delivery delivery) {
        try {
            queue.release(delivery);
        } catch (RuntimeException e) {
            LOG.warn("could not release job {}; it comes back when its visibility ends", delivery.job(), e);
        }
    }

    private void complete(List<Delivery> done) {
        if (done.isEmpty()) {
            return;
        }
        try {
            queue.complete(done);
            counters.completed.addAndGet(done.size());
        } catch (RuntimeException e) {
            counters.queueErrors.incrementAndGet();
            LOG.warn("could not complete {} jobs; they come back and are skipped", done.size(), e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(Math.min(1000, Math.max(10, wait.toMillis())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What a worker did since it started.
     *
     * @param received    deliveries received
     * @param redelivered of those, deliveries of a job some receiver had before
     * @param ready       photos made ready
     * @param failed      photos marked failed
     * @param skipped     jobs with nothing to do (photo gone or processed before)
     * @param retried     jobs released after a failure, for another try
     * @param completed   jobs removed from the queue
     * @param queueErrors receives and completions the queue refused
     */
    public record Metrics(long received, long redelivered, long ready, long failed, long skipped, long retried,
                          long completed, long queueErrors) {

        /** Jobs handled to an end: ready, failed or skipped. */
        public long handled() {
            return ready + failed + skipped;
        }
    }

    private static final class Counters {
        final AtomicLong received = new AtomicLong();
        final AtomicLong redelivered = new AtomicLong();
        final AtomicLong ready = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final AtomicLong retried = new AtomicLong();
        final AtomicLong completed = new AtomicLong();
        final AtomicLong queueErrors = new AtomicLong();

        Metrics snapshot() {
            return new Metrics(received.get(), redelivered.get(), ready.get(), failed.get(), skipped.get(), retried.get(),
                    completed.get(), queueErrors.get());
        }
    }

    /** Settings of a worker; {@link #build()} says what is wrong. */
    public static final class Builder {
        private final JobHandler handler;
        private JobQueue queue;
        private int threads = 1;
        private int batch = JobQueue.MAX_BATCH;
        private Duration wait = JobQueue.MAX_WAIT;
        private Duration visibility = Duration.ofMinutes(2);
        private Duration stopGrace = Duration.ofSeconds(30);

        private Builder(JobHandler handler, JobQueue queue) {
            this.handler = handler;
            this.queue = queue;
        }

        /** The queue to receive from; defaults to the gallery's own. */
        public Builder queue(JobQueue value) {
            queue = value;
            return this;
        }

        /** Threads receiving and handling jobs, 1 to 256; defaults to 1. */
        public Builder threads(int value) {
            threads = value;
            return this;
        }

        /** Jobs received at once per thread, 1 to {@link JobQueue#MAX_BATCH}; defaults to the maximum. */
        public Builder batch(int value) {
            batch = value;
            return this;
        }

        /** How long a receive waits for jobs (long polling), up to {@link JobQueue#MAX_WAIT}, the default. */
        public Builder wait(Duration value) {
            wait = value;
            return this;
        }

        /**
         * How long a received job stays hidden from other workers before it is extended again; a job
         * whose worker died comes back after it. At least a second; defaults to 2 minutes.
         */
        public Builder visibility(Duration value) {
            visibility = value;
            return this;
        }

        /** How long {@link GalleryWorker#close()} waits for the jobs under way; defaults to 30 seconds. */
        public Builder stopGrace(Duration value) {
            stopGrace = value;
            return this;
        }

        public GalleryWorker build() {
            List<String> problems = new ArrayList<>();
            if (queue == null) {
                problems.add("a JobQueue: build the gallery asynchronous(queue) or call queue(...)");
            }
            if (threads < 1 || threads > 256) {
                problems.add("threads between 1 and 256 (it was " + threads + ")");
            }
            if (batch < 1 || batch > JobQueue.MAX_BATCH) {
                problems.add("a batch between 1 and " + JobQueue.MAX_BATCH + " (it was " + batch + ")");
            }
            if (wait == null || wait.isNegative() || wait.compareTo(JobQueue.MAX_WAIT) > 0) {
                problems.add("a wait between 0 and " + JobQueue.MAX_WAIT + " (it was " + wait + ")");
            }
            if (visibility == null || visibility.compareTo(Duration.ofSeconds(1)) < 0
                    || visibility.compareTo(JobQueue.MAX_VISIBILITY) > 0) {
                problems.add("a visibility between 1 second and " + JobQueue.MAX_VISIBILITY + " (it was " + visibility + ")");
            }
            if (stopGrace == null || stopGrace.isNegative()) {
                problems.add("a stop grace that is not negative (it was " + stopGrace + ")");
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("GalleryWorker needs " + String.join("; ", problems));
            }
            return new GalleryWorker(this);
        }
    }
}
