package dev.gallerykit.internal;

import dev.gallerykit.Albums;
import dev.gallerykit.DuplicatePolicy;
import dev.gallerykit.JobHandler;
import dev.gallerykit.LinkViews;
import dev.gallerykit.Maintenance;
import dev.gallerykit.Owners;
import dev.gallerykit.Photos;
import dev.gallerykit.Sharing;
import dev.gallerykit.image.ImagePipeline;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.EventPublisher;
import dev.gallerykit.spi.ImageLabeler;
import dev.gallerykit.spi.JobQueue;
import dev.gallerykit.spi.OwnerCheck;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.ShareRepository;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/** Builds the use-case implementations for {@code Gallery}; not part of the API. */
public record Assembly(Albums albums, Photos photos, Owners owners, Maintenance maintenance, Sharing sharing,
                       LinkViews links, JobHandler jobs) {

    public static Assembly of(AlbumRepository albumRepository, PhotoRepository photoRepository, BlobStore blobs,
                              Clock clock, byte[] cursorSecret, int maxPageSize, ImagePipeline pipeline,
                              ImageLabeler labeler, DuplicatePolicy duplicates, Path spoolDirectory,
                              OwnerCheck owners, ShareRepository shares, int linkPasswordIterations,
                              Optional<JobQueue> jobs, EventPublisher events, int maxProcessingAttempts) {
        Core core = new Core(albumRepository, photoRepository, shares == null ? new NoShares() : shares, blobs, jobs,
                events, clock, cursorSecret, maxPageSize);
        AlbumService albums = new AlbumService(core, owners);
        return new Assembly(albums, new PhotoService(core, pipeline, labeler, duplicates, spoolDirectory),
                new OwnerService(core, albums), new ReconcileService(core),
                new SharingService(core, owners, new LinkSecrets(new SecureRandom(), linkPasswordIterations)),
                new LinkService(core),
                new ProcessingService(core, pipeline, labeler, spoolDirectory, maxProcessingAttempts));
    }
}
