package dev.gallerykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.Gallery;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.LimitExceededException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.error.UnsupportedMediaException;
import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.testkit.faults.FaultPlan;
import dev.gallerykit.testkit.faults.Faults;
import dev.gallerykit.testkit.faults.Operation;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.HostileFiles;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Uploads that must be refused, each leaving no record and no blob: bad content, limits, bad
 * arguments, someone else's album, and failures half-way through that must be compensated.
 */
abstract class RejectedUploadContract extends GalleryCase {

    private void assertRejectedUpload(Fixture fixture, Class<? extends RuntimeException> type, String messagePart) {
        Album album = anAlbum(alice, "Rejects");
        assertThatThrownBy(() -> upload(alice, album.id(), fixture))
                .isInstanceOf(type)
                .hasMessageContaining(messagePart);
        assertNothingStoredFor(alice);
    }

    @Test
    @DisplayName("a text file named .jpg is not an image")
    void textNamedJpg() {
        assertRejectedUpload(PhotoFixtures.aTextFileNamedJpg(), UnsupportedMediaException.class, "not an image");
    }

    @Test
    @DisplayName("an empty file is refused")
    void emptyFile() {
        assertRejectedUpload(PhotoFixtures.anEmptyFile(), InvalidInputException.class, "content is empty");
    }

    @Test
    @DisplayName("a truncated JPEG is refused as corrupt")
    void truncatedJpeg() {
        assertRejectedUpload(PhotoFixtures.aTruncatedJpeg(), UnsupportedMediaException.class, "truncated or corrupt");
    }

