package dev.gallerykit.vips;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.Gallery;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.image.JavaImageEngine;
import dev.gallerykit.memory.InMemoryAlbumRepository;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.memory.InMemoryPhotoRepository;
import dev.gallerykit.spi.ImageEngine;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A gallery on the libvips engine")
class VipsGalleryTest {

    @TempDir
    Path directory;

    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final UserId owner = UserId.of(UUID.randomUUID());

    private Gallery gallery(ImageEngine engine) {
        InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
        return Gallery.builder().albums(albums).photos(new InMemoryPhotoRepository(albums)).blobs(blobs)
                .imageEngine(engine).build();
    }

    private Photo upload(Gallery gallery, Path file) throws Exception {
        Album album = gallery.albums().create(owner, "Phone", "");
        try (InputStream in = Files.newInputStream(file)) {
            return gallery.photos().upload(owner, album.id(), Upload.of(in, file.getFileName().toString()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"IMG_0001.HEIC, image/heic", "IMG_0001.avif, image/avif", "scan.tif, image/tiff"})
    @DisplayName("gives a HEIC, AVIF or TIFF upload its renditions, with their real sizes, stored as JPEGs")
    void uploadGetsRenditions(String name, String contentType) throws Exception {
        Path original = VipsWriter.write(Images.quadrants(4032, 3024), directory, name);
        Gallery gallery = gallery(VipsImageEngine.create());

        Photo photo = upload(gallery, original);

        assertThat(gallery.imageEngine().name()).startsWith("libvips ");
        assertThat(photo.contentType()).isEqualTo(contentType);
        assertThat(photo.dimensions()).contains(new Dimensions(4032, 3024));
        assertThat(photo.thumbnails()).extracting(Derivative::name).containsExactly("thumb-1280", "thumb-256");
        assertThat(photo.thumbnails()).extracting(Derivative::dimensions).containsExactly(
                Optional.of(new Dimensions(1280, 960)), Optional.of(new Dimensions(256, 192)));
        for (Derivative thumbnail : photo.thumbnails()) {
            assertThat(thumbnail.contentType()).isEqualTo("image/jpeg");
            byte[] stored = blobs.get(thumbnail.blobKey()).orElseThrow().readAllBytes();
            assertThat(Images.decode(stored).getWidth()).isEqualTo(thumbnail.dimensions().orElseThrow().width());
        }
    }

    @Test
    @DisplayName("turns a HEIC by its container only: an EXIF orientation in it is not applied on top")
    void heicIsTurnedOnce() throws Exception {
        // libvips keeps the JPEG's EXIF (orientation 6) in the HEIC it writes, and writes no irot: the picture
        // displays as stored, which is what libheif (so every libvips reader) and the HEIF standard say.
        Path jpeg = directory.resolve("turned.jpg");
        Files.write(jpeg, PhotoFixtures.aJpegWithExif().bytes());
        Path heic = VipsWriter.convert(jpeg, directory, "IMG_0003.HEIC");

        Photo photo = upload(gallery(VipsImageEngine.create()), heic);

        assertThat(photo.metadata().orientation()).isEqualTo(1);
        assertThat(photo.thumbnails()).extracting(Derivative::dimensions).containsExactly(
                Optional.of(new Dimensions(PhotoFixtures.EXIF_WIDTH, PhotoFixtures.EXIF_HEIGHT)),
                Optional.of(new Dimensions(256, 192)));
    }

    @Test
    @DisplayName("where the pure-Java engine stores the same HEIC without renditions")
    void javaEngineHasNone() throws Exception {
        Path heic = VipsWriter.write(Images.quadrants(640, 480), directory, "IMG_0002.HEIC");

        Photo photo = upload(gallery(new JavaImageEngine()), heic);

        assertThat(photo.hasThumbnails()).isFalse();
    }
}
