package dev.gallerykit.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.Gallery;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A picture at the default pixel limit, in a JVM whose heap is 256 MB (this class runs in the build's
 * {@code -Xmx256m} execution): its full raster would take 300 MB, so it only ingests if the reader
 * decodes it subsampled and the renditions are made from the small raster. The PNG is written row
 * by row ({@link PhotoFixtures#aStripedPng}), a few hundred KB.
 */
@DisplayName("A picture at the pixel limit in a 256 MB heap")
class LimitImagesHeapTest {

    private static final int MB = 1 << 20;
    private static final int SIDE = 10_000;

    @BeforeAll
    static void theHeapIsSmall() {
        assertThat(Runtime.getRuntime().maxMemory()).as("this class runs with -Xmx256m").isLessThanOrEqualTo(300L * MB);
    }

    @Test
    @DisplayName("a 10000x10000 PNG (100 MP, the default limit) is stored with its dimensions and every rendition")
    void aHundredMegapixelPng() {
        InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
        Gallery gallery = Gallery.builder().albums(albums).photos(new InMemoryPhotoRepository(albums))
                .blobs(new InMemoryBlobStore()).build();
        assertThat((long) SIDE * SIDE).isEqualTo(ImageOptions.DEFAULT_MAX_PIXELS);
        UserId owner = new UserId(UUID.randomUUID());
        Album album = gallery.albums().create(owner, "Big", "");
        Fixture png = PhotoFixtures.aStripedPng(SIDE, SIDE);

        Photo photo = gallery.photos().upload(owner, album.id(),
                Upload.of(png.stream(), png.fileName()));

        assertThat(photo.metadata().dimensions()).hasValueSatisfying(d -> {
            assertThat(d.width()).isEqualTo(SIDE);
            assertThat(d.height()).isEqualTo(SIDE);
        });
        List<Derivative> renditions = photo.derivatives().stream()
                .filter(derivative -> !derivative.name().equals(Derivative.ORIGINAL)).toList();
        assertThat(renditions).hasSize(ImageOptions.defaults().thumbnailSizes().size()).allSatisfy(rendition -> {
            assertThat(rendition.contentType()).isEqualTo("image/jpeg");
            assertThat(rendition.dimensions()).hasValueSatisfying(d -> assertThat(d.width()).isEqualTo(d.height())
                    .isLessThanOrEqualTo(ImageOptions.defaults().thumbnailSizes().get(0)).isPositive());
        });
    }
}
