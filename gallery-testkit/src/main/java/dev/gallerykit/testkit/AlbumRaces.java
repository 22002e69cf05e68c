package dev.gallerykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.AlbumUpdate;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.testkit.contract.Race;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Album integrity under concurrency (I3, I6), through the public API only: eight threads race an
 * album delete, an owner purge, a cover change or each other's updates, twenty rounds each, and after every round no photo
 * points at a missing album, no cover at a missing photo, every record has its blobs and every blob its
 * record, every delete or purge finished, and every call that lost failed with {@link NotFoundException}.
 */
abstract class AlbumRaces extends GalleryCase {

    private static final int THREADS = 8;
    private static final int ROUNDS = 20;

    @Test
    @DisplayName("uploads and moves into an album while it is deleted fail as not found or go with the album")
    void uploadsAndMovesRaceAnAlbumDelete() throws InterruptedException {
        for (int round = 0; round < ROUNDS; round++) {
            Album doomed = anAlbum(alice, "Doomed " + round);
            Album source = anAlbum(alice, "Source " + round);
            List<Photo> movable = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                movable.add(upload(alice, source.id(), PhotoFixtures.aJpeg(24, 16, round * 100L + i)));
            }
            long seed = round * 100L + 50;

            Race.Results<String> results = Race.run(THREADS, contender -> {
                if (contender == 0) {
                    gallery.albums().delete(alice, doomed.id());
                    return "deleted";
                }
                if (contender <= movable.size()) {
                    gallery.photos().move(alice, movable.get(contender - 1).id(), doomed.id());
                    return "moved";
                }
                upload(alice, doomed.id(), PhotoFixtures.aJpeg(24, 16, seed + contender));
                return "uploaded";
            });

            assertThat(results.wins()).as("round %d: the delete finished", round).contains("deleted");
            assertLosersWereNotFound(round, results);
            assertThat(albumIds(alice)).as("round %d: albums", round).doesNotContain(doomed.id());
            assertIntegrityOf(alice, round);
        }
    }

    @Test
    @DisplayName("uploads while the owner is purged fail as not found or go with the purge, which finishes")
    void uploadsRaceAnOwnerPurge() throws InterruptedException {
        for (int round = 0; round < ROUNDS; round++) {
            List<Album> targets = List.of(anAlbum(alice, "One " + round), anAlbum(alice, "Two " + round));
            upload(alice, targets.get(0).id(), PhotoFixtures.aJpeg(24, 16, round * 100L));
            long seed = round * 100L + 10;

            Race.Results<String> results = Race.run(THREADS, contender -> {
                if (contender == 0) {
                    gallery.owners().purge(alice);
                    return "purged";
                }
                upload(alice, targets.get(contender % 2).id(), PhotoFixtures.aJpeg(24, 16, seed + contender));
                return "uploaded";
            });

            assertThat(results.wins()).as("round %d: the purge finished", round).contains("purged");
            assertLosersWereNotFound(round, results);
            assertThat(albumIds(alice)).as("round %d: albums left after the purge", round).isEmpty();
            assertIntegrityOf(alice, round);
            assertNothingStoredFor(alice);
        }
    }

    @Test
    @DisplayName("setting a cover while that photo is deleted never leaves a cover on a deleted photo")
    void setCoverRacesThePhotoDelete() throws InterruptedException {
        int pairs = THREADS / 2;
        for (int round = 0; round < ROUNDS; round++) {
            List<Album> albums = new ArrayList<>();
            List<Photo> covers = new ArrayList<>();
            for (int pair = 0; pair < pairs; pair++) {
                Album album = anAlbum(alice, "Cover " + round + "." + pair);
                Photo photo = upload(alice, album.id(), PhotoFixtures.aJpeg(24, 16, round * 100L + pair));
                upload(alice, album.id(), PhotoFixtures.aJpeg(24, 16, round * 100L + 50 + pair));
                if (pair % 2 == 1) {
                    // Half the pairs start with the photo already on the cover: the delete must take it off.
                    gallery.albums().setCover(alice, album.id(), photo.id());
                }
                albums.add(album);
                covers.add(photo);
            }

            Race.Results<String> results = Race.run(THREADS, contender -> {
                int pair = contender / 2;
                if (contender % 2 == 0) {
                    gallery.albums().setCover(alice, albums.get(pair).id(), covers.get(pair).id());
                    return "covered";
                }
                gallery.photos().delete(alice, covers.get(pair).id());
                return "deleted";
            });

            assertThat(results.wins()).as("round %d: every delete finished", round)
                    .filteredOn("deleted"::equals).hasSize(pairs);
            assertLosersWereNotFound(round, results);
            for (Photo photo : covers) {
                assertThat(photos.find(alice, photo.id())).as("round %d: deleted photo", round).isEmpty();
            }
            assertIntegrityOf(alice, round);
        }
    }

    @Test
    @DisplayName("updates racing on one album leave one update's name and description together, never a mix")
    void updatesRaceEachOther() throws InterruptedException {
        for (int round = 0; round < ROUNDS; round++) {
            Album album = anAlbum(alice, "Draft " + round);
            int r = round;
            Race.Results<String> results = Race.run(THREADS, contender -> {
                gallery.albums().update(alice, album.id(), AlbumUpdate.of(u -> u.name("Name " + r + "." + contender)
                        .description("Description " + r + "." + contender)));
                return Integer.toString(contender);
            });

            assertThat(results.wins()).as("round %d: one update at least is written", r).isNotEmpty();
            assertThat(results.failures()).as("round %d: updates that lost", r)
                    .allSatisfy(failure -> assertThat(failure).isInstanceOf(ConcurrentModificationException.class));
            Album now = gallery.albums().get(alice, album.id());
            String winner = now.name().substring(now.name().lastIndexOf('.') + 1);
            assertThat(results.wins()).as("round %d: the album is a winner's", r).contains(winner);
            assertThat(now.description()).as("round %d: name and description of one update", r)
                    .isEqualTo("Description " + r + "." + winner);
        }
    }

    private static void assertLosersWereNotFound(int round, Race.Results<String> results) {
        assertThat(results.failures()).as("round %d: calls that lost", round)
                .allSatisfy(failure -> assertThat(failure).isInstanceOf(NotFoundException.class));
    }

    /** I1 (each record has its blobs), I3 (each photo has its album), I6 (each cover has its photo), no stray blob. */
    private void assertIntegrityOf(UserId owner, int round) {
        Map<AlbumId, Album> albumsById = allAlbums(owner).stream()
                .collect(Collectors.toMap(Album::id, Function.identity()));
        List<Photo> records = photosOf(owner);
        Map<PhotoId, Photo> photosById = records.stream().collect(Collectors.toMap(Photo::id, Function.identity()));
        for (Photo photo : records) {
            assertThat(albumsById).as("round %d: the album of photo %s", round, photo.id())
                    .containsKey(photo.albumId());
        }
        for (Album album : albumsById.values()) {
            album.cover().ifPresent(cover -> {
                assertThat(photosById).as("round %d: the cover of album %s", round, album.id()).containsKey(cover);
                assertThat(photosById.get(cover).albumId()).as("round %d: the album of cover %s", round, cover)
                        .isEqualTo(album.id());
            });
        }
        Set<String> referenced = new HashSet<>();
        records.forEach(photo -> referenced.addAll(blobKeysIn(photo)));
        assertThat(blobKeysOf(owner)).as("round %d: blobs of %s", round, owner)
                .containsExactlyInAnyOrderElementsOf(referenced);
    }

    private Set<AlbumId> albumIds(UserId owner) {
        return allAlbums(owner).stream().map(Album::id).collect(Collectors.toSet());
    }

    private List<Album> allAlbums(UserId owner) {
        return albums.list(owner, 1000, Optional.empty()).items();
    }
}
