package dev.gallerykit.testkit.contract;

import static dev.gallerykit.testkit.contract.Records.NOW;
import static dev.gallerykit.testkit.contract.Records.aFullyDescribedPhoto;
import static dev.gallerykit.testkit.contract.Records.aPhoto;
import static dev.gallerykit.testkit.contract.Records.aSha256;
import static dev.gallerykit.testkit.contract.Records.anOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Updating a photo: versioned replacement of its fields, tags and derivatives. */
abstract class PhotoUpdateContract extends PhotoRepositoryCase {

    @Test
    @DisplayName("with the current version stores the change and increments the version")
    void updateWithCurrentVersionIncrementsIt() {
        Photo created = create(anOwner());

        Photo once = repository.update(created.toBuilder().title("Renamed").description("Now described")
                .tags(List.of(Tag.user("new"), Tag.machine("green", 0.5))).updatedAt(NOW.plusSeconds(1)).build());
        Photo twice = repository.update(once.toBuilder().title("Renamed again").build());

        assertThat(once.version()).isEqualTo(2);
        assertThat(twice.version()).isEqualTo(3);
        assertThat(twice.tags()).containsExactly(Tag.user("new"), Tag.machine("green", 0.5));
        assertThat(repository.find(created.ownerId(), created.id())).contains(twice);
    }

    @Test
    @DisplayName("to another album moves it between the album listings")
    void updateMovesThePhotoToAnotherAlbum() {
        UserId owner = anOwner();
        AlbumId from = albumFor(owner);
        AlbumId to = albumFor(owner);
        Photo created = create(owner, from);

        Photo moved = repository.update(created.toBuilder().albumId(to).build());

        assertThat(repository.listByAlbum(owner, from, 10, Optional.empty()).items()).isEmpty();
        assertThat(repository.listByAlbum(owner, to, 10, Optional.empty()).items()).containsExactly(moved);
    }

    @Test
    @DisplayName("with a stale version fails and changes nothing")
    void updateWithStaleVersionFailsAndChangesNothing() {
        Photo created = create(anOwner());
        Photo current = repository.update(created.toBuilder().title("First").build());

        assertThatThrownBy(() -> repository.update(created.toBuilder().title("Second").build()))
                .isInstanceOf(ConcurrentModificationException.class);
        assertThat(repository.find(created.ownerId(), created.id())).contains(current);
    }

    @Test
    @DisplayName("of a photo that does not exist is not found")
    void updateOfAnAbsentPhotoIsNotFound() {
        UserId owner = anOwner();
        Photo absent = aPhoto(owner, albumFor(owner), p -> p.version(1));

        assertThatThrownBy(() -> repository.update(absent)).isInstanceOf(NotFoundException.class);
        assertThat(repository.find(absent.ownerId(), absent.id())).isEmpty();
    }

    @Test
    @DisplayName("by another owner is not found and changes nothing")
    void updateByAnotherOwnerIsNotFound() {
        Photo created = create(anOwner());
        UserId intruder = anOwner();

        assertThatThrownBy(() -> repository.update(created.toBuilder().ownerId(intruder).title("Mine").build()))
                .isInstanceOf(NotFoundException.class);
        assertThat(repository.find(created.ownerId(), created.id())).contains(created);
        assertThat(repository.find(intruder, created.id())).isEmpty();
    }

    @Test
    @DisplayName("concurrently with one version lets exactly one writer win")
    void concurrentUpdatesWithOneVersionLetExactlyOneWin() throws InterruptedException {
        Photo created = create(anOwner());

        Race.Results<Photo> results = Race.run(10, i ->
                repository.update(created.toBuilder().title("Writer " + i).build()));

        assertThat(results.wins()).hasSize(1);
        assertThat(results.failures()).hasSize(9).allSatisfy(failure ->
                assertThat(failure).isInstanceOf(ConcurrentModificationException.class));
        assertThat(repository.find(created.ownerId(), created.id())).contains(results.wins().get(0));
    }

    /** The photo as the store keeps it now: what the core reads before it changes a photo. */
    private Photo stored(Photo photo) {
        return repository.find(photo.ownerId(), photo.id()).orElseThrow();
    }

