package dev.gallerykit.spi;

import java.util.Objects;

/**
 * One receipt of a job from a {@link JobQueue}.
 *
 * @param receipt      the adapter's handle of this receipt (an SQS receipt handle), used to extend,
 *                     release or complete it
 * @param receiveCount how many times the job has been received, this time included: more than 1 means
 *                     an earlier receiver did not complete it in time
 */
public record Delivery(Job job, String receipt, int receiveCount) {

    public Delivery {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(receipt, "receipt");
        if (receiveCount < 1) {
            throw new IllegalArgumentException("receiveCount must be at least 1, was " + receiveCount);
        }
    }
}
