package dev.gallerykit.spi;

import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.StorageException;
import dev.gallerykit.error.StorageUnavailableException;
import java.time.Duration;
import java.util.List;

/**
 * A queue of {@link Job}s between the gallery, which sends them, and workers, which receive them,
 * possibly in other processes. The semantics are those of Amazon SQS standard queues, which every
 * adapter offers whatever it runs on.
 *
 * <p>Guarantees, checked by {@code JobQueueContract}:
 * <ul>
 *   <li>a job {@link #send sent} is delivered at least once, possibly more than once and in any order,
 *       until a receiver {@link #complete completes} it: workers must be idempotent;</li>
 *   <li>a received job is hidden from other receivers for the visibility timeout given to
 *       {@link #receive}, which {@link #extend} moves while the job runs; once it passes without a
 *       completion (the receiver died), the job is delivered again with a higher
 *       {@link Delivery#receiveCount()};</li>
 *   <li>a job received {@link #maxReceives()} times without a completion moves to the
 *       {@link #deadLetters()} queue instead of being delivered again, so a job that kills its
 *       receivers never loops;</li>
 *   <li>{@link #complete} is idempotent and never fails for a stale delivery (one whose visibility
 *       passed): whether the job is then still delivered again is the queue's affair, which workers
 *       tolerate like any redelivery.</li>
 * </ul>
 *
 * <p>Failures, the same on every adapter: no SDK exception escapes. A queue that cannot be reached,
 * times out or throttles is a retryable {@link StorageUnavailableException}; one that refuses for a
 * lasting reason (missing queue, no permission) a {@link StorageException} that is not retryable.
 */
public interface JobQueue {

    /** The most jobs {@link #send} and {@link #complete} take in one request; larger lists are split. */
    int MAX_BATCH = 10;

    /** The longest wait {@link #receive} takes (SQS long polling allows 20 seconds). */
    Duration MAX_WAIT = Duration.ofSeconds(20);

    /** The longest visibility timeout (SQS allows 12 hours). */
    Duration MAX_VISIBILITY = Duration.ofHours(12);

    /**
     * Sends the jobs; returns once the queue accepted every one of them.
     *
     * @throws StorageUnavailableException when some could not be sent; the others were (sending again
     *         sends those twice, which receivers tolerate)
     */
    void send(List<Job> jobs);

    /**
     * Waits up to {@code wait} for jobs and returns at most {@code max} of them (possibly none), each
     * hidden from other receivers for {@code visibility}.
     *
     * @throws InvalidInputException naming {@code max} when outside 1 to {@link #MAX_BATCH}, {@code wait}
     *         when negative or over {@link #MAX_WAIT}, {@code visibility} when negative or over
     *         {@link #MAX_VISIBILITY}
     */
    List<Delivery> receive(int max, Duration wait, Duration visibility);

    /**
     * Hides the delivered job for {@code visibility} from now on: a worker calls it while a job runs
     * longer than the timeout it received it with.
     *
     * @return false when the delivery is stale (its visibility had passed and the job was delivered
     *         again or moved): the job is no longer this receiver's
     */
    boolean extend(Delivery delivery, Duration visibility);

    /** Makes the delivered job visible again at once, for another receiver to try. Stale deliveries are ignored. */
    void release(Delivery delivery);

    /** Removes the delivered jobs for good: they are done. Idempotent; stale deliveries are ignored. */
    void complete(List<Delivery> deliveries);

    /** Receives after which a job moves to {@link #deadLetters()}. */
    int maxReceives();

    /**
     * The jobs that were received {@link #maxReceives()} times without a completion, as a queue a host
     * reads to inspect them, {@link #send} back, or complete to drop. Its own jobs never move further.
     */
    JobQueue deadLetters();
}
