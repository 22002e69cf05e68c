package dev.gallerykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.DirectUpload;
import dev.gallerykit.DirectUploadRequest;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.LimitExceededException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.error.UnsupportedMediaException;
import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Direct upload: the client PUTs the bytes with a presigned request, and completing verifies and
 * processes them; bad announcements, tokens and contents are refused and leave nothing behind.
 */
abstract class DirectUploadContract extends GalleryCase {

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
        presigned.put(upload.put(), fixture.bytes());
        Photo photo = gallery.photos().completeDirectUpload(alice, upload.token());

        assertThat(photo.id()).isEqualTo(upload.photoId());
        assertThat(photo.albumId()).isEqualTo(album.id());
        assertThat(photo.title()).isEqualTo("IMG_0001");
        assertThat(photo.metadata().orientation()).isEqualTo(6);
        assertThat(photo.derivatives()).extracting(Derivative::name).containsExactly("original", "thumb-1280", "thumb-256");
        assertThat(bytesOf(gallery.photos().open(alice, photo.id(), "original"))).isEqualTo(fixture.bytes());
        assertThat(blobKeysOf(alice)).containsExactlyInAnyOrderElementsOf(blobKeysIn(photo));
        assertThat(gallery.photos().completeDirectUpload(alice, upload.token())).as("completing again").isEqualTo(photo);
    }

    @Test
    @DisplayName("a direct upload with a file name of the longest length allowed completes, its title cut")
    void longestFileName() {
        Album album = anAlbum(alice, "Direct");
        Fixture fixture = PhotoFixtures.aJpeg(32, 24, 4);
        String fileName = "b".repeat(251) + ".jpg";
        DirectUpload upload = gallery.photos().startDirectUpload(alice, album.id(),
                DirectUploadRequest.of(fileName, "image/jpeg", fixture.size()));
        presigned.put(upload.put(), fixture.bytes());

        Photo photo = gallery.photos().completeDirectUpload(alice, upload.token());

        assertThat(photo.originalFileName()).isEqualTo(fileName);
        assertThat(photo.title()).isEqualTo("b".repeat(200));
    }

    @Test
    @DisplayName("a text file uploaded instead of an image is rejected at completion and its object removed")
    void textInsteadOfImage() {
        Album album = anAlbum(alice, "Direct");
        Fixture text = PhotoFixtures.aTextFileNamedJpg();
        DirectUpload upload = start(alice, album.id(), text);
        presigned.put(upload.put(), text.bytes());

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
        presigned.put(upload.put(), fixture.bytes());
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
        presigned.put(upload.put(), fixture.bytes());
        assertThat(blobKeysOf(alice)).hasSize(1);

        clock.advance(Duration.ofDays(2));
        gallery.maintenance().reconcile(Duration.ofDays(1));

        assertNothingStoredFor(alice);
    }
}
