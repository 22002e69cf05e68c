package dev.gallerykit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gallerykit.Gallery;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.GalleryException;
import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.memory.InMemoryAlbumRepository;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.memory.InMemoryPhotoRepository;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The whole upload on the in-memory gallery, with arbitrary bytes: it stores a photo or refuses with one of
 * our exceptions, and a refused upload leaves no record, no blob and no spooled file behind. Every accepted
 * photo is deleted again, so each input starts from an empty album.
 */
class UploadFuzzTest {

    private static final UserId OWNER = new UserId(UUID.fromString("0190a0b0-0000-7000-8000-000000000001"));
    private static final ImageOptions OPTIONS = new ImageOptions(1024 * 1024, 1_000_000L, List.of(64, 32), 0.85f);

    private static final InMemoryAlbumRepository ALBUMS = new InMemoryAlbumRepository();
    private static final InMemoryPhotoRepository PHOTOS = new InMemoryPhotoRepository(ALBUMS);
    private static final InMemoryBlobStore BLOBS = new InMemoryBlobStore();
    private static final Path SPOOL = spoolDirectory();
    private static final Gallery GALLERY = Gallery.builder().albums(ALBUMS).photos(PHOTOS).blobs(BLOBS)
            .imageOptions(OPTIONS).spoolDirectory(SPOOL).build();
    private static final AlbumId ALBUM = GALLERY.albums().create(OWNER, "Fuzzed", "").id();

    @FuzzTest(maxDuration = "30s")
    void upload(byte[] input) {
        Photo photo;
        try {
            photo = GALLERY.photos().upload(OWNER, ALBUM, Upload.of(new ByteArrayInputStream(input), "upload.jpg"));
        } catch (GalleryException refused) {
            assertNothingLeft("a refused upload (" + refused + ")");
            return;
        }
        assertEquals(input.length, photo.size());
        for (var derivative : photo.derivatives()) {
            assertTrue(BLOBS.keys().contains(derivative.blobKey()), () -> "no blob for " + derivative);
        }
        GALLERY.photos().delete(OWNER, photo.id());
        assertNothingLeft("a deleted photo");
    }

    private static void assertNothingLeft(String after) {
        assertTrue(GALLERY.photos().list(OWNER, ALBUM, PageRequest.first(1)).items().isEmpty(),
                () -> "a record is left after " + after);
        assertEquals(0, BLOBS.size(), () -> "blobs are left after " + after + ": " + BLOBS.keys());
        try (Stream<Path> files = Files.list(SPOOL)) {
            List<Path> left = files.toList();
            assertTrue(left.isEmpty(), () -> "spooled files are left after " + after + ": " + left);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path spoolDirectory() {
        try {
            Path directory = Files.createTempDirectory("gallerykit-fuzz-spool-");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
