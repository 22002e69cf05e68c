package dev.gallerykit.vips;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.gallerykit.Gallery;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.image.MediaType;
import dev.gallerykit.image.Rendition;
import dev.gallerykit.memory.InMemoryAlbumRepository;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.memory.InMemoryPhotoRepository;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs in a JVM with a 32 MB heap (the {@code heap} execution in the POM): a 24 MP photo, whose raster
 * alone would be 72 MB, is rendered without its pixels or its file ever being on the Java heap.
 */
@DisplayName("A 24 MP photo in a 32 MB heap")
class VipsHeapTest {

    @TempDir
    static Path directory;

    private static Path photo;

    /** Written by libvips from noise, so that no raster is made in Java. */
    @BeforeAll
    static void writePhoto() {
        LibVips vips = Vips.library();
        PointerByReference noise = new PointerByReference();
        PointerByReference bytes = new PointerByReference();
        PointerByReference colour = new PointerByReference();
        assertThat(vips.vips_gaussnoise(noise, 6000, 4000, "mean", 128.0, "sigma", 30.0, (Object) null)).isZero();
        try {
            assertThat(vips.vips_cast(noise.getValue(), bytes, LibVips.VIPS_FORMAT_UCHAR, (Object) null)).isZero();
            assertThat(vips.vips_colourspace(bytes.getValue(), colour, LibVips.VIPS_INTERPRETATION_SRGB,
                    (Object) null)).isZero();
            photo = directory.resolve("IMG_24MP.jpg");
            assertThat(vips.vips_image_write_to_file(colour.getValue(), Vips.fileName(photo), (Object) null)).isZero();
        } finally {
            for (PointerByReference image : List.of(noise, bytes, colour)) {
                if (image.getValue() != null) {
                    vips.g_object_unref(image.getValue());
                }
            }
        }
        assertThat(Runtime.getRuntime().maxMemory()).as("run with -Xmx32m").isLessThan(48L << 20);
    }

    @Test
    @DisplayName("makes its renditions, again and again")
    void renders() {
        VipsImageEngine engine = VipsImageEngine.create();

        for (int i = 0; i < 5; i++) {
            List<Rendition> renditions = engine.render(photo, MediaType.JPEG, 6, ImageOptions.defaults());

            assertThat(renditions).extracting(Rendition::dimensions)
                    .containsExactly(new Dimensions(853, 1280), new Dimensions(171, 256));
        }
    }

    @Test
    @DisplayName("allocates on the Java heap little more than its finished JPEGs")
    void allocation() {
        VipsImageEngine engine = VipsImageEngine.create();
        engine.render(photo, MediaType.JPEG, 1, ImageOptions.defaults()); // classes loaded, JNA warmed up
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

        long before = threads.getCurrentThreadAllocatedBytes();
        List<Rendition> renditions = engine.render(photo, MediaType.JPEG, 1, ImageOptions.defaults());
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        long jpegs = renditions.stream().mapToLong(rendition -> rendition.jpeg().length).sum();
        assertThat(allocated).as("bytes allocated for renditions of %d bytes", jpegs).isLessThan(2 * jpegs + (1 << 20));
    }

    @Test
    @DisplayName("is uploaded through a gallery with its renditions")
    void uploads() throws Exception {
        InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
        Gallery gallery = Gallery.builder().albums(albums).photos(new InMemoryPhotoRepository(albums))
                .blobs(new InMemoryBlobStore()).imageEngine(VipsImageEngine.create()).build();
        UserId owner = UserId.of(UUID.randomUUID());
        Album album = gallery.albums().create(owner, "Camera", "");

        Photo uploaded;
        try (InputStream in = Files.newInputStream(photo)) {
            uploaded = gallery.photos().upload(owner, album.id(), Upload.of(in, "IMG_24MP.jpg"));
        }

        assertThat(uploaded.dimensions()).contains(new Dimensions(6000, 4000));
        assertThat(uploaded.thumbnails()).extracting(Derivative::dimensions)
                .containsExactly(Optional.of(new Dimensions(1280, 853)), Optional.of(new Dimensions(256, 171)));
    }
}
