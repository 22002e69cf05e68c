package dev.gallerykit;

import dev.gallerykit.spi.Job;

/**
 * Does the work of one {@link Job}: what a {@link GalleryWorker} calls for each job it receives, and
 * what a host calls itself when it runs jobs another way (a Lambda function fed by SQS, say).
 *
 * <p>Idempotent: a job handled twice, at once or one after the other, in one process or in two, has
 * the effect of handling it once. A job for a photo that is gone, or already processed, is
 * {@link Outcome#SKIPPED}. A failure that is worth another try (a store that cannot be reached)
 * is thrown, and the job should be received again; everything else ends in an outcome.
 */
public interface JobHandler {

    enum Outcome {
        /** The photo's renditions and tags are made and it is {@code READY}. */
        READY,
        /** The photo cannot be processed (a file the engine cannot decode, too many attempts): it is {@code FAILED}, its original kept. */
        FAILED,
        /** Nothing to do: the photo is gone, or was processed before (a redelivery). */
        SKIPPED
    }

    /**
     * @throws dev.gallerykit.error.StorageUnavailableException when a store could not be reached; the job
     *         should run again later
     */
    Outcome handle(Job job);
}
