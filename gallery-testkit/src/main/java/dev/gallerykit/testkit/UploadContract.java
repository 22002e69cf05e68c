package dev.gallerykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.gallerykit.DuplicatePolicy;
import dev.gallerykit.Gallery;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.error.DuplicatePhotoException;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Uploading a photo from a stream: the real type from the bytes, EXIF, oriented renditions in the
 * blob store, text and tags, and duplicate detection.
 */
abstract class UploadContract extends GalleryCase {

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
        assertThat(photo.sha256()).isEqualTo(sha256Of(fixture.bytes()));
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
        assertThat(blobKeysOf(alice)).containsExactlyInAnyOrderElementsOf(blobKeysIn(photo));
        assertThat(bytesOf(gallery.photos().open(alice, photo.id(), "original"))).isEqualTo(fixture.bytes());
        assertThat(blobs.head(photo.derivative("thumb-256").orElseThrow().blobKey()).orElseThrow().contentType())
                .isEqualTo("image/jpeg");
        assertThat(dimensionsOf(storedBytes(photo, "thumb-256"))).as("the stored thumbnail, decoded")
                .isEqualTo(new Dimensions(192, 256));
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
    @DisplayName("a file name of the longest length allowed gives a title cut to the longest title allowed")
    void longestFileName() {
        Album album = anAlbum(alice, "Names");
        String stem = "a".repeat(119) + "\uD83C\uDF05".repeat(66);
        String fileName = stem + ".jpg";
        assertThat(fileName).hasSize(255);

        Photo photo = gallery.photos().upload(alice, album.id(),
                Upload.builder().content(PhotoFixtures.aJpeg(32, 24, 3).stream()).fileName(fileName).build());

        assertThat(photo.originalFileName()).isEqualTo(fileName);
        assertThat(photo.title()).as("at most 200 chars of the name, no half emoji").isEqualTo(stem.substring(0, 199));
        assertThat(gallery.photos().get(alice, photo.id())).isEqualTo(photo);
    }

    @Test
    @DisplayName("camera text from a file is cut to 200 chars and stripped of control characters, the same on every store")
    void cameraTextIsCleaned() {
        Album album = anAlbum(alice, "Cameras");
        Fixture file = PhotoFixtures.aJpegWithCameraText("Canon\u0007\u001B " + "X".repeat(2_000),
                "EOS\nR5\u007F", "\t\r\n");

        Photo photo = upload(alice, album.id(), file);

        assertThat(photo.metadata().cameraMake()).contains("Canon " + "X".repeat(194));
        assertThat(photo.metadata().cameraModel()).contains("EOS R5");
        assertThat(photo.metadata().lens()).as("nothing printable").isEmpty();
        assertThat(gallery.photos().get(alice, photo.id())).as("as stored").isEqualTo(photo);
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
    @DisplayName("an AVIF and a TIFF photo are stored with their size and EXIF; the pure-Java engine renders the TIFF only")
    void avifAndTiffAreStoredWithTheirMetadata() {
        Album album = anAlbum(alice, "Formats");

        Photo avif = upload(alice, album.id(), PhotoFixtures.anAvifWithExif());
        Photo tiff = upload(alice, album.id(), PhotoFixtures.aTiffWithExif());

        assertThat(avif.contentType()).isEqualTo("image/avif");
        assertThat(avif.dimensions()).contains(new Dimensions(PhotoFixtures.AVIF_WIDTH, PhotoFixtures.AVIF_HEIGHT));
        assertThat(avif.takenAt().orElseThrow().local()).isEqualTo(PhotoFixtures.EXIF_TAKEN_AT);
        assertThat(tiff.contentType()).isEqualTo("image/tiff");
        assertThat(tiff.dimensions()).contains(new Dimensions(PhotoFixtures.TIFF_WIDTH, PhotoFixtures.TIFF_HEIGHT));
        assertThat(tiff.metadata().orientation()).isEqualTo(PhotoFixtures.EXIF_ORIENTATION);
        assertThat(tiff.metadata().location()).isPresent();
        assertThat(avif.hasThumbnails()).isFalse();
        assertThat(avif.derivatives()).extracting(Derivative::name).containsExactly("original");
        // Orientation 6: the renditions are turned upright, so their width is the stored height.
        assertThat(tiff.derivative("thumb-1280").orElseThrow().dimensions())
                .contains(new Dimensions(PhotoFixtures.TIFF_HEIGHT, PhotoFixtures.TIFF_WIDTH));
        assertThat(tiff.derivative("thumb-256").orElseThrow().dimensions()).contains(new Dimensions(171, 256));
        assertThat(blobKeysOf(alice)).hasSize(1 + 3);
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
