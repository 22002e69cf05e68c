package dev.gallerykit.internal;

import dev.gallerykit.Maintenance;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.spi.BlobInfo;
import dev.gallerykit.spi.Job;
import dev.gallerykit.spi.Slice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks every blob in key order. Keys of one photo are adjacent ({@code owner/photo/...}), so each
 * photo's record is looked up once; blobs its record does not list, or whose record is gone, are
 * deleted once they are older than the grace period. Keys of one owner are adjacent too, so the id
 * holds of each owner met are cleared of those that ended before the grace, once per owner: a store
 * never has to be scanned for them.
 */
final class ReconcileService implements Maintenance {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileService.class);
    private static final int PAGE = 1000;

    private final Core core;

    ReconcileService(Core core) {
        this.core = core;
    }

    @Override
    public ReconcileReport reconcile(Duration grace) {
        Validation.required("grace", grace);
        if (grace.isNegative()) {
            throw new InvalidInputException("grace", "must not be negative, was " + grace);
        }
        Instant cutoff = core.now().minus(grace);
        long scanned = 0;
        long deleted = 0;
        long foreign = 0;
        long holds = 0;
        List<Job> requeue = new ArrayList<>();
        Optional<UserId> owner = Optional.empty();
        List<BlobInfo> group = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            Slice<BlobInfo> slice = core.blobs.list("", PAGE, after);
            for (BlobInfo blob : slice.items()) {
                scanned++;
                Optional<BlobLayout.PhotoRef> ref = BlobLayout.parse(blob.key());
                if (ref.isEmpty()) {
                    foreign++;
                    continue;
                }
                if (!owner.equals(Optional.of(ref.get().owner()))) {
                    owner = Optional.of(ref.get().owner());
                    // The grace covers clocks a little apart: a completion that read its token just in time.
                    holds += core.photos.removeExpiredHolds(owner.get(), cutoff);
                }
                if (!group.isEmpty() && !BlobLayout.parse(group.get(0).key()).equals(ref)) {
                    deleted += sweep(group, cutoff, requeue);
                    group.clear();
                }
                group.add(blob);
            }
            after = slice.next();
        } while (after.isPresent());
        deleted += sweep(group, cutoff, requeue);
        sendAgain(requeue);
        return new ReconcileReport(scanned, deleted, foreign, holds, requeue.size());
    }

    /**
     * Deletes the blobs of one photo that its record does not reference and that are old enough, and
     * notes a photo that has been processing since before the cutoff: its job was lost (a crash between
     * the record and the send) or ended in the dead letters.
     */
    private long sweep(List<BlobInfo> blobsOfOnePhoto, Instant cutoff, List<Job> requeue) {
        List<BlobInfo> old = blobsOfOnePhoto.stream().filter(b -> b.lastModified().isBefore(cutoff)).toList();
        if (old.isEmpty()) {
            return 0;
        }
        BlobLayout.PhotoRef ref = BlobLayout.parse(old.get(0).key()).orElseThrow();
        Optional<Photo> record = core.photos.find(ref.owner(), ref.photo());
        record.filter(p -> p.processing().isProcessing() && p.updatedAt().isBefore(cutoff))
                .ifPresent(p -> requeue.add(Job.processPhoto(p.ownerId(), p.id())));
        Set<String> referenced = record.map(Photo::derivatives).orElse(List.of())
                .stream().map(Derivative::blobKey).collect(Collectors.toSet());
        List<String> orphans = old.stream().map(BlobInfo::key).filter(k -> !referenced.contains(k)).toList();
        if (orphans.isEmpty()) {
            return 0;
        }
        Map<String, String> failed = core.blobs.deleteAll(orphans);
        failed.forEach((key, reason) -> LOG.warn("reconcile could not delete blob {} ({})", key, reason));
        return orphans.size() - failed.size();
    }

    private void sendAgain(List<Job> requeue) {
        if (requeue.isEmpty()) {
            return;
        }
        if (core.jobs.isEmpty()) {
            LOG.warn("{} photos are still processing and this gallery has no job queue: build it asynchronous to finish them",
                    requeue.size());
            return;
        }
        core.jobs.get().send(requeue);
    }
}
