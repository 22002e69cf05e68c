package dev.gallerykit;

import java.time.Duration;

/** Housekeeping a host runs from time to time (a nightly job, say). */
public interface Maintenance {

    /**
     * Deletes the blobs that no photo record references and that are older than {@code grace}: those
     * of uploads that crashed between writing blobs and writing the record, of deletes that crashed
     * after removing the record, and of direct uploads that were never completed. The grace period
     * keeps uploads in flight safe; it must be longer than any upload takes. For every owner with a
     * blob it also removes the ids that direct uploads held and whose hold ended before the grace
     * ({@link dev.gallerykit.spi.PhotoRepository#removeExpiredHolds}). A photo still processing that
     * has not changed for longer than the grace (its job was lost before it was sent, or ended in the
     * dead letters) gets its job sent again; a worker gives up on it after its attempts run out.
     *
     * @throws dev.gallerykit.error.InvalidInputException naming {@code grace} when it is negative
     * @throws dev.gallerykit.error.StorageUnavailableException when a store cannot be reached, times out
     *         or throttles (retryable: run it again)
     * @throws dev.gallerykit.error.StorageException when a store refuses for a lasting reason, such as a
     *         missing bucket (not retryable)
     */
    ReconcileReport reconcile(Duration grace);

    /**
     * @param scanned blobs looked at
     * @param deleted blobs removed
     * @param foreign keys that are not in GalleryKit's layout, left alone
     * @param expiredHolds ended id holds of direct uploads removed
     * @param requeued processing jobs sent again
     */
    record ReconcileReport(long scanned, long deleted, long foreign, long expiredHolds, long requeued) {
    }
}
