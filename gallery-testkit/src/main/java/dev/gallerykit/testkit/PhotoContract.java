package dev.gallerykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.PhotoUpdate;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.TagSource;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.PresignedRequest;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Reading and changing one photo: update, move, delete, presigned URLs fetched as a client would;
 * another user's photo is not found and not changed by trying.
 */
abstract class PhotoContract extends GalleryCase {

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
        assertThat(gallery.albums().get(alice, album.id())).as("the album, untouched").isEqualTo(album);
    }

    @Test
    @DisplayName("a presigned GET is made for an existing file of the photo only, and gives a client its bytes")
    void presignedUrl() {
        Album album = anAlbum(alice, "Shared");
        Fixture fixture = PhotoFixtures.aJpeg();
        Photo photo = upload(alice, album.id(), fixture);

        PresignedRequest thumbnail = gallery.photos().url(alice, photo.id(), "thumb-256", Duration.ofMinutes(10));
        PresignedRequest original = gallery.photos().url(alice, photo.id(), "original", Duration.ofMinutes(10));

        assertThat(thumbnail.method()).isEqualTo("GET");
        assertThat(presigned.get(thumbnail)).as("the thumbnail, fetched").isEqualTo(storedBytes(photo, "thumb-256"))
                .isNotEqualTo(fixture.bytes());
        assertThat(presigned.get(original)).as("the original, fetched").isEqualTo(fixture.bytes());
        assertThatThrownBy(() -> gallery.photos().url(alice, photo.id(), "thumb-9999", Duration.ofMinutes(10)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("thumb-9999");
        assertInvalid(() -> gallery.photos().url(alice, photo.id(), "original", Duration.ZERO), "ttl");
        assertInvalid(() -> gallery.photos().url(alice, photo.id(), "original", Duration.ofDays(8)), "ttl");
    }
}
