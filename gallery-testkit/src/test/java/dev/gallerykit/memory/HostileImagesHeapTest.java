package dev.gallerykit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.Gallery;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.LimitExceededException;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.HostileFiles;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Crafted files through the public API, in a JVM whose heap is 256 MB (the build runs this class in
 * an execution of its own with {@code -Xmx256m}): each bomb would need more than the whole heap if a
 * reader trusted it, so an {@code OutOfMemoryError} is what a regression looks like here.
 */
@DisplayName("Hostile images in a 256 MB heap")
class HostileImagesHeapTest {

    private static final int MB = 1 << 20;

    private final InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
    private final InMemoryPhotoRepository photos = new InMemoryPhotoRepository(albums);
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final Gallery gallery = Gallery.builder().albums(albums).photos(photos).blobs(blobs).build();
    private final UserId alice = new UserId(UUID.randomUUID());
    private Album album;

    @BeforeAll
    static void theHeapIsSmall() {
        assertThat(Runtime.getRuntime().maxMemory()).as("this class runs with -Xmx256m").isLessThanOrEqualTo(300L * MB);
    }

    @BeforeEach
    void anAlbum() {
        album = gallery.albums().create(alice, "Bombs", "");
    }

    @Test
    @DisplayName("a PNG whose compressed text inflates to 512 MB is stored as the 64x48 picture it is")
    void pngTextBomb() {
        Photo photo = upload(HostileFiles.aPngWithCompressedText(512 * MB));

        assertThat(photo.contentType()).isEqualTo("image/png");
        assertThat(photo.metadata().dimensions()).hasValueSatisfying(d -> assertThat(d.pixels()).isEqualTo(64 * 48));
    }

    @Test
    @DisplayName("a PNG whose ICC profile inflates to 512 MB is stored as the 64x48 picture it is")
    void pngProfileBomb() {
        Photo photo = upload(HostileFiles.aPngWithCompressedProfile(512 * MB));

        assertThat(photo.metadata().dimensions()).hasValueSatisfying(d -> assertThat(d.pixels()).isEqualTo(64 * 48));
    }

    @Test
    @DisplayName("a 40-byte WebP declaring 10000x10000 pixels is refused on its header, and nothing is stored")
    void tinyWebpDeclaringHundredMegapixels() {
        Fixture webp = HostileFiles.aTinyWebpDeclaring(10_000, 10_000);
        assertThat(webp.size()).isLessThan(64);

        assertThatThrownBy(() -> upload(webp)).isInstanceOfSatisfying(LimitExceededException.class,
                e -> assertThat(e.limit()).isEqualTo("pixels")).hasMessageContaining("10000x10000");
        assertThat(photos.listByAlbum(alice, album.id(), 10, Optional.empty()).items()).isEmpty();
        assertThat(blobs.list(alice + "/", 10, Optional.empty()).items()).isEmpty();
    }

    private Photo upload(Fixture file) {
        return gallery.photos().upload(alice, album.id(), Upload.of(file.stream(), file.fileName()));
    }
}
