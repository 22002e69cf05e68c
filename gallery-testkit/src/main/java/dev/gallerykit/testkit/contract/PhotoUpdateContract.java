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
}
