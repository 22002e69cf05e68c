package dev.gallerykit.internal;

import dev.gallerykit.JobHandler;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.GalleryEvent;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.Processing;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.GalleryException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.error.UnsupportedMediaException;
import dev.gallerykit.image.ImageAnalysis;
import dev.gallerykit.image.ImagePipeline;
import dev.gallerykit.image.MediaType;
import dev.gallerykit.image.Rendition;
import dev.gallerykit.spi.Blob;
import dev.gallerykit.spi.ImageLabeler;
import dev.gallerykit.spi.Job;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's side of asynchronous ingest. Each try first counts itself in the record
 * ({@link Processing#attempts()}), so a file that kills its workers is given up on after the limit
 * however the job came back (a redelivery, a dead letter sent back, reconcile). The renditions go
 * under keys of this try alone and the record names them in one conditional write; a try that loses
 * (the photo was deleted, another try finished first) removes its own blobs and touches no other's.
 */
final class ProcessingService implements JobHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessingService.class);

    /** Writes of the record retried when a concurrent edit (a title, tags) moved its version. */
    private static final int WRITE_TRIES = 5;

    private final Core core;
    private final ImagePipeline pipeline;
    private final ImageLabeler labeler;
    private final Path spoolDirectory;
    private final int maxAttempts;

    ProcessingService(Core core, ImagePipeline pipeline, ImageLabeler labeler, Path spoolDirectory, int maxAttempts) {
        this.core = core;
        this.pipeline = pipeline;
        this.labeler = labeler;
        this.spoolDirectory = spoolDirectory;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public Outcome handle(Job job) {
        Validation.required("job", job);
        Optional<Photo> started = write(job, p -> p.processing().attempts() >= maxAttempts
                ? p.toBuilder().processing(p.processing().failed("gave up after " + p.processing().attempts()
                        + " attempts that did not finish")).updatedAt(core.now()).build()
                : p.toBuilder().processing(p.processing().nextAttempt()).build());
        if (started.isEmpty()) {
            return Outcome.SKIPPED;
        }
        Photo photo = started.get();
        if (!photo.processing().isProcessing()) {
            core.publish(GalleryEvent.ofPhoto(GalleryEvent.Type.PHOTO_FAILED, core.now(), photo));
            return Outcome.FAILED;
        }
        List<Rendition> renditions;
        try {
            renditions = render(photo);
        } catch (GalleryException e) {
            if (e.retryable()) {
                throw e;
            }
            return fail(job, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (RuntimeException e) {
            // A decoder's own exception on a crafted file: the file is the problem, not the worker.
            LOG.warn("processing photo {} failed", photo.id(), e);
            return fail(job, "the image could not be processed: " + e);
        }
        return finish(job, renditions);
    }

    /**
     * Renders the stored original. Its type and metadata were read at upload and are in the record, and the
     * original never changes (I5): the header is not read a second time.
     */
    private List<Rendition> render(Photo photo) {
        Derivative original = photo.original();
        MediaType type = MediaType.ofMimeType(photo.contentType()).orElseThrow(() -> new UnsupportedMediaException(
                "the photo records the content type " + photo.contentType() + ", which is not an image type we accept"));
        try (Blob blob = core.blobs.get(original.blobKey())
                .orElseThrow(() -> new NotFoundException("blob", original.blobKey()));
             SpooledUpload spooled = SpooledUpload.spool(blob.content(), pipeline.options().maxBytes(), spoolDirectory)) {
            return pipeline.render(spooled.file(), new ImageAnalysis(type, photo.metadata()));
        }
    }

    private Outcome fail(Job job, String reason) {
        Optional<Photo> failed = write(job, p -> p.toBuilder().processing(p.processing().failed(reason))
                .updatedAt(core.now()).build());
        failed.ifPresent(p -> core.publish(GalleryEvent.ofPhoto(GalleryEvent.Type.PHOTO_FAILED, core.now(), p)));
        return failed.isPresent() ? Outcome.FAILED : Outcome.SKIPPED;
    }

    /** Stores the renditions, then the record that names them; a try that loses takes its blobs back. */
    private Outcome finish(Job job, List<Rendition> renditions) {
        String attempt = BlobLayout.newAttempt();
        List<Derivative> written = new ArrayList<>();
        Optional<Photo> ready;
        try {
            core.putRenditions(job.ownerId(), job.photoId(), attempt, renditions, written);
            List<Tag> machine = MachineTags.labelled(labeler, List.of(), renditions);
            ready = write(job, p -> {
                List<Derivative> derivatives = new ArrayList<>();
                derivatives.add(p.original());
                derivatives.addAll(written);
                return p.toBuilder().derivatives(derivatives)
                        .tags(MachineTags.merge(p.tags(), machine))
                        .processing(p.processing().ready()).updatedAt(core.now()).build();
            });
        } catch (RuntimeException e) {
            if (!(e instanceof GalleryException failure && failure.retryable() && recordNames(job, written))) {
                core.removeUnreferenced(job.photoId(), keys(written));
            }
            throw e;
        }
        if (ready.isEmpty()) {
            core.removeUnreferenced(job.photoId(), keys(written));
            return Outcome.SKIPPED;
        }
        core.publish(GalleryEvent.ofPhoto(GalleryEvent.Type.PHOTO_READY, core.now(), ready.get()));
        return Outcome.READY;
    }

    /** Whether the stored record names these blobs: a write whose answer was lost took effect. */
    private boolean recordNames(Job job, List<Derivative> written) {
        if (written.isEmpty()) {
            return false;
        }
        try {
            return core.photos.find(job.ownerId(), job.photoId())
                    .map(p -> p.derivatives().contains(written.get(0))).orElse(false);
        } catch (RuntimeException unknown) {
            // Cannot tell: the blobs stay, and reconcile removes them if no record names them.
            return true;
        }
    }

    private static List<String> keys(List<Derivative> written) {
        return written.stream().map(Derivative::blobKey).toList();
    }

    /**
     * Applies {@code change} to the photo while it is still processing, retrying on a concurrent edit.
     * Empty when there is nothing to do: the photo is gone, or processing ended meanwhile (another try
     * finished first).
     */
    private Optional<Photo> write(Job job, UnaryOperator<Photo> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<Photo> current = core.photos.find(job.ownerId(), job.photoId());
            if (current.isEmpty() || !current.get().processing().isProcessing()) {
                return Optional.empty();
            }
            try {
                return Optional.of(core.photos.update(current.get(), change.apply(current.get())));
            } catch (NotFoundException e) {
                return Optional.empty();
            } catch (ConcurrentModificationException e) {
                if (attempt == WRITE_TRIES) {
                    throw e;
                }
            }
        }
    }
}
