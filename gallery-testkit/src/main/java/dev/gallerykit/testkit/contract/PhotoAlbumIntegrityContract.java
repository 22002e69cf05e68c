package dev.gallerykit.testkit.contract;

import static dev.gallerykit.testkit.contract.Records.NOW;
import static dev.gallerykit.testkit.contract.Records.aPhoto;
import static dev.gallerykit.testkit.contract.Records.anOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.NotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a photo repository guarantees about albums, together with the album repository of its store:
 * photos go only into existing albums that are not being deleted, none leaves an album being deleted,
 * and a cover names a photo of its album (I3, I6 of the design), each checked in the write's own step.
 */
abstract class PhotoAlbumIntegrityContract extends PhotoRepositoryCase {

    private static final int THREADS = 8;
    private static final int ROUNDS = 20;

    private Album album(UserId owner) {
        return albums.find(owner, albumFor(owner)).orElseThrow();
    }

    @Test
    @DisplayName("creating a photo in an album that does not exist, or is another owner's, is not found")
    void createNeedsTheOwnersAlbum() {
        UserId owner = anOwner();
        Photo nowhere = aPhoto(owner, new AlbumId(UUID.randomUUID()));
        Photo inTheirs = aPhoto(owner, albumFor(anOwner()));

        assertThatThrownBy(() -> repository.create(nowhere)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining(nowhere.albumId().toString());
        assertThatThrownBy(() -> repository.create(inTheirs)).isInstanceOf(NotFoundException.class);
        assertThat(repository.find(owner, nowhere.id())).isEmpty();
        assertThat(repository.find(owner, inTheirs.id())).isEmpty();
    }

    @Test
    @DisplayName("marking an album as being deleted says whether it exists, clears its cover and keeps it findable")
    void markDeleting() {
        UserId owner = anOwner();
        Album album = album(owner);
        Photo photo = create(owner, album.id());
        Album covered = albums.setCover(album.withCover(Optional.of(photo.id()), NOW));

        assertThat(albums.markDeleting(owner, album.id())).isTrue();
        assertThat(albums.markDeleting(owner, album.id())).isTrue();
        assertThat(albums.markDeleting(anOwner(), album.id())).isFalse();
        assertThat(albums.markDeleting(owner, new AlbumId(UUID.randomUUID()))).isFalse();

        Album marked = albums.find(owner, album.id()).orElseThrow();
        assertThat(marked.cover()).isEmpty();
        assertThat(marked.version()).isGreaterThan(covered.version());
        assertThat(albums.list(owner, 10, Optional.empty()).items()).extracting(Album::id).contains(album.id());
        assertThatThrownBy(() -> albums.update(marked.withName("Saved?", NOW))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> albums.setCover(marked.withCover(Optional.of(photo.id()), NOW)))
                .isInstanceOf(NotFoundException.class);
        repository.deleteAll(owner, List.of(photo.id()));
        albums.delete(owner, album.id());
        assertThat(albums.markDeleting(owner, album.id())).isFalse();
    }

    @Test
    @DisplayName("an album is not deleted while a photo is still in it, whatever its listing says")
    void anAlbumWithAPhotoIsNotDeleted() {
        UserId owner = anOwner();
        Album album = album(owner);
        Photo photo = create(owner, album.id());
        assertThat(albums.markDeleting(owner, album.id())).isTrue();

        assertThatThrownBy(() -> albums.delete(owner, album.id())).isInstanceOf(ConflictException.class);
        assertThat(albums.find(owner, album.id())).as("the album stays").isPresent();
        assertThat(repository.find(owner, photo.id())).as("and so does its photo").isPresent();

        repository.deleteAll(owner, List.of(photo.id()));
        albums.delete(owner, album.id());
        assertThat(albums.find(owner, album.id())).isEmpty();
    }

    @Test
    @DisplayName("an album being deleted takes no new photo and lets none move in or out")
    void anAlbumBeingDeletedIsClosed() {
        UserId owner = anOwner();
        AlbumId doomed = albumFor(owner);
        AlbumId other = albumFor(owner);
        Photo inside = create(owner, doomed);
        Photo outside = create(owner, other);
        albums.markDeleting(owner, doomed);

        assertThatThrownBy(() -> create(owner, doomed)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> repository.update(outside.toBuilder().albumId(doomed).build()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> repository.update(inside.toBuilder().albumId(other).build()))
                .isInstanceOf(NotFoundException.class);
        assertThat(repository.listByAlbum(owner, doomed, 10, Optional.empty()).items()).containsExactly(inside);
        assertThat(repository.find(owner, outside.id())).contains(outside);
    }

    @Test
    @DisplayName("moving a photo into an album that does not exist is not found and changes nothing")
    void moveNeedsTheTargetAlbum() {
        UserId owner = anOwner();
        Photo photo = create(owner);

        assertThatThrownBy(() -> repository.update(photo.toBuilder().albumId(new AlbumId(UUID.randomUUID())).build()))
                .isInstanceOf(NotFoundException.class);
        assertThat(repository.find(owner, photo.id())).contains(photo);
    }

    @Test
    @DisplayName("a cover is set only to a photo in that album, on the album's current version")
    void setCoverChecksThePhoto() {
        UserId owner = anOwner();
        Album album = album(owner);
        Photo inAlbum = create(owner, album.id());
        Photo elsewhere = create(owner);

        Album covered = albums.setCover(album.withCover(Optional.of(inAlbum.id()), NOW));

        assertThat(covered.cover()).contains(inAlbum.id());
        assertThat(covered.version()).isEqualTo(album.version() + 1);
        assertThat(albums.find(owner, album.id())).contains(covered);
        assertThatThrownBy(() -> albums.setCover(covered.withCover(Optional.of(elsewhere.id()), NOW)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> albums.setCover(covered.withCover(Optional.of(new PhotoId(UUID.randomUUID())), NOW)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> albums.setCover(album.withCover(Optional.of(inAlbum.id()), NOW)))
                .isInstanceOf(ConcurrentModificationException.class);
        assertThat(albums.find(owner, album.id())).contains(covered);
    }

    @Test
    @DisplayName("deleting or moving away the cover photo clears that cover, and only that one")
    void deleteAndMoveClearTheCover() {
        UserId owner = anOwner();
        Album first = album(owner);
        Album second = album(owner);
        Photo deleted = create(owner, first.id());
        Photo moved = create(owner, second.id());
        Photo kept = create(owner, first.id());
        Album firstCovered = albums.setCover(first.withCover(Optional.of(deleted.id()), NOW));
        Album secondCovered = albums.setCover(second.withCover(Optional.of(moved.id()), NOW));

        repository.delete(owner, kept.id());
        assertThat(albums.find(owner, first.id())).contains(firstCovered);
        repository.delete(owner, deleted.id());
        repository.update(moved.toBuilder().albumId(first.id()).build());

        Album firstAfter = albums.find(owner, first.id()).orElseThrow();
        Album secondAfter = albums.find(owner, second.id()).orElseThrow();
        assertThat(firstAfter.cover()).isEmpty();
        assertThat(firstAfter.version()).isGreaterThan(firstCovered.version());
        assertThat(secondAfter.cover()).isEmpty();
        assertThat(secondAfter.version()).isGreaterThan(secondCovered.version());
    }

    @Test
    @DisplayName("racing a cover against the delete of its photo never leaves the cover on a deleted photo")
    void setCoverRacesDelete() throws InterruptedException {
        for (int round = 0; round < ROUNDS; round++) {
            UserId owner = anOwner();
            List<Album> racedAlbums = List.of(album(owner), album(owner), album(owner), album(owner));
            List<Photo> racedPhotos = racedAlbums.stream().map(a -> create(owner, a.id())).toList();

            Race.run(THREADS, contender -> {
                int pair = contender / 2;
                if (contender % 2 == 0) {
                    return albums.setCover(racedAlbums.get(pair).withCover(Optional.of(racedPhotos.get(pair).id()), NOW));
                }
                repository.delete(owner, racedPhotos.get(pair).id());
                return null;
            });

            for (Album raced : racedAlbums) {
                assertThat(albums.find(owner, raced.id()).orElseThrow().cover()).as("round %d", round).isEmpty();
            }
        }
    }

    @Test
    @DisplayName("racing creates against marking the album as being deleted, none gets in after the mark")
    void createsRaceMarkDeleting() throws InterruptedException {
        for (int round = 0; round < ROUNDS; round++) {
            UserId owner = anOwner();
            AlbumId album = albumFor(owner);

            AtomicReference<Set<PhotoId>> atTheMark = new AtomicReference<>();

            Race.Results<Optional<PhotoId>> results = Race.run(THREADS, contender -> {
                if (contender == 0) {
                    albums.markDeleting(owner, album);
                    atTheMark.set(idsIn(owner, album));
                    return Optional.empty();
                }
                return Optional.of(create(owner, album).id());
            });

            assertThat(results.failures()).as("round %d", round)
                    .allSatisfy(failure -> assertThat(failure).isInstanceOf(NotFoundException.class));
            Set<PhotoId> created = results.wins().stream().flatMap(Optional::stream).collect(Collectors.toSet());
            assertThat(atTheMark.get()).as("round %d: the album's photos right after the mark", round)
                    .isEqualTo(created);
            assertThat(idsIn(owner, album)).as("round %d: the album's photos", round).isEqualTo(created);
            assertThatThrownBy(() -> create(owner, album)).isInstanceOf(NotFoundException.class);
        }
    }

    private Set<PhotoId> idsIn(UserId owner, AlbumId album) {
        return repository.listByAlbum(owner, album, 100, Optional.empty()).items().stream().map(Photo::id)
                .collect(Collectors.toSet());
    }
}