    @Test
    @DisplayName("a header claiming 50000x50000 pixels is refused before decoding")
    void pixelBomb() {
        Album album = anAlbum(alice, "Bombs");
        assertThatThrownBy(() -> upload(alice, album.id(), PhotoFixtures.aHugeHeaderPng()))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo("pixels"))
                .hasMessageContaining("50000x50000");
        assertNothingStoredFor(alice);
    }

    @Test
    @DisplayName("an upload over the byte limit is refused while it is read")
    void tooManyBytes() {
        Gallery strict = gallery(b -> b.imageOptions(ImageOptions.defaults().withMaxBytes(10_000)));
        Album album = strict.albums().create(alice, "Small only", "");
        Fixture big = PhotoFixtures.aJpeg(1600, 1200, 7);
        assertThat(big.size()).isGreaterThan(10_000);

        assertThatThrownBy(() -> strict.photos().upload(alice, album.id(), Upload.of(big.stream(), big.fileName())))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.limit()).isEqualTo("bytes");
                    assertThat(e.maximum()).isEqualTo(10_000);
                });
        assertNothingStoredFor(alice);
    }

    @Test
    @DisplayName("a stream that breaks half-way is refused")
    void brokenStream() {
        Album album = anAlbum(alice, "Broken");
        byte[] bytes = PhotoFixtures.aJpeg().bytes();
        InputStream breaking = new InputStream() {
            private final InputStream in = new ByteArrayInputStream(bytes, 0, bytes.length / 2);

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b == -1) {
                    throw new IOException("connection reset");
                }
                return b;
            }
        };

        assertInvalid(() -> gallery.photos().upload(alice, album.id(), Upload.of(breaking, "x.jpg")), "content");
        assertNothingStoredFor(alice);
    }

    @Test
    @DisplayName("a web page behind an 'ftyp heic' box, or a HEIF without a primary image, is not stored as a photo")
    void fakeHeif() {
        Album album = anAlbum(alice, "Fakes");
        for (Fixture fake : List.of(HostileFiles.aPageBehindAHeifBrand(), HostileFiles.aHeifWithoutPrimaryItem(),
                HostileFiles.aHeifWithoutSize())) {
            assertThatThrownBy(() -> upload(alice, album.id(), fake)).as(fake.fileName())
                    .isInstanceOf(UnsupportedMediaException.class).hasMessageContaining("HEIF file is not a valid image");
        }
        assertNothingStoredFor(alice);
    }

    @Test
    @DisplayName("a stream that keeps giving no bytes without ending is refused, not read forever")
    void streamThatNeverBlocks() {
        Album album = anAlbum(alice, "Broken");
        byte[] bytes = PhotoFixtures.aJpeg().bytes();
        InputStream spinning = new InputStream() {
            private final InputStream in = new ByteArrayInputStream(bytes, 0, bytes.length / 2);
            private int emptyReads;

            @Override
            public int read() {
                throw new UnsupportedOperationException("read into a buffer");
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = in.read(buffer, offset, length);
                if (read != -1) {
                    return read;
                }
                if (++emptyReads > 1_000_000) {
                    // The reader would spin forever: end the test as a failure rather than hang.
                    throw new IllegalStateException("still read after a million reads that gave nothing");
                }
                return 0;
            }
        };

        assertThatThrownBy(() -> gallery.photos().upload(alice, album.id(), Upload.of(spinning, "x.jpg")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("content"))
                .hasMessageContaining("no bytes");
        assertNothingStoredFor(alice);
    }

    @Test
    @DisplayName("a stream that throws a runtime exception or reports an impossible count is refused as bad content")
    void misbehavingStreams() {
        Album album = anAlbum(alice, "Broken");
        InputStream throwing = new InputStream() {
            @Override
            public int read() {
                throw new IllegalStateException("the client's stream is closed");
            }
        };
        InputStream overReporting = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return length + 1;
            }
        };

        assertThatThrownBy(() -> gallery.photos().upload(alice, album.id(), Upload.of(throwing, "x.jpg")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("content"))
                .hasMessageContaining("the client's stream is closed");
        assertThatThrownBy(() -> gallery.photos().upload(alice, album.id(), Upload.of(overReporting, "x.jpg")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("content"))
                .hasMessageContaining("reported reading");
        assertNothingStoredFor(alice);
    }

    @Test
    @DisplayName("bad titles, descriptions, tags and file names are refused with the field named")
    void badArguments() {
        Album album = anAlbum(alice, "Args");
        Fixture ok = PhotoFixtures.aJpeg();
        assertInvalid(() -> gallery.photos().upload(alice, album.id(),
                Upload.builder().content(ok.stream()).fileName("a.jpg").title("  ").build()), "title");
        assertInvalid(() -> gallery.photos().upload(alice, album.id(),
                Upload.builder().content(ok.stream()).fileName("a.jpg").title("t".repeat(201)).build()), "title");
        assertInvalid(() -> gallery.photos().upload(alice, album.id(),
                Upload.builder().content(ok.stream()).fileName("a.jpg").description("d".repeat(5001)).build()), "description");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add("tag" + i);
        }
        assertInvalid(() -> gallery.photos().upload(alice, album.id(),
                Upload.builder().content(ok.stream()).fileName("a.jpg").tags(tooMany).build()), "tags");
        assertInvalid(() -> gallery.photos().upload(alice, album.id(),
                Upload.builder().content(ok.stream()).fileName("a.jpg").tags(List.of("x".repeat(65))).build()), "tags");
        assertInvalid(() -> gallery.photos().upload(alice, album.id(),
                Upload.builder().content(ok.stream()).fileName("a.jpg").tags(List.of(" ")).build()), "tags");
        // Half of a surrogate pair: stored as '?' by one store and kept by others, so refused everywhere.
        assertInvalid(() -> gallery.photos().upload(alice, album.id(),
                Upload.builder().content(ok.stream()).fileName("a.jpg").title("Sunset \uD83C").build()), "title");
        assertInvalid(() -> gallery.photos().upload(alice, album.id(),
                Upload.builder().content(ok.stream()).fileName("a.jpg").description("\uDF05 at dusk").build()), "description");
        assertInvalid(() -> gallery.photos().upload(alice, album.id(),
                Upload.builder().content(ok.stream()).fileName("a.jpg").tags(List.of("sun\uD83C")).build()), "tags");
        assertInvalid(() -> gallery.photos().upload(alice, album.id(), Upload.of(ok.stream(), "\uDC00.jpg")), "fileName");
        assertInvalid(() -> gallery.photos().search(alice, PhotoQuery.of(q -> q.text("x\uD800")), PageRequest.first(5)),
                "text");
        assertInvalid(() -> gallery.photos().search(alice, PhotoQuery.of(q -> q.tags("\uDFFF")), PageRequest.first(5)),
                "tags");
        assertInvalid(() -> gallery.photos().upload(alice, album.id(), Upload.of(ok.stream(), "photos/")), "fileName");
        assertInvalid(() -> gallery.photos().upload(alice, album.id(), Upload.of(ok.stream(), "  ")), "fileName");
        assertInvalid(() -> gallery.photos().upload(alice, album.id(), null), "upload");
        assertNothingStoredFor(alice);
    }

    @Test
    @DisplayName("an upload into a missing album, or another user's, is not found")
    void albumMustBeTheActors() {
        Album bobs = anAlbum(bob, "Bob's");

        assertThatThrownBy(() -> upload(alice, bobs.id(), PhotoFixtures.aJpeg())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> upload(alice, new AlbumId(UUID.randomUUID()), PhotoFixtures.aJpeg()))
                .isInstanceOf(NotFoundException.class);
        assertNothingStoredFor(alice);
        assertNothingStoredFor(bob);
    }

    @Test
    @DisplayName("when a rendition cannot be stored, the blobs already written are removed")
    void blobFailureIsCompensated() {
        Faults faults = new Faults();
        Gallery flaky = gallery(b -> b.blobs(faults.wrap(blobs)));
        // Puts go original, thumb-1280, thumb-256: the third is the last rendition.
        faults.inject(FaultPlan.before(Operation.BLOB_PUT, 3));
        Album album = flaky.albums().create(alice, "Flaky", "");

        assertThatThrownBy(() -> flaky.photos().upload(alice, album.id(), Upload.of(PhotoFixtures.aJpeg().stream(), "a.jpg")))
                .isInstanceOf(StorageUnavailableException.class)
                .satisfies(e -> assertThat(((StorageUnavailableException) e).retryable()).isTrue());
        assertNothingStoredFor(alice);
    }

    @Test
    @DisplayName("when the record cannot be saved, every blob of the upload is removed")
    void recordFailureIsCompensated() {
        Faults faults = new Faults();
        Gallery failing = gallery(b -> b.photos(faults.wrap(photos)));
        faults.inject(FaultPlan.before(Operation.PHOTO_CREATE, 1));
        Album album = failing.albums().create(alice, "Failing", "");

        assertThatThrownBy(() -> failing.photos().upload(alice, album.id(), Upload.of(PhotoFixtures.aJpegWithExif().stream(), "a.jpg")))
                .isInstanceOf(StorageUnavailableException.class);
        assertNothingStoredFor(alice);
    }
}
