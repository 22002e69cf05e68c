package dev.gallerykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.DirectUpload;
import dev.gallerykit.DirectUploadRequest;
import dev.gallerykit.Maintenance.ReconcileReport;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.spi.BlobAttributes;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code Maintenance.reconcile}: removes blobs that no record references once they are older than
 * the grace period, and leaves referenced, recent and foreign ones alone; removes the id holds of
 * direct uploads that ended before the grace.
 */
abstract class ReconcileContract extends GalleryCase {

    @Test
    @DisplayName("removes old blobs that no record references and keeps referenced, recent and foreign ones")
    void removesOrphans() {
        Album album = anAlbum(alice, "Live");
        Photo photo = upload(alice, album.id(), PhotoFixtures.aJpeg());
        String orphanOfMissingPhoto = alice + "/" + UUID.randomUUID() + "/original";
        String strayBesideLivePhoto = alice + "/" + photo.id() + "/thumb-64.jpg";
        String foreign = "not-gallerykit/" + UUID.randomUUID() + ".txt";
        for (String key : List.of(orphanOfMissingPhoto, strayBesideLivePhoto, foreign)) {
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
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
        assertThat(blobKeysOf(alice)).containsExactlyInAnyOrderElementsOf(blobKeysIn(photo));
        assertThat(report.deleted()).isGreaterThanOrEqualTo(2);
        assertThat(report.foreign()).isGreaterThanOrEqualTo(1);
        assertInvalid(() -> gallery.maintenance().reconcile(Duration.ofHours(-1)), "grace");
        blobs.delete(foreign);
    }

    @Test
    @DisplayName("removes the id holds of deleted direct uploads once their token expired and the grace passed")
    void removesEndedIdHolds() {
        Album album = anAlbum(alice, "Direct");
        upload(alice, album.id(), PhotoFixtures.aJpeg());
        Fixture file = PhotoFixtures.aJpeg(24, 16, 3);
        DirectUpload upload = gallery.photos().startDirectUpload(alice, album.id(),
                DirectUploadRequest.of(file.fileName(), "image/jpeg", file.size()));
        presigned.put(upload.put(), file.bytes());
        Photo direct = gallery.photos().completeDirectUpload(alice, upload.token());
        gallery.photos().delete(alice, direct.id());

        ReconcileReport whileValid = gallery.maintenance().reconcile(Duration.ofHours(1));
        clock.advance(Duration.between(clock.instant(), upload.expiresAt()).plus(Duration.ofMinutes(30)));
        ReconcileReport withinGrace = gallery.maintenance().reconcile(Duration.ofHours(1));
        clock.advance(Duration.ofHours(1));
        ReconcileReport after = gallery.maintenance().reconcile(Duration.ofHours(1));

        assertThat(whileValid.expiredHolds()).as("while the token is valid").isZero();
        assertThat(withinGrace.expiredHolds()).as("expired, but within the grace").isZero();
        assertThat(after.expiredHolds()).as("expired longer than the grace").isEqualTo(1);
        assertThat(gallery.maintenance().reconcile(Duration.ofHours(1)).expiredHolds()).as("again").isZero();
        assertThatThrownBy(() -> gallery.photos().completeDirectUpload(alice, upload.token()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(photos.find(alice, direct.id())).isEmpty();
    }
}
