package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.Gallery;
import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.EventPublisher;
import dev.gallerykit.spi.ImageEngine;
import dev.gallerykit.spi.ImageLabeler;
import dev.gallerykit.spi.JobQueue;
import dev.gallerykit.spi.OwnerCheck;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.spring.GalleryKitProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Configures the {@link Gallery} over the store and blob store chosen by {@code gallerykit.store} and
 * {@code gallerykit.blobs} (in memory by default). Every bean backs off when the host defines one of
 * the same type; a host {@link Clock}, {@link ImageLabeler}, {@link OwnerCheck} or {@link ImageEngine} bean is
 * used when there is one. Ingest is synchronous unless {@code gallerykit.processing.mode=asynchronous}, which
 * sends jobs to the {@link JobQueue} bean (see {@link ProcessingConfiguration}); events go to the
 * {@link EventPublisher} bean, by default as Spring application events.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(GalleryKitProperties.class)
@Import({MemoryStoreConfiguration.class, JdbcStoreConfiguration.class, DynamoDbStoreConfiguration.class,
        MemoryBlobStoreConfiguration.class, S3BlobStoreConfiguration.class, ImageEngineConfiguration.class,
        SqsConfiguration.class, ProcessingConfiguration.class})
public class GalleryKitAutoConfiguration {

    /** Made by Spring Boot from the auto-configuration imports. */
    public GalleryKitAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    Gallery gallery(GalleryKitProperties properties, ObjectProvider<AlbumRepository> albums,
            ObjectProvider<PhotoRepository> photos, ObjectProvider<ShareRepository> shares, ObjectProvider<BlobStore> blobs, ObjectProvider<Clock> clock,
            ObjectProvider<ImageLabeler> labeler, ObjectProvider<OwnerCheck> owners, ObjectProvider<ImageEngine> engine,
            ObjectProvider<JobQueue> jobQueues, ObjectProvider<EventPublisher> events) {
        Problems problems = new Problems();
        AlbumRepository albumRepository = albums.getIfUnique();
        PhotoRepository photoRepository = photos.getIfUnique();
        if (albumRepository == null || photoRepository == null) {
            problems.add("gallerykit.store", Modules.storeMissing(properties.store()));
        }
        BlobStore blobStore = blobs.getIfUnique();
        if (blobStore == null) {
            problems.add("gallerykit.blobs", Modules.blobsMissing(properties.blobs()));
        }
        byte[] cursorSecret = problems.base64("gallerykit.cursor-secret", properties.cursorSecret(), 32);
        ImageOptions images = imageOptions(properties.upload(), problems);
        GalleryKitProperties.Processing processing = properties.processing();
        if (processing.maxAttempts() < 1) {
            problems.add(ProcessingConfiguration.MAX_ATTEMPTS, "must be at least 1 (it is " + processing.maxAttempts() + ")");
        }
        JobQueue jobQueue = null;
        if (processing.mode() == GalleryKitProperties.ProcessingMode.ASYNCHRONOUS) {
            jobQueue = jobQueues.getIfUnique();
            long defined = jobQueue != null ? 1 : jobQueues.stream().count();
            if (defined == 0) {
                problems.add(ProcessingConfiguration.QUEUE, Modules.queueMissing(processing.queue()));
            } else if (jobQueue == null) {
                problems.add(ProcessingConfiguration.MODE, "is asynchronous, which needs one JobQueue bean (the "
                        + "application defines " + defined + ")");
            }
        }
        problems.throwIfAny();
        JobQueue queue = jobQueue;
        return Problems.build("gallerykit.upload", () -> {
            Gallery.Builder builder = Gallery.builder()
                    .albums(albumRepository)
                    .photos(photoRepository)
                    .blobs(blobStore)
                    .imageOptions(images)
                    .duplicates(properties.duplicates())
                    .maxProcessingAttempts(processing.maxAttempts());
            if (queue != null) {
                builder.asynchronous(queue);
            }
            events.ifUnique(builder::events);
            clock.ifUnique(builder::clock);
            labeler.ifUnique(builder::labeler);
            engine.ifUnique(builder::imageEngine);
            owners.ifUnique(builder::owners);
            shares.ifUnique(builder::shares);
            if (cursorSecret != null) {
                builder.cursorSecret(cursorSecret);
            }
            if (properties.upload().spoolDirectory() != null) {
                builder.spoolDirectory(properties.upload().spoolDirectory());
            }
            return builder.build();
        });
    }

    private static ImageOptions imageOptions(GalleryKitProperties.Upload upload, Problems problems) {
        try {
            return new ImageOptions(upload.maxBytes().toBytes(), upload.maxPixels(), upload.thumbnailSizes(),
                    upload.jpegQuality());
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add("gallerykit.upload", "is out of range: " + e.getMessage());
            return null;
        }
    }
}
