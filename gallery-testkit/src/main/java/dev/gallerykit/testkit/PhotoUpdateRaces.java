package dev.gallerykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.PhotoUpdate;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.TagSource;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.testkit.contract.Race;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Concurrent updates of one photo through the public API: eight threads change its title,
 * description and tags at once, twenty rounds. Each update either applies or fails with
 * {@link ConcurrentModificationException}, never half: after every round the stored record is the
 * one the last applied update returned (no title of one writer with the tags of another), and its
 * version counts exactly the updates that applied.
 */
abstract class PhotoUpdateRaces extends GalleryCase {

    private static final int THREADS = 8;
    private static final int ROUNDS = 20;

    @Test
    @DisplayName("of eight concurrent updates each applies whole or fails as a concurrent modification")
    void concurrentUpdatesOfOnePhoto() throws InterruptedException {
        Album album = anAlbum(alice, "Contested");
        Photo photo = upload(alice, album.id(), PhotoFixtures.aJpeg(24, 16, 7));
        long applied = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int r = round;
            Race.Results<Photo> results = Race.run(THREADS, contender -> gallery.photos().update(alice, photo.id(),
                    PhotoUpdate.of(u -> u.title("Title " + r + "." + contender)
                            .description("Description " + r + "." + contender)
                            .tags(List.of("round-" + r, "writer-" + contender)))));

            assertThat(results.failures()).as("round %d: updates that lost", round)
                    .allSatisfy(failure -> assertThat(failure).isInstanceOf(ConcurrentModificationException.class));
            assertThat(results.wins()).as("round %d: updates that applied", round).isNotEmpty();
            applied += results.wins().size();
            for (Photo won : results.wins()) {
                String writer = won.title().substring(won.title().lastIndexOf('.') + 1);
                assertThat(won.description()).as("round %d", round).isEqualTo("Description " + r + "." + writer);
                assertThat(won.tags()).filteredOn(tag -> tag.source() == TagSource.USER).extracting(Tag::value).as("round %d", round)
                        .containsExactlyInAnyOrder("round-" + r, "writer-" + writer);
            }
            assertThat(results.wins()).extracting(Photo::version).as("round %d: versions written", round)
                    .doesNotHaveDuplicates();
            Photo last = results.wins().stream().max(Comparator.comparingLong(Photo::version)).orElseThrow();
            Photo stored = photos.find(alice, photo.id()).orElseThrow();
            assertThat(stored).as("round %d: the stored record is the last update applied", round).isEqualTo(last);
            assertThat(stored.version()).as("round %d: version after %d applied updates", round, applied)
                    .isEqualTo(photo.version() + applied);
            assertThat(gallery.photos().get(alice, photo.id())).as("round %d: read through the gallery", round)
                    .isEqualTo(stored);
        }
    }

    @Test
    @DisplayName("reads racing updates each see one update whole: never the title of one with the tags of another")
    void readsRacingUpdatesSeeOneVersion() throws InterruptedException {
        Album album = anAlbum(alice, "Contested");
        Photo photo = upload(alice, album.id(), PhotoFixtures.aJpeg(24, 16, 8));
        Race.Results<List<String>> results = Race.run(THREADS, contender -> {
            List<String> torn = new java.util.ArrayList<>();
            for (int step = 0; step < ROUNDS; step++) {
                if (contender % 2 == 0) {
                    String mark = contender + "." + step;
                    try {
                        gallery.photos().update(alice, photo.id(), PhotoUpdate.of(u -> u.title("Title " + mark)
                                .description("Description " + mark).tags(List.of("mark-" + mark, "writer-" + contender))));
                    } catch (ConcurrentModificationException lost) {
                        // Another writer won this step; the readers still check what is stored.
                    }
                } else {
                    Photo read = gallery.photos().get(alice, photo.id());
                    List<String> userTags = read.tags().stream().filter(tag -> tag.source() == TagSource.USER)
                            .map(Tag::value).toList();
                    String mark = read.title().substring(read.title().indexOf(' ') + 1);
                    boolean whole = read.version() == photo.version() ? read.equals(photo)
                            : read.description().equals("Description " + mark) && userTags.size() == 2
                                    && userTags.contains("mark-" + mark);
                    if (!whole) {
                        torn.add("version " + read.version() + ": title " + read.title() + ", tags " + userTags);
                    }
                }
            }
            return torn;
        });

        assertThat(results.failures()).withFailMessage(() -> "expected no failure, got\n" + results.failureTraces())
                .isEmpty();
        assertThat(results.wins().stream().flatMap(List::stream).toList()).as("reads that mixed two versions").isEmpty();
    }
}
