package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.Gallery;
import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.ImageEngine;
import dev.gallerykit.spi.ImageLabeler;
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
 * used when there is one.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(GalleryKitProperties.class)
@Import({MemoryStoreConfiguration.class, JdbcStoreConfiguration.class, DynamoDbStoreConfiguration.class,
        MemoryBlobStoreConfiguration.class, S3BlobStoreConfiguration.class, ImageEngineConfiguration.class})
public class GalleryKitAutoConfiguration {

    /** Made by Spring Boot from the auto-configuration imports. */
    public GalleryKitAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    Gallery gallery(GalleryKitProperties properties, ObjectProvider<AlbumRepository> albums,
            ObjectProvider<PhotoRepository> photos, ObjectProvider<ShareRepository> shares, ObjectProvider<BlobStore> blobs, ObjectProvider<Clock> clock,
            ObjectProvider<ImageLabeler> labeler, ObjectProvider<OwnerCheck> owners, ObjectProvider<ImageEngine> engine) {
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
        problems.throwIfAny();
        return Problems.build("gallerykit.upload", () -> {
            Gallery.Builder builder = Gallery.builder()
                    .albums(albumRepository)
                    .photos(photoRepository)
                    .blobs(blobStore)
                    .imageOptions(images)
                    .duplicates(properties.duplicates());
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
