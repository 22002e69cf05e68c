package dev.gallerykit.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.Gallery;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.memory.InMemoryAlbumRepository;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.memory.InMemoryPhotoRepository;
import dev.gallerykit.spi.BlobAttributes;
import dev.gallerykit.testkit.contract.Records;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The checker fails on each broken invariant, names every violation, and passes a sound gallery. */
class InvariantsTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2024-05-04T10:15:30Z"));
    private final InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
    private final InMemoryPhotoRepository photos = new InMemoryPhotoRepository(albums);
    private final InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
    private final Gallery gallery = Gallery.builder().albums(albums).photos(photos).blobs(blobs).clock(clock).build();
    private final Invariants invariants = Invariants.over(albums, photos, blobs);
    private final UserId owner = Records.anOwner();

    private void putBlob(String key) {
        blobs.put(key, new ByteArrayInputStream(new byte[] {7}), 1, BlobAttributes.of("image/jpeg"));
    }

    /** A photo in a real album whose one blob is stored under the gallery's layout. */
    private Photo aSoundPhoto(Album album) {
        PhotoId id = new PhotoId(UUID.randomUUID());
        String key = owner + "/" + id.value() + "/original";
        Photo photo = photos.create(Records.aPhoto(owner, album.id(), p -> p.id(id).derivatives(java.util.List.of(
                new dev.gallerykit.domain.Derivative("original", key, "image/jpeg", 1, Optional.empty())))));
        putBlob(key);
        return photo;
    }

    @Test
    @DisplayName("a sound gallery passes, before and after reconcile")
    void soundGalleryPasses() {
        Album album = albums.create(Records.anAlbum(owner));
        Photo photo = aSoundPhoto(album);
        albums.update(album.withCover(Optional.of(photo.id()), clock.instant()));

        assertThatCode(() -> invariants.assertHold(owner)).doesNotThrowAnyException();
        assertThatCode(() -> invariants.assertHoldAfterReconcile(owner, gallery.maintenance(), clock, Duration.ofDays(1)))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("a missing blob (I1), a missing album (I3) and a dangling cover (I6) are all reported at once")
    void everyViolationIsListed() {
        Album album = albums.create(Records.anAlbum(owner));
        Photo lost = aSoundPhoto(album);
        blobs.delete(lost.original().blobKey());
        Album removed = albums.create(Records.anAlbum(owner));
        Photo orphan = photos.create(Records.aPhoto(owner, removed.id()));
        putBlob(orphan.original().blobKey());
        // A store that broke I3 lost the album record alone (the repositories here refuse to): the checker
        // reads the albums from one that has the first album only, with a cover naming no photo.
        InMemoryAlbumRepository broken = new InMemoryAlbumRepository();
        broken.create(album);
        PhotoId gone = new PhotoId(UUID.randomUUID());
        broken.update(album.withCover(Optional.of(gone), clock.instant()));

        assertThatThrownBy(() -> Invariants.over(broken, photos, blobs).assertHold(owner)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("3 invariant violation(s)")
                .hasMessageContaining("I1: photo " + lost.id())
                .hasMessageContaining("I3: photo " + orphan.id())
                .hasMessageContaining("I6: album " + album.id() + " has photo " + gone);
    }

    @Test
    @DisplayName("a cover that names a photo of another album breaks I6")
    void coverFromAnotherAlbum() {
        Album one = albums.create(Records.anAlbum(owner));
        Album two = albums.create(Records.anAlbum(owner));
        Photo photo = aSoundPhoto(two);
        albums.update(one.withCover(Optional.of(photo.id()), clock.instant()));

        assertThatThrownBy(() -> invariants.assertHold(owner)).hasMessageContaining("which is in album " + two.id());
    }

    @Test
    @DisplayName("a blob under the owner that reconcile leaves and no record lists breaks I2")
    void strayBlobAfterReconcile() {
        Album album = albums.create(Records.anAlbum(owner));
        aSoundPhoto(album);
        String stray = owner + "/not-a-photo-id/original";
        putBlob(stray);

        assertThatCode(() -> invariants.assertHold(owner)).as("I2 is only checked after reconcile")
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> invariants.assertHoldAfterReconcile(owner, gallery.maintenance(), clock, Duration.ofDays(1)))
                .hasMessageContaining("I2: blob " + stray);
    }

    @Test
    @DisplayName("reconcile runs with the clock moved past the grace: an orphan of a failed upload is removed")
    void reconcileRemovesOrphans() {
        albums.create(Records.anAlbum(owner));
        putBlob(owner + "/" + UUID.randomUUID() + "/original");

        assertThatCode(() -> invariants.assertHoldAfterReconcile(owner, gallery.maintenance(), clock, Duration.ofDays(1)))
                .doesNotThrowAnyException();
    }
}