    @Test
    @DisplayName("from the version read changes what differs and keeps the rest: title, then tags, then renditions")
    void updateFromTheVersionReadKeepsWhatItDoesNotChange() {
        UserId owner = anOwner();
        Photo created = repository.create(aFullyDescribedPhoto(owner, albumFor(owner)));

        Photo titled = repository.update(created, created.toBuilder().title("Harbour at night")
                .updatedAt(NOW.plusSeconds(61)).build());
        assertThat(titled.version()).isEqualTo(2);
        assertThat(stored(created)).isEqualTo(titled)
                .isEqualTo(created.toBuilder().title("Harbour at night").updatedAt(NOW.plusSeconds(61)).version(2).build());

        List<Tag> tags = List.of(Tag.machine("blue", 0.625), Tag.user("night"), Tag.user("night"));
        Photo tagged = repository.update(titled, titled.toBuilder().tags(tags).build());
        assertThat(stored(created)).isEqualTo(tagged);
        assertThat(tagged.tags()).isEqualTo(tags);
        assertThat(tagged.derivatives()).isEqualTo(created.derivatives());
        assertThat(repository.search(owner, PhotoQuery.of(q -> q.tags("night")), 10, Optional.empty()).items())
                .containsExactly(tagged);
        assertThat(repository.search(owner, PhotoQuery.of(q -> q.tags("harbour")), 10, Optional.empty()).items())
                .isEmpty();

        Photo rendered = repository.update(tagged, tagged.toBuilder()
                .derivatives(created.derivatives().subList(0, 2)).build());
        assertThat(stored(created)).isEqualTo(rendered);
        assertThat(rendered.version()).isEqualTo(4);
        assertThat(rendered.tags()).isEqualTo(tags);
        assertThat(rendered.title()).isEqualTo("Harbour at night");
    }

    @Test
    @DisplayName("from the version read to another album moves it between the album listings")
    void updateFromTheVersionReadMovesThePhoto() {
        UserId owner = anOwner();
        AlbumId from = albumFor(owner);
        AlbumId to = albumFor(owner);
        Photo created = create(owner, from);

        Photo moved = repository.update(created, created.toBuilder().albumId(to).title("Moved").build());

        assertThat(repository.listByAlbum(owner, from, 10, Optional.empty()).items()).isEmpty();
        assertThat(repository.listByAlbum(owner, to, 10, Optional.empty()).items()).containsExactly(moved);
    }

    @Test
    @DisplayName("from a version that moved on fails and changes nothing")
    void updateFromAStaleVersionFailsAndChangesNothing() {
        Photo created = create(anOwner(), p -> p.tags(List.of(Tag.user("first"))));
        Photo current = repository.update(created, created.toBuilder().title("First").build());

        assertThatThrownBy(() -> repository.update(created, created.toBuilder().title("Second")
                .tags(List.of(Tag.user("second"))).build()))
                .isInstanceOf(ConcurrentModificationException.class);
        assertThat(stored(created)).isEqualTo(current);
    }

    @Test
    @DisplayName("from the version read of a photo deleted since is not found, and stores nothing")
    void updateFromTheVersionReadOfADeletedPhotoIsNotFound() {
        Photo created = create(anOwner());
        repository.delete(created.ownerId(), created.id());

        assertThatThrownBy(() -> repository.update(created, created.toBuilder().title("Back").build()))
                .isInstanceOf(NotFoundException.class);
        assertThat(repository.find(created.ownerId(), created.id())).isEmpty();
    }

    @Test
    @DisplayName("from one photo to another, or between versions, is refused before anything is written")
    void updateFromAnotherPhotoIsRefused() {
        UserId owner = anOwner();
        Photo one = create(owner);
        Photo other = create(owner);

        assertThatThrownBy(() -> repository.update(one, other.toBuilder().title("Mixed").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(one.id().toString());
        assertThatThrownBy(() -> repository.update(one, one.toBuilder().version(2).build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repository.update(one, one.toBuilder().ownerId(anOwner()).build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(stored(one)).isEqualTo(one);
        assertThat(stored(other)).isEqualTo(other);
    }

    @Test
    @DisplayName("concurrently from one version read lets exactly one writer win, with its tags")
    void concurrentUpdatesFromOneVersionLetExactlyOneWin() throws InterruptedException {
        Photo created = create(anOwner());

        Race.Results<Photo> results = Race.run(10, i -> repository.update(created,
                created.toBuilder().tags(List.of(Tag.user("writer-" + i))).build()));

        assertThat(results.wins()).hasSize(1);
        assertThat(results.failures()).hasSize(9).allSatisfy(failure ->
                assertThat(failure).isInstanceOf(ConcurrentModificationException.class));
        assertThat(stored(created)).isEqualTo(results.wins().get(0));
    }
}
