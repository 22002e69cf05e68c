package dev.gallerykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.gallerykit.DirectUpload;
import dev.gallerykit.DirectUploadRequest;
import dev.gallerykit.DuplicatePolicy;
import dev.gallerykit.Gallery;
import dev.gallerykit.Maintenance.ReconcileReport;
import dev.gallerykit.Owners.PurgeReport;
import dev.gallerykit.PhotoUpdate;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.domain.GeoBox;
import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.TagSource;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.DuplicatePhotoException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.LimitExceededException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.error.UnsupportedMediaException;
import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.Blob;
import dev.gallerykit.spi.BlobAttributes;
import dev.gallerykit.spi.BlobInfo;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.ImageLabeler;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.PresignedRequest;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The use cases end to end over real adapters: albums, uploads through the image pipeline, search,
 * ownership, deletes, purge and reconcile. An adapter module runs it by saying how to build its
 * repositories and blob store:
 *
 * <pre>{@code
 * class JdbcGalleryTest extends GalleryContract {
 *     protected AlbumRepository albumRepository() { return db.albums(); }
 *     protected PhotoRepository photoRepository() { return db.photos(); }
 *     protected BlobStore blobStore() { return new InMemoryBlobStore(); }
 * }
 * }</pre>
 *
 * Each test works for fresh random users, so adapters may share one store between tests.
 */
public abstract class GalleryContract {

    protected abstract AlbumRepository albumRepository();

    protected abstract PhotoRepository photoRepository();

    protected abstract BlobStore blobStore();

    /** Tags every upload "sunny" with confidence 0.9: lets the suite see machine tags without a model. */
    private static final ImageLabeler SUNNY = jpeg -> List.of(Tag.machine("sunny", 0.9));

    protected MutableClock clock;
    protected AlbumRepository albums;
    protected PhotoRepository photos;
    protected BlobStore blobs;
    protected Gallery gallery;
    protected UserId alice;
    protected UserId bob;

    @BeforeEach
    protected void setUpGallery() {
        clock = MutableClock.startingNow();
        albums = albumRepository();
        photos = photoRepository();
        blobs = blobStore();
        gallery = gallery(b -> { });
        alice = new UserId(UUID.randomUUID());
        bob = new UserId(UUID.randomUUID());
    }

    /** A gallery over this test's adapters and clock, with {@code changes} applied to the defaults. */
    protected Gallery gallery(Consumer<Gallery.Builder> changes) {
        Gallery.Builder builder = Gallery.builder().albums(albums).photos(photos).blobs(blobs).clock(clock)
                .labeler(SUNNY).maxPageSize(50);
        changes.accept(builder);
        return builder.build();
    }

    // ---------------------------------------------------------------- helpers

    protected Album anAlbum(UserId owner, String name) {
        return gallery.albums().create(owner, name, "");
    }

    protected Photo upload(UserId owner, AlbumId album, Fixture fixture) {
        return gallery.photos().upload(owner, album, Upload.of(fixture.stream(), fixture.fileName()));
    }

