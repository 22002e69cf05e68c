package dev.gallerykit.internal;

import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Photo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The blobs of photo records already deleted, sent to the store {@value #BATCH} keys at a time (S3's
 * most per {@code DeleteObjects}) rather than once per page of photos: purging 1,000 photos of two
 * blobs each is two requests, not one per page of 100 photos. Keys wait here at most until the next
 * full batch or {@link #flush()}; if the process dies meanwhile, their records are gone already and
 * {@code reconcile} removes them, as it does any blob the store could not delete.
 */
final class BlobDeletes {

    static final int BATCH = 1000;

    private final Core core;
    private final List<String> pending = new ArrayList<>();
    private int deleted;

    BlobDeletes(Core core) {
        this.core = core;
    }

    /** Queues the blobs of {@code removed}, whose records are gone, and sends every full batch. */
    void addBlobsOf(Collection<Photo> removed) {
        pending.addAll(keysOf(removed));
        while (pending.size() >= BATCH) {
            send(BATCH);
        }
    }

    /** Sends what is queued; returns how many blobs were deleted so far, in all. */
    int flush() {
        if (!pending.isEmpty()) {
            send(pending.size());
        }
        return deleted;
    }

    private void send(int count) {
        List<String> batch = pending.subList(0, count);
        List<String> keys = List.copyOf(batch);
        batch.clear();
        deleted += core.deleteBlobs(keys);
    }

    /** For a caller that fails half-way: sends what is queued without hiding the first failure. */
    void flushAfter(RuntimeException failure) {
        try {
            flush();
        } catch (RuntimeException again) {
            failure.addSuppressed(again);
        }
    }

    static List<String> keysOf(Collection<Photo> photos) {
        return photos.stream().flatMap(p -> p.derivatives().stream()).map(Derivative::blobKey).toList();
    }
}
