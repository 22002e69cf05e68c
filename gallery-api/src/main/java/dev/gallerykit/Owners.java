package dev.gallerykit;

import dev.gallerykit.domain.UserId;

/** Operations over everything one user owns. */
public interface Owners {

    /**
     * Deletes every album, photo and blob of {@code owner} (account deletion uses it). Idempotent:
     * a purge that crashed half-way is finished by running it again.
     */
    PurgeReport purge(UserId owner);

    /** What a purge removed. */
    record PurgeReport(int albums, int photos, int blobs) {
    }
}
