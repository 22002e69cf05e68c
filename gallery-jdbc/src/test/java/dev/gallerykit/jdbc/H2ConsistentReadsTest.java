package dev.gallerykit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.Gallery;
import dev.gallerykit.PhotoUpdate;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.testkit.contract.Race;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * H2 makes a commit visible table by table: a read of a photo's row and then of its tags could show
 * the row of one update and the tags of the one before, and the row's version, read again, agreed.
 * The contract's readers-against-writers race saw this once in many runs; here four writers and four
 * readers go on long enough that every run before the fix saw dozens of such reads.
 */
@DisplayName("On H2, reads racing updates")
class H2ConsistentReadsTest {

    private static final int STEPS = 600;

    private final JdbcRepositories db = JdbcRepositories.builder()
            .jdbcUrl("jdbc:h2:mem:reads-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").maximumPoolSize(10).build();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    @DisplayName("each see a photo's row and its tags from one update")
    void readsSeeOneUpdateWhole() throws InterruptedException {
        db.migrate();
        Gallery gallery = Gallery.builder().albums(db.albums()).photos(db.photos()).blobs(new InMemoryBlobStore())
                .build();
        UserId alice = new UserId(UUID.randomUUID());
        Album album = gallery.albums().create(alice, "Contested", "");
        Fixture jpeg = PhotoFixtures.aJpeg(24, 16, 8);
        Photo photo = gallery.photos().upload(alice, album.id(), Upload.of(jpeg.stream(), jpeg.fileName()));

        Race.Results<List<String>> results = Race.run(8, contender -> {
            List<String> torn = new ArrayList<>();
            for (int step = 0; step < STEPS; step++) {
                if (contender % 2 == 0) {
                    String mark = contender + "." + step;
                    try {
                        gallery.photos().update(alice, photo.id(),
                                PhotoUpdate.of(u -> u.title("Title " + mark).tags(List.of("mark-" + mark))));
                    } catch (ConcurrentModificationException lost) {
                        // Another writer won this step.
                    }
                } else {
                    Photo read = gallery.photos().get(alice, photo.id());
                    List<String> tags = read.tags().stream().map(Tag::value).toList();
                    if (read.version() != photo.version()
                            && !tags.equals(List.of("mark-" + read.title().substring("Title ".length())))) {
                        torn.add("version " + read.version() + ": " + read.title() + " with tags " + tags);
                    }
                }
            }
            return torn;
        });

        assertThat(results.failures()).isEmpty();
        assertThat(results.wins().stream().flatMap(List::stream).toList()).as("reads that mixed two updates").isEmpty();
    }
}