    protected List<String> blobKeysOf(UserId owner) {
        List<String> keys = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            var slice = blobs.list(owner + "/", 1000, after);
            slice.items().stream().map(BlobInfo::key).forEach(keys::add);
            after = slice.next();
        } while (after.isPresent());
        return keys;
    }

    protected List<Photo> photosOf(UserId owner) {
        return photos.search(owner, PhotoQuery.builder().build(), 1000, Optional.empty()).items();
    }

    /** The rule every rejected call follows: it changed nothing, no record and no blob. */
    protected void assertNothingStoredFor(UserId owner) {
        assertThat(photosOf(owner)).as("photo records of %s", owner).isEmpty();
        assertThat(blobKeysOf(owner)).as("blobs of %s", owner).isEmpty();
    }

    private static byte[] bytesOf(Blob blob) {
        try (blob) {
            return blob.readAllBytes();
        }
    }

    private void assertRejectedUpload(Fixture fixture, Class<? extends RuntimeException> type, String messagePart) {
        Album album = anAlbum(alice, "Rejects");
        assertThatThrownBy(() -> upload(alice, album.id(), fixture))
                .isInstanceOf(type)
                .hasMessageContaining(messagePart);
        assertNothingStoredFor(alice);
    }

    private static void assertInvalid(ThrowingCallable call, String field) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageStartingWith(field + " ");
    }

    // ---------------------------------------------------------------- albums

    @Nested
    @DisplayName("Albums")
    class Albums {

        @Test
        @DisplayName("an album is created with trimmed text and read back by its owner")
        void createThenGet() {
            Album created = gallery.albums().create(alice, "  Lisbon 2026 ", " Tiles and trams ");

            Album read = gallery.albums().get(alice, created.id());

            assertThat(read).isEqualTo(created);
            assertThat(read.name()).isEqualTo("Lisbon 2026");
            assertThat(read.description()).isEqualTo("Tiles and trams");
            assertThat(read.ownerId()).isEqualTo(alice);
            assertThat(read.createdAt()).isEqualTo(clock.instant());
            assertThat(read.cover()).isEmpty();
        }

        @Test
        @DisplayName("another user's album is not found, for every operation")
        void anotherUsersAlbumIsNotFound() {
            Album mine = anAlbum(alice, "Private");

            assertThatThrownBy(() -> gallery.albums().get(bob, mine.id())).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("album " + mine.id() + " not found");
            assertThatThrownBy(() -> gallery.albums().rename(bob, mine.id(), "Mine now")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> gallery.albums().describe(bob, mine.id(), "x")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> gallery.photos().list(bob, mine.id(), PageRequest.first(10))).isInstanceOf(NotFoundException.class);
            gallery.albums().delete(bob, mine.id());

            assertThat(gallery.albums().get(alice, mine.id()).name()).isEqualTo("Private");
            assertThat(gallery.albums().list(bob, PageRequest.first(10)).items()).isEmpty();
            assertThat(gallery.albums().search(bob, "Private", PageRequest.first(10)).items()).isEmpty();
        }

        @Test
        @DisplayName("renaming and describing bump updatedAt and the version")
        void renameAndDescribe() {
            Album album = anAlbum(alice, "Draft");
            clock.advance(Duration.ofMinutes(5));

            Album renamed = gallery.albums().rename(alice, album.id(), "Final");
            clock.advance(Duration.ofMinutes(5));
            Album described = gallery.albums().describe(alice, album.id(), "Best of the summer");

            assertThat(renamed.name()).isEqualTo("Final");
            assertThat(renamed.updatedAt()).isEqualTo(album.createdAt().plus(Duration.ofMinutes(5)));
            assertThat(described.description()).isEqualTo("Best of the summer");
            assertThat(described.updatedAt()).isEqualTo(clock.instant());
            assertThat(described.version()).isGreaterThan(renamed.version());
            assertThat(renamed.version()).isGreaterThan(album.version());
            assertThat(described.createdAt()).isEqualTo(album.createdAt());
        }

        @Test
        @DisplayName("bad names and descriptions are refused with the field named, and nothing is written")
        void badTextIsRefused() {
            assertInvalid(() -> gallery.albums().create(alice, "   ", ""), "name");
            assertInvalid(() -> gallery.albums().create(alice, null, ""), "name");
            assertInvalid(() -> gallery.albums().create(alice, "x".repeat(201), ""), "name");
            assertInvalid(() -> gallery.albums().create(alice, "two\nlines", ""), "name");
            assertInvalid(() -> gallery.albums().create(alice, "Fine", "d".repeat(5001)), "description");
            assertInvalid(() -> gallery.albums().create(null, "Fine", ""), "actor");
            assertThat(gallery.albums().list(alice, PageRequest.first(10)).items()).isEmpty();

            Album album = anAlbum(alice, "Kept");
            assertInvalid(() -> gallery.albums().rename(alice, album.id(), ""), "name");
            assertThat(gallery.albums().get(alice, album.id())).isEqualTo(album);
        }

        @Test
        @DisplayName("albums are listed newest first, page by page, with no gaps or repeats")
        void listNewestFirstInPages() {
            List<AlbumId> created = new ArrayList<>();
            for (int i = 0; i < 23; i++) {
                created.add(anAlbum(alice, "Album " + i).id());
            }
            anAlbum(bob, "Not alice's");
            Collections.reverse(created);

            List<AlbumId> seen = new ArrayList<>();
            Optional<PageRequest> request = Optional.of(PageRequest.first(10));
            int pages = 0;
            while (request.isPresent()) {
                Page<Album> page = gallery.albums().list(alice, request.get());
                assertThat(page.items()).hasSizeLessThanOrEqualTo(10);
                page.items().forEach(a -> seen.add(a.id()));
                request = request.get().after(page);
                pages++;
            }

            assertThat(seen).containsExactlyElementsOf(created);
            assertThat(pages).isEqualTo(3);
        }

        @Test
        @DisplayName("search finds albums by name or description, ignoring case")
        void searchByNameOrDescription() {
            Album beach = gallery.albums().create(alice, "Beach days", "");
            Album hike = gallery.albums().create(alice, "Alps", "A long hike to the BEACH of a lake");
            anAlbum(alice, "City");
            gallery.albums().create(bob, "Beach too", "");

            Page<Album> found = gallery.albums().search(alice, "beach", PageRequest.first(10));

            assertThat(found.items()).extracting(Album::id).containsExactly(hike.id(), beach.id());
            assertInvalid(() -> gallery.albums().search(alice, " ", PageRequest.first(10)), "text");
        }

        @Test
        @DisplayName("a cursor is refused when altered, or used by another user or for another query")
        void cursorsAreTamperEvident() {
            for (int i = 0; i < 3; i++) {
                anAlbum(alice, "Trip " + i);
            }
            Page<Album> first = gallery.albums().list(alice, PageRequest.first(1));
            String cursor = first.nextCursor().orElseThrow();
            String altered = (cursor.charAt(0) == 'A' ? 'B' : 'A') + cursor.substring(1);

            assertInvalid(() -> gallery.albums().list(alice, PageRequest.next(1, altered)), "cursor");
            assertInvalid(() -> gallery.albums().list(alice, PageRequest.next(1, "not-a-cursor")), "cursor");
            assertInvalid(() -> gallery.albums().list(bob, PageRequest.next(1, cursor)), "cursor");
            assertInvalid(() -> gallery.albums().search(alice, "Trip", PageRequest.next(1, cursor)), "cursor");
            assertThat(gallery.albums().list(alice, PageRequest.next(1, cursor)).items()).hasSize(1);
        }

        @Test
        @DisplayName("page sizes outside 1 to the maximum are refused")
        void pageSizeIsChecked() {
            assertInvalid(() -> gallery.albums().list(alice, PageRequest.first(0)), "limit");
            assertInvalid(() -> gallery.albums().list(alice, PageRequest.first(51)), "limit");
            assertThat(gallery.albums().list(alice, PageRequest.first(50)).items()).isEmpty();
        }

        @Test
        @DisplayName("the cover must be a photo of the album, and it goes when that photo is deleted or moved")
        void coverFollowsItsPhoto() {
            Album summer = anAlbum(alice, "Summer");
            Album winter = anAlbum(alice, "Winter");
            Photo one = upload(alice, summer.id(), PhotoFixtures.aJpeg(320, 240, 1));
            Photo two = upload(alice, summer.id(), PhotoFixtures.aJpeg(320, 240, 2));
            Photo elsewhere = upload(alice, winter.id(), PhotoFixtures.aJpeg(320, 240, 3));

            assertThat(gallery.albums().setCover(alice, summer.id(), one.id()).cover()).contains(one.id());
            assertThatThrownBy(() -> gallery.albums().setCover(alice, summer.id(), elsewhere.id()))
                    .isInstanceOf(NotFoundException.class);

            gallery.photos().move(alice, one.id(), winter.id());
            assertThat(gallery.albums().get(alice, summer.id()).cover()).isEmpty();

            gallery.albums().setCover(alice, summer.id(), two.id());
            gallery.photos().delete(alice, two.id());
            assertThat(gallery.albums().get(alice, summer.id()).cover()).isEmpty();

            gallery.albums().setCover(alice, winter.id(), elsewhere.id());
            assertThat(gallery.albums().clearCover(alice, winter.id()).cover()).isEmpty();
        }

        @Test
        @DisplayName("an update from a stale read fails with a concurrent modification and changes nothing")
        void staleUpdateIsDetected() {
            Album album = anAlbum(alice, "Original");
            albums.update(album.withName("First writer", clock.instant()));

            assertThatThrownBy(() -> albums.update(album.withName("Second writer", clock.instant())))
                    .isInstanceOf(ConcurrentModificationException.class);
            assertThat(gallery.albums().get(alice, album.id()).name()).isEqualTo("First writer");
        }
    }

    // ---------------------------------------------------------------- uploads

    @Nested
    @DisplayName("Uploading a photo")
    class Uploading {

        @Test
        @DisplayName("a JPEG with EXIF keeps its metadata and gets oriented renditions in the blob store")
        void jpegWithExif() {
            Album album = anAlbum(alice, "Paris");
            Fixture fixture = PhotoFixtures.aJpegWithExif();

            Photo photo = upload(alice, album.id(), fixture);

            assertThat(photo.title()).isEqualTo("IMG_0001");
            assertThat(photo.originalFileName()).isEqualTo(fixture.fileName());
            assertThat(photo.contentType()).isEqualTo("image/jpeg");
            assertThat(photo.size()).isEqualTo(fixture.size());
            assertThat(photo.sha256()).hasSize(64);
            assertThat(photo.metadata().orientation()).isEqualTo(6);
            assertThat(photo.dimensions()).contains(new Dimensions(640, 480));
            assertThat(photo.takenAt().orElseThrow().local()).isEqualTo(PhotoFixtures.EXIF_TAKEN_AT);
            assertThat(photo.takenAt().orElseThrow().offset()).contains(PhotoFixtures.EXIF_OFFSET);
            assertThat(photo.location().orElseThrow().latitude()).isCloseTo(PhotoFixtures.EXIF_LATITUDE, within(1e-4));
            assertThat(photo.location().orElseThrow().longitude()).isCloseTo(PhotoFixtures.EXIF_LONGITUDE, within(1e-4));
            assertThat(photo.metadata().cameraMake()).contains(PhotoFixtures.EXIF_MAKE);
            assertThat(photo.metadata().cameraModel()).contains(PhotoFixtures.EXIF_MODEL);

            assertThat(photo.derivatives()).extracting(Derivative::name)
                    .containsExactly("original", "thumb-1280", "thumb-256");
            assertThat(photo.derivative("thumb-256").orElseThrow().dimensions()).contains(new Dimensions(192, 256));
            assertThat(photo.derivative("thumb-1280").orElseThrow().dimensions()).contains(new Dimensions(480, 640));
            assertThat(blobKeysOf(alice)).containsExactlyInAnyOrderElementsOf(
                    photo.derivatives().stream().map(Derivative::blobKey).toList());
            assertThat(bytesOf(gallery.photos().open(alice, photo.id(), "original"))).isEqualTo(fixture.bytes());
            assertThat(blobs.head(photo.derivative("thumb-256").orElseThrow().blobKey()).orElseThrow().contentType())
                    .isEqualTo("image/jpeg");
            assertThat(gallery.photos().get(alice, photo.id())).isEqualTo(photo);
        }

        @Test
        @DisplayName("title, description and tags are taken from the upload, tags normalised, machine tags added")
        void textAndTags() {
            Album album = anAlbum(alice, "Beach");
            Fixture fixture = PhotoFixtures.aJpeg();

            Photo photo = gallery.photos().upload(alice, album.id(), Upload.builder().content(fixture.stream())
                    .fileName("C:\\Users\\ann\\DSC01.JPG").title(" Sunset ").description("Last day")
                    .tags(List.of("Beach", " beach ", "Golden  Hour")).build());

            assertThat(photo.title()).isEqualTo("Sunset");
            assertThat(photo.originalFileName()).isEqualTo("DSC01.JPG");
            assertThat(photo.description()).isEqualTo("Last day");
            assertThat(photo.tags()).containsExactly(Tag.user("beach"), Tag.user("golden hour"), Tag.machine("sunny", 0.9));
        }

        @Test
        @DisplayName("a PNG is recognised from its bytes and rendered to JPEG thumbnails")
        void png() {
            Album album = anAlbum(alice, "Drawings");

            Photo photo = upload(alice, album.id(), PhotoFixtures.aPng(600, 400));

            assertThat(photo.contentType()).isEqualTo("image/png");
            assertThat(photo.derivative("thumb-256").orElseThrow().contentType()).isEqualTo("image/jpeg");
            assertThat(photo.derivative("thumb-256").orElseThrow().dimensions()).contains(new Dimensions(256, 171));
            assertThat(photo.derivative("thumb-1280").orElseThrow().dimensions()).contains(new Dimensions(600, 400));
        }

        @Test
        @DisplayName("a HEIC photo is stored with its EXIF and says it has no thumbnails")
        void heicIsStoredWithoutThumbnails() {
            Album album = anAlbum(alice, "Phone");
            Fixture heic = PhotoFixtures.aHeicWithExif();

            Photo photo = upload(alice, album.id(), heic);

            assertThat(photo.contentType()).isEqualTo("image/heic");
            assertThat(photo.hasThumbnails()).isFalse();
            assertThat(photo.derivatives()).extracting(Derivative::name).containsExactly("original");
            assertThat(photo.takenAt().orElseThrow().local()).isEqualTo(PhotoFixtures.EXIF_TAKEN_AT);
            assertThat(photo.tags()).as("no rendition, so nothing to label").isEmpty();
            assertThat(blobKeysOf(alice)).containsExactly(photo.original().blobKey());
        }

        @Test
        @DisplayName("the same bytes uploaded twice by one owner are refused, naming the first photo")
        void duplicatesAreRejected() {
            Album album = anAlbum(alice, "Twice");
            Photo first = upload(alice, album.id(), PhotoFixtures.aJpeg());
            List<String> keysBefore = blobKeysOf(alice);

            assertThatThrownBy(() -> upload(alice, album.id(), PhotoFixtures.aJpeg()))
                    .isInstanceOfSatisfying(DuplicatePhotoException.class, e -> assertThat(e.existing()).isEqualTo(first.id()))
                    .hasMessageContaining(first.id().toString());

            assertThat(photosOf(alice)).containsExactly(first);
            assertThat(blobKeysOf(alice)).containsExactlyInAnyOrderElementsOf(keysBefore);
            Album bobs = anAlbum(bob, "Same picture, other owner");
            assertThat(upload(bob, bobs.id(), PhotoFixtures.aJpeg()).sha256()).isEqualTo(first.sha256());
        }

        @Test
        @DisplayName("with duplicates allowed, the same bytes make a second photo")
        void duplicatesAllowed() {
            Gallery lenient = gallery(b -> b.duplicates(DuplicatePolicy.ALLOW));
            Album album = lenient.albums().create(alice, "Twice", "");
            Fixture fixture = PhotoFixtures.aJpeg();

            Photo first = lenient.photos().upload(alice, album.id(), Upload.of(fixture.stream(), "a.jpg"));
            Photo second = lenient.photos().upload(alice, album.id(), Upload.of(fixture.stream(), "b.jpg"));

            assertThat(second.id()).isNotEqualTo(first.id());
            assertThat(second.sha256()).isEqualTo(first.sha256());
            assertThat(photosOf(alice)).hasSize(2);
        }
    }

    // ---------------------------------------------------------------- bad uploads

    @Nested
    @DisplayName("A rejected upload leaves no record and no blob")
    class RejectedUploads {

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
            Gallery flaky = gallery(b -> b.blobs(FailingAdapters.failingPuts(blobs, key -> key.endsWith("thumb-256.jpg"))));
            Album album = flaky.albums().create(alice, "Flaky", "");

            assertThatThrownBy(() -> flaky.photos().upload(alice, album.id(), Upload.of(PhotoFixtures.aJpeg().stream(), "a.jpg")))
                    .isInstanceOf(StorageUnavailableException.class)
                    .satisfies(e -> assertThat(((StorageUnavailableException) e).retryable()).isTrue());
            assertNothingStoredFor(alice);
        }

        @Test
        @DisplayName("when the record cannot be saved, every blob of the upload is removed")
        void recordFailureIsCompensated() {
            Gallery failing = gallery(b -> b.photos(FailingAdapters.failingCreates(photos)));
            Album album = failing.albums().create(alice, "Failing", "");

            assertThatThrownBy(() -> failing.photos().upload(alice, album.id(), Upload.of(PhotoFixtures.aJpegWithExif().stream(), "a.jpg")))
                    .isInstanceOf(StorageUnavailableException.class);
            assertNothingStoredFor(alice);
        }
    }

    // ---------------------------------------------------------------- reading, searching, changing

    @Nested
    @DisplayName("Photos")
    class Photos {

        @Test
        @DisplayName("another user's photo is not found, and is not changed by trying")
        void anotherUsersPhotoIsNotFound() {
            Album album = anAlbum(alice, "Mine");
            Album bobs = anAlbum(bob, "Bob's");
            Photo photo = upload(alice, album.id(), PhotoFixtures.aJpeg());

            assertThatThrownBy(() -> gallery.photos().get(bob, photo.id())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> gallery.photos().update(bob, photo.id(), PhotoUpdate.of(u -> u.title("Bob's"))))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> gallery.photos().move(bob, photo.id(), bobs.id())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> gallery.photos().url(bob, photo.id(), "original", Duration.ofMinutes(5)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> gallery.photos().open(bob, photo.id(), "original")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> gallery.photos().move(alice, photo.id(), bobs.id())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> gallery.albums().setCover(bob, bobs.id(), photo.id())).isInstanceOf(NotFoundException.class);
            gallery.photos().delete(bob, photo.id());

            assertThat(gallery.photos().get(alice, photo.id())).isEqualTo(photo);
            assertThat(gallery.photos().search(bob, PhotoQuery.builder().build(), PageRequest.first(10)).items()).isEmpty();
        }

        @Test
        @DisplayName("an album's photos are listed newest first, page by page")
        void listByAlbum() {
            Album album = anAlbum(alice, "Many");
            Album other = anAlbum(alice, "Other");
            List<PhotoId> uploaded = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                uploaded.add(upload(alice, album.id(), PhotoFixtures.aJpeg(64, 48, 100 + i)).id());
            }
            upload(alice, other.id(), PhotoFixtures.aJpeg(64, 48, 200));
            Collections.reverse(uploaded);

            Page<Photo> first = gallery.photos().list(alice, album.id(), PageRequest.first(2));
            Page<Photo> second = gallery.photos().list(alice, album.id(), PageRequest.next(2, first.nextCursor().orElseThrow()));
            Page<Photo> third = gallery.photos().list(alice, album.id(), PageRequest.next(2, second.nextCursor().orElseThrow()));

            List<PhotoId> seen = new ArrayList<>();
            for (Page<Photo> page : List.of(first, second, third)) {
                page.items().forEach(p -> seen.add(p.id()));
            }
            assertThat(seen).containsExactlyElementsOf(uploaded);
            assertThat(third.hasNext()).isFalse();
            assertInvalid(() -> gallery.photos().list(alice, other.id(), PageRequest.next(2, first.nextCursor().orElseThrow())), "cursor");
        }

        @Test
        @DisplayName("search combines text, tags, taken-at range, GPS box and album")
        void search() {
            Album paris = anAlbum(alice, "Paris");
            Album home = anAlbum(alice, "Home");
            Photo tower = gallery.photos().upload(alice, paris.id(), Upload.builder()
                    .content(PhotoFixtures.aJpegWithExif().stream()).fileName("tower.jpg").title("Eiffel tower at night")
                    .tags(List.of("travel", "night")).build());
            Photo cat = gallery.photos().upload(alice, home.id(), Upload.builder()
                    .content(PhotoFixtures.aJpeg().stream()).fileName("cat.jpg").title("The cat")
                    .description("Sleeping on the TOWER of books").tags(List.of("pets")).build());
            upload(bob, anAlbum(bob, "Bob's").id(), PhotoFixtures.aJpegWithExif());

            assertThat(search(q -> q.text("tower"))).containsExactly(cat.id(), tower.id());
            assertThat(search(q -> q.text("NIGHT"))).containsExactly(tower.id());
            assertThat(search(q -> q.tags("Travel", "night"))).containsExactly(tower.id());
            assertThat(search(q -> q.tags("travel", "pets"))).isEmpty();
            assertThat(search(q -> q.tags("sunny"))).as("machine tags are searchable").containsExactly(cat.id(), tower.id());
            LocalDateTime taken = PhotoFixtures.EXIF_TAKEN_AT;
            assertThat(search(q -> q.takenBetween(taken.minusDays(1), taken.plusDays(1)))).containsExactly(tower.id());
            assertThat(search(q -> q.takenBetween(taken, taken.plusSeconds(1)))).as("from is inclusive").containsExactly(tower.id());
            assertThat(search(q -> q.takenBetween(taken.minusDays(1), taken))).as("to is exclusive").isEmpty();
            assertThat(search(q -> q.box(new GeoBox(48.0, 2.0, 49.0, 3.0)))).containsExactly(tower.id());
            assertThat(search(q -> q.box(new GeoBox(40.0, -5.0, 41.0, -3.0)))).isEmpty();
            assertThat(search(q -> q.album(home.id()))).containsExactly(cat.id());
            assertThat(search(q -> q.text("tower").album(paris.id()).tags("night").box(new GeoBox(48, 2, 49, 3))))
                    .containsExactly(tower.id());
        }

        private List<PhotoId> search(Consumer<PhotoQuery.Builder> spec) {
            return gallery.photos().search(alice, PhotoQuery.of(spec), PageRequest.first(50)).items().stream()
                    .map(Photo::id).toList();
        }

        @Test
        @DisplayName("bad search arguments are refused with the field named")
        void badSearch() {
            assertInvalid(() -> gallery.photos().search(alice, PhotoQuery.of(q -> q.text(" ")), PageRequest.first(5)), "text");
            assertInvalid(() -> gallery.photos().search(alice, PhotoQuery.of(q -> q.takenBetween(
                    LocalDateTime.of(2024, 2, 1, 0, 0), LocalDateTime.of(2024, 1, 1, 0, 0))), PageRequest.first(5)), "takenTo");
            assertThatThrownBy(() -> new GeoBox(50, 0, 40, 1)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("south");
            assertThatThrownBy(() -> new GeoBox(0, 0, 91, 1)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("box.north");
        }

        @Test
        @DisplayName("updating text and tags bumps updatedAt and keeps the machine tags")
        void update() {
            Album album = anAlbum(alice, "Edits");
            Photo photo = upload(alice, album.id(), PhotoFixtures.aJpeg());
            clock.advance(Duration.ofHours(1));

            Photo updated = gallery.photos().update(alice, photo.id(),
                    PhotoUpdate.of(u -> u.title("Sunset").description("From the pier").tags(List.of("Sea", "Evening"))));

            assertThat(updated.title()).isEqualTo("Sunset");
            assertThat(updated.description()).isEqualTo("From the pier");
            assertThat(updated.tags()).containsExactly(Tag.user("sea"), Tag.user("evening"), Tag.machine("sunny", 0.9));
            assertThat(updated.updatedAt()).isEqualTo(clock.instant()).isAfter(photo.updatedAt());
            assertThat(updated.version()).isGreaterThan(photo.version());
            assertThat(gallery.photos().get(alice, photo.id())).isEqualTo(updated);
            assertThat(updated.tags()).filteredOn(t -> t.source() == TagSource.MACHINE).hasSize(1);
        }

        @Test
        @DisplayName("a bad update is refused and changes nothing")
        void badUpdate() {
            Album album = anAlbum(alice, "Edits");
            Photo photo = upload(alice, album.id(), PhotoFixtures.aJpeg());

            assertInvalid(() -> gallery.photos().update(alice, photo.id(), PhotoUpdate.of(u -> u.title(""))), "title");
            assertInvalid(() -> gallery.photos().update(alice, photo.id(),
                    PhotoUpdate.of(u -> u.title("Fine").tags(List.of("x".repeat(65))))), "tags");

            assertThat(gallery.photos().get(alice, photo.id())).isEqualTo(photo);
        }

        @Test
        @DisplayName("moving a photo changes its album and keeps its blobs")
        void move() {
            Album from = anAlbum(alice, "From");
            Album to = anAlbum(alice, "To");
            Photo photo = upload(alice, from.id(), PhotoFixtures.aJpeg());

            Photo moved = gallery.photos().move(alice, photo.id(), to.id());

            assertThat(moved.albumId()).isEqualTo(to.id());
            assertThat(moved.derivatives()).isEqualTo(photo.derivatives());
            assertThat(gallery.photos().list(alice, from.id(), PageRequest.first(10)).items()).isEmpty();
            assertThat(gallery.photos().list(alice, to.id(), PageRequest.first(10)).items()).containsExactly(moved);
            assertThatThrownBy(() -> gallery.photos().move(alice, photo.id(), new AlbumId(UUID.randomUUID())))
                    .isInstanceOf(NotFoundException.class);
            assertThat(gallery.photos().get(alice, photo.id())).isEqualTo(moved);
        }

        @Test
        @DisplayName("deleting a photo removes its record and its blobs, and can be repeated")
        void delete() {
            Album album = anAlbum(alice, "Short-lived");
            Photo photo = upload(alice, album.id(), PhotoFixtures.aJpeg());

            gallery.photos().delete(alice, photo.id());
            gallery.photos().delete(alice, photo.id());

            assertThatThrownBy(() -> gallery.photos().get(alice, photo.id())).isInstanceOf(NotFoundException.class);
            assertNothingStoredFor(alice);
            assertThat(gallery.albums().get(alice, album.id())).isNotNull();
        }

        @Test
        @DisplayName("a presigned GET is made for an existing file of the photo only")
        void presignedUrl() {
            Album album = anAlbum(alice, "Shared");
            Photo photo = upload(alice, album.id(), PhotoFixtures.aJpeg());

            PresignedRequest url = gallery.photos().url(alice, photo.id(), "thumb-256", Duration.ofMinutes(10));

            assertThat(url.method()).isEqualTo("GET");
            assertThat(url.uri()).isNotNull();
            assertThatThrownBy(() -> gallery.photos().url(alice, photo.id(), "thumb-9999", Duration.ofMinutes(10)))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("thumb-9999");
            assertInvalid(() -> gallery.photos().url(alice, photo.id(), "original", Duration.ZERO), "ttl");
            assertInvalid(() -> gallery.photos().url(alice, photo.id(), "original", Duration.ofDays(8)), "ttl");
        }
    }

    // ---------------------------------------------------------------- deleting in bulk

    @Nested
    @DisplayName("Deleting albums and owners")
    class BulkDeletes {

        @Test
        @DisplayName("deleting an album removes every photo and blob in it, and nothing of other albums")
        void deleteAlbum() {
            Album doomed = anAlbum(alice, "Doomed");
            Album kept = anAlbum(alice, "Kept");
            for (int i = 0; i < 3; i++) {
                upload(alice, doomed.id(), PhotoFixtures.aJpeg(64, 48, 300 + i));
            }
            Photo survivor = upload(alice, kept.id(), PhotoFixtures.aJpeg(64, 48, 400));

            gallery.albums().delete(alice, doomed.id());
            gallery.albums().delete(alice, doomed.id());

            assertThatThrownBy(() -> gallery.albums().get(alice, doomed.id())).isInstanceOf(NotFoundException.class);
            assertThat(photosOf(alice)).containsExactly(survivor);
            assertThat(blobKeysOf(alice)).containsExactlyInAnyOrderElementsOf(
                    survivor.derivatives().stream().map(Derivative::blobKey).toList());
        }

        @Test
        @DisplayName("purging an owner removes all their albums, photos and blobs, and nobody else's")
        void purgeOwner() {
            for (int a = 0; a < 2; a++) {
                Album album = anAlbum(alice, "Album " + a);
                for (int p = 0; p < 2; p++) {
                    upload(alice, album.id(), PhotoFixtures.aJpeg(64, 48, 500 + a * 10 + p));
                }
            }
            Album bobs = anAlbum(bob, "Bob's");
            Photo bobsPhoto = upload(bob, bobs.id(), PhotoFixtures.aJpeg(64, 48, 600));

            PurgeReport report = gallery.owners().purge(alice);
            PurgeReport again = gallery.owners().purge(alice);

            assertThat(report).isEqualTo(new PurgeReport(2, 4, 12));
            assertThat(again).isEqualTo(new PurgeReport(0, 0, 0));
            assertThat(gallery.albums().list(alice, PageRequest.first(10)).items()).isEmpty();
            assertNothingStoredFor(alice);
            assertThat(gallery.photos().get(bob, bobsPhoto.id())).isEqualTo(bobsPhoto);
            assertThat(blobKeysOf(bob)).hasSize(3);
        }
    }

    // ---------------------------------------------------------------- direct upload

    /**
     * Sends {@code body} with a presigned PUT, as a browser would. In memory through the store's own
     * verifier; anything else over HTTP with java.net.http. Throws when the store refuses it.
     */
    protected void putPresigned(PresignedRequest put, byte[] body) {
        if (blobs instanceof InMemoryBlobStore memory) {
            memory.putPresigned(put.uri(), put.headers().getOrDefault("Content-Type", ""), body);
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(put.uri()).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        put.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("host")) {
                request.header(name, value);
            }
        });
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("presigned PUT refused: " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Nested
    @DisplayName("Direct upload")
    class DirectUploads {

        private DirectUpload start(UserId owner, AlbumId album, Fixture fixture) {
            return gallery.photos().startDirectUpload(owner, album,
                    DirectUploadRequest.of(fixture.fileName(), "image/jpeg", fixture.size()));
        }

        @Test
        @DisplayName("a client PUTs the bytes with the presigned request, and completing makes the photo")
        void startPutComplete() {
            Album album = anAlbum(alice, "Direct");
            Fixture fixture = PhotoFixtures.aJpegWithExif();

            DirectUpload upload = start(alice, album.id(), fixture);
            assertThat(photosOf(alice)).as("nothing is recorded before completion").isEmpty();
            putPresigned(upload.put(), fixture.bytes());
            Photo photo = gallery.photos().completeDirectUpload(alice, upload.token());

            assertThat(photo.id()).isEqualTo(upload.photoId());
            assertThat(photo.albumId()).isEqualTo(album.id());
            assertThat(photo.title()).isEqualTo("IMG_0001");
            assertThat(photo.metadata().orientation()).isEqualTo(6);
            assertThat(photo.derivatives()).extracting(Derivative::name).containsExactly("original", "thumb-1280", "thumb-256");
            assertThat(bytesOf(gallery.photos().open(alice, photo.id(), "original"))).isEqualTo(fixture.bytes());
            assertThat(blobKeysOf(alice)).containsExactlyInAnyOrderElementsOf(
                    photo.derivatives().stream().map(Derivative::blobKey).toList());
            assertThat(gallery.photos().completeDirectUpload(alice, upload.token())).as("completing again").isEqualTo(photo);
        }

        @Test
        @DisplayName("a text file uploaded instead of an image is rejected at completion and its object removed")
        void textInsteadOfImage() {
            Album album = anAlbum(alice, "Direct");
            Fixture text = PhotoFixtures.aTextFileNamedJpg();
            DirectUpload upload = start(alice, album.id(), text);
            putPresigned(upload.put(), text.bytes());

            assertThatThrownBy(() -> gallery.photos().completeDirectUpload(alice, upload.token()))
                    .isInstanceOf(UnsupportedMediaException.class).hasMessageContaining("not an image");
            assertNothingStoredFor(alice);
        }

        @Test
        @DisplayName("completing before anything was uploaded is refused")
        void nothingUploaded() {
            Album album = anAlbum(alice, "Direct");
            DirectUpload upload = start(alice, album.id(), PhotoFixtures.aJpeg());

            assertInvalid(() -> gallery.photos().completeDirectUpload(alice, upload.token()), "content");
            assertNothingStoredFor(alice);
        }

        @Test
        @DisplayName("an altered token, another user's token, or an expired one is refused")
        void tokensAreChecked() {
            Album album = anAlbum(alice, "Direct");
            Fixture fixture = PhotoFixtures.aJpeg();
            DirectUpload upload = start(alice, album.id(), fixture);
            putPresigned(upload.put(), fixture.bytes());
            String token = upload.token();
            String altered = token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);

            assertInvalid(() -> gallery.photos().completeDirectUpload(alice, altered), "uploadToken");
            assertInvalid(() -> gallery.photos().completeDirectUpload(bob, token), "uploadToken");
            clock.advance(DirectUploadRequest.DEFAULT_TTL.plusSeconds(1));
            assertThatThrownBy(() -> gallery.photos().completeDirectUpload(alice, token))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("expired");
            assertNothingStoredFor(alice);
            assertNothingStoredFor(bob);
        }

        @Test
        @DisplayName("bad announcements are refused before anything is signed")
        void badRequests() {
            Album album = anAlbum(alice, "Direct");
            assertThatThrownBy(() -> gallery.photos().startDirectUpload(alice, album.id(),
                    DirectUploadRequest.of("a.txt", "text/plain", 10))).isInstanceOf(UnsupportedMediaException.class)
                    .hasMessageContaining("text/plain");
            assertThatThrownBy(() -> gallery.photos().startDirectUpload(alice, album.id(),
                    DirectUploadRequest.of("a.jpg", "image/jpeg", ImageOptions.DEFAULT_MAX_BYTES + 1)))
                    .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo("bytes"));
            assertInvalid(() -> gallery.photos().startDirectUpload(alice, album.id(),
                    DirectUploadRequest.of("a.jpg", "image/jpeg", 0)), "size");
            assertInvalid(() -> gallery.photos().startDirectUpload(alice, album.id(),
                    new DirectUploadRequest("a.jpg", "image/jpeg", 10, Duration.ofDays(8))), "ttl");
            assertThatThrownBy(() -> gallery.photos().startDirectUpload(bob, album.id(),
                    DirectUploadRequest.of("a.jpg", "image/jpeg", 10))).isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName("an upload that is never completed is removed by reconcile after the grace period")
        void abandonedUploadIsReconciled() {
            Album album = anAlbum(alice, "Direct");
            Fixture fixture = PhotoFixtures.aJpeg();
            DirectUpload upload = start(alice, album.id(), fixture);
            putPresigned(upload.put(), fixture.bytes());
            assertThat(blobKeysOf(alice)).hasSize(1);

            clock.advance(Duration.ofDays(2));
            gallery.maintenance().reconcile(Duration.ofDays(1));

            assertNothingStoredFor(alice);
        }
    }

    // ---------------------------------------------------------------- reconcile

    @Nested
    @DisplayName("Reconcile")
    class Reconcile {

        @Test
        @DisplayName("removes old blobs that no record references and keeps referenced, recent and foreign ones")
        void removesOrphans() {
            Album album = anAlbum(alice, "Live");
            Photo photo = upload(alice, album.id(), PhotoFixtures.aJpeg());
            String orphanOfMissingPhoto = alice + "/" + UUID.randomUUID() + "/original";
            String strayBesideLivePhoto = alice + "/" + photo.id() + "/thumb-64.jpg";
            String foreign = "not-gallerykit/" + UUID.randomUUID() + ".txt";
            for (String key : List.of(orphanOfMissingPhoto, strayBesideLivePhoto, foreign)) {
                byte[] bytes = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                blobs.put(key, new ByteArrayInputStream(bytes), bytes.length, BlobAttributes.of("application/octet-stream"));
            }

            ReconcileReport early = gallery.maintenance().reconcile(Duration.ofHours(1));
            assertThat(blobs.head(orphanOfMissingPhoto)).as("younger than the grace period").isPresent();
            assertThat(blobs.head(strayBesideLivePhoto)).isPresent();
            assertThat(early.scanned()).isGreaterThanOrEqualTo(photo.derivatives().size() + 3);

            clock.advance(Duration.ofHours(2));
            ReconcileReport report = gallery.maintenance().reconcile(Duration.ofHours(1));

            assertThat(blobs.head(orphanOfMissingPhoto)).isEmpty();
            assertThat(blobs.head(strayBesideLivePhoto)).isEmpty();
            assertThat(blobs.head(foreign)).isPresent();
            assertThat(blobKeysOf(alice)).containsExactlyInAnyOrderElementsOf(
                    photo.derivatives().stream().map(Derivative::blobKey).toList());
            assertThat(report.deleted()).isGreaterThanOrEqualTo(2);
            assertThat(report.foreign()).isGreaterThanOrEqualTo(1);
            assertInvalid(() -> gallery.maintenance().reconcile(Duration.ofHours(-1)), "grace");
            blobs.delete(foreign);
        }
    }
}
