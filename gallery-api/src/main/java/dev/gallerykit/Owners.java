package dev.gallerykit;

import dev.gallerykit.domain.UserId;

/** Operations over everything one user owns. */
public interface Owners {

    /**
     * Deletes every album, photo and blob of {@code owner} (account deletion uses it). Idempotent:
     * a purge that crashed half-way is finished by running it again.
     *
     * @throws dev.gallerykit.error.StorageUnavailableException when a store cannot be reached, times out
     *         or throttles (retryable: run the purge again)
     * @throws dev.gallerykit.error.StorageException when a store refuses for a lasting reason, such as a
     *         missing table (not retryable)
     */
    PurgeReport purge(UserId owner);

    /** What a purge removed. */
    record PurgeReport(int albums, int photos, int blobs) {
    }
}
