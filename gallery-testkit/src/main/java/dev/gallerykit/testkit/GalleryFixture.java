package dev.gallerykit.testkit;

import dev.gallerykit.Gallery;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.ImageLabeler;
import dev.gallerykit.spi.JobQueue;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.ShareRepository;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What one test of {@link GalleryContract} works on: the adapters under test, a gallery over them,
 * the clock that gallery reads, a client for the store's presigned requests, where asynchronous
 * ingest gets an empty job queue, and two users who own nothing yet (fresh ids, so adapters may share one store between tests).
 */
record GalleryFixture(MutableClock clock, AlbumRepository albums, PhotoRepository photos, ShareRepository shares, BlobStore blobs,
        PresignedClient presigned, Supplier<JobQueue> queues, Gallery gallery, UserId alice, UserId bob) {

    /** Tags every upload "sunny" with confidence 0.9: lets the suite see machine tags without a model. */
    static final ImageLabeler SUNNY = jpeg -> List.of(Tag.machine("sunny", 0.9));

    /**
     * A fixture over these adapters. The clock starts at the current time because stores date their
     * blobs by their own clock, and reconcile compares those dates with the gallery's.
     */
    static GalleryFixture over(AlbumRepository albums, PhotoRepository photos, ShareRepository shares, BlobStore blobs,
            PresignedClient presigned, Supplier<JobQueue> queues) {
        MutableClock clock = MutableClock.startingNow();
        Gallery gallery = builder(clock, albums, photos, shares, blobs).build();
        return new GalleryFixture(clock, albums, photos, shares, blobs, presigned, queues, gallery,
                new UserId(UUID.randomUUID()), new UserId(UUID.randomUUID()));
    }

    /** Another gallery over the same adapters and clock, with {@code changes} applied to the defaults. */
    Gallery gallery(Consumer<Gallery.Builder> changes) {
        Gallery.Builder builder = builder(clock, albums, photos, shares, blobs);
        changes.accept(builder);
        return builder.build();
    }

    private static Gallery.Builder builder(MutableClock clock, AlbumRepository albums, PhotoRepository photos,
            ShareRepository shares, BlobStore blobs) {
        return Gallery.builder().albums(albums).photos(photos).shares(shares).blobs(blobs).clock(clock).labeler(SUNNY).maxPageSize(50)
                // Link passwords at the fewest iterations: the contract checks behaviour, not the cost.
                .linkPasswordIterations(Gallery.MIN_LINK_PASSWORD_ITERATIONS);
    }
}
