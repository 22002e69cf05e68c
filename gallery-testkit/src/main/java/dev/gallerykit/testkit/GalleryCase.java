package dev.gallerykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.Gallery;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.Blob;
import dev.gallerykit.spi.BlobInfo;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.testkit.fixtures.Fixture;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the use-case contracts that {@link GalleryContract} nests. Before each test it reads
 * the one fixture GalleryContract built for that test (GalleryContract's {@code @BeforeEach} runs
 * first), under the names the tests use, and it holds the helpers the contracts share.
 */
abstract class GalleryCase {

    /** The fixture GalleryContract built for the running test. */
    abstract GalleryFixture fixture();

    MutableClock clock;
    AlbumRepository albums;
    PhotoRepository photos;
    ShareRepository shares;
    BlobStore blobs;
    PresignedClient presigned;
    Gallery gallery;
    UserId alice;
    UserId bob;

    @BeforeEach
    void readTheFixture() {
        GalleryFixture fixture = fixture();
        clock = fixture.clock();
        albums = fixture.albums();
        photos = fixture.photos();
        shares = fixture.shares();
        blobs = fixture.blobs();
        presigned = fixture.presigned();
        gallery = fixture.gallery();
        alice = fixture.alice();
        bob = fixture.bob();
    }

    /** A gallery over this test's adapters and clock, with {@code changes} applied to the defaults. */
    Gallery gallery(Consumer<Gallery.Builder> changes) {
        return fixture().gallery(changes);
    }

    Album anAlbum(UserId owner, String name) {
        return gallery.albums().create(owner, name, "");
    }

    Photo upload(UserId owner, AlbumId album, Fixture file) {
        return gallery.photos().upload(owner, album, Upload.of(file.stream(), file.fileName()));
    }

    /** Every blob key under the owner's prefix, straight from the store. */
    List<String> blobKeysOf(UserId owner) {
        List<String> keys = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            var slice = blobs.list(owner + "/", 1000, after);
            slice.items().stream().map(BlobInfo::key).forEach(keys::add);
            after = slice.next();
        } while (after.isPresent());
        return keys;
    }

    /** Every photo record of the owner, straight from the repository. */
    List<Photo> photosOf(UserId owner) {
        return photos.search(owner, PhotoQuery.builder().build(), 1000, Optional.empty()).items();
    }

    static List<String> blobKeysIn(Photo photo) {
        return photo.derivatives().stream().map(Derivative::blobKey).toList();
    }

    /** The bytes stored under a file of the photo, read from the store rather than through the gallery. */
    byte[] storedBytes(Photo photo, String file) {
        String key = photo.derivative(file).orElseThrow(() -> new AssertionError(photo.id() + " has no " + file))
                .blobKey();
        return bytesOf(blobs.get(key).orElseThrow(() -> new AssertionError("no blob under " + key)));
    }

    /** The rule every rejected call follows: it changed nothing, no record and no blob. */
    void assertNothingStoredFor(UserId owner) {
        assertThat(photosOf(owner)).as("photo records of %s", owner).isEmpty();
        assertThat(blobKeysOf(owner)).as("blobs of %s", owner).isEmpty();
    }

    static String sha256Of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The size of the image in {@code bytes}, decoded as a viewer would. */
    static Dimensions dimensionsOf(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(image).as("a decodable image").isNotNull();
            return new Dimensions(image.getWidth(), image.getHeight());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytesOf(Blob blob) {
        try (blob) {
            return blob.readAllBytes();
        }
    }

    static void assertInvalid(ThrowingCallable call, String field) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageStartingWith(field + " ");
    }
}
