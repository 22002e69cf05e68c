package dev.gallerykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.GeoBox;
import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Finding photos: an album's photos page by page, newest first, and search by text, tags, taken-at
 * range, GPS box and album, for their owner only.
 */
abstract class SearchContract extends GalleryCase {

    @Test
    @DisplayName("an album's photos are listed newest first, page by page")
    void listByAlbum() {
        Album album = anAlbum(alice, "Many");
        Album other = anAlbum(alice, "Other");
        List<PhotoId> uploaded = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            uploaded.add(upload(alice, album.id(), PhotoFixtures.aJpeg(64, 48, 100 + i)).id());
        }
        upload(alice, other.id(), PhotoFixtures.aJpeg(64, 48, 200));
        Collections.reverse(uploaded);

        Page<Photo> first = gallery.photos().list(alice, album.id(), PageRequest.first(2));
        Page<Photo> second = gallery.photos().list(alice, album.id(), PageRequest.next(2, first.nextCursor().orElseThrow()));
        Page<Photo> third = gallery.photos().list(alice, album.id(), PageRequest.next(2, second.nextCursor().orElseThrow()));

        List<PhotoId> seen = new ArrayList<>();
        for (Page<Photo> page : List.of(first, second, third)) {
            page.items().forEach(p -> seen.add(p.id()));
        }
        assertThat(seen).containsExactlyElementsOf(uploaded);
        assertThat(third.hasNext()).isFalse();
        assertInvalid(() -> gallery.photos().list(alice, other.id(), PageRequest.next(2, first.nextCursor().orElseThrow())), "cursor");
    }

    @Test
    @DisplayName("a search cursor works for its own query only: tags [\"a,b\"] are not tags [\"a\", \"b\"]")
    void searchCursorsAreScopedToTheirQuery() {
        Album album = anAlbum(alice, "Commas");
        for (int i = 0; i < 3; i++) {
            gallery.photos().upload(alice, album.id(), Upload.builder()
                    .content(PhotoFixtures.aJpeg(32, 24, 300 + i).stream()).fileName("c" + i + ".jpg")
                    .tags(List.of("a,b", "a", "b")).build());
        }
        Page<Photo> first = gallery.photos().search(alice, PhotoQuery.of(q -> q.tags("a,b")), PageRequest.first(1));
        String cursor = first.nextCursor().orElseThrow();

        assertThat(gallery.photos().search(alice, PhotoQuery.of(q -> q.tags("a,b")), PageRequest.next(1, cursor))
                .items()).as("the cursor's own query").hasSize(1);
        assertInvalid(() -> gallery.photos().search(alice, PhotoQuery.of(q -> q.tags("a", "b")),
                PageRequest.next(1, cursor)), "cursor");
    }

    @Test
    @DisplayName("search combines text, tags, taken-at range, GPS box and album")
    void search() {
        Album paris = anAlbum(alice, "Paris");
        Album home = anAlbum(alice, "Home");
        Photo tower = gallery.photos().upload(alice, paris.id(), Upload.builder()
                .content(PhotoFixtures.aJpegWithExif().stream()).fileName("tower.jpg").title("Eiffel tower at night")
                .tags(List.of("travel", "night")).build());
        Photo cat = gallery.photos().upload(alice, home.id(), Upload.builder()
                .content(PhotoFixtures.aJpeg().stream()).fileName("cat.jpg").title("The cat")
                .description("Sleeping on the TOWER of books").tags(List.of("pets")).build());
        upload(bob, anAlbum(bob, "Bob's").id(), PhotoFixtures.aJpegWithExif());

        assertThat(search(q -> q.text("tower"))).containsExactly(cat.id(), tower.id());
        assertThat(search(q -> q.text("NIGHT"))).containsExactly(tower.id());
        assertThat(search(q -> q.tags("Travel", "night"))).containsExactly(tower.id());
        assertThat(search(q -> q.tags("travel", "pets"))).isEmpty();
        assertThat(search(q -> q.tags("sunny"))).as("machine tags are searchable").containsExactly(cat.id(), tower.id());
        LocalDateTime taken = PhotoFixtures.EXIF_TAKEN_AT;
        assertThat(search(q -> q.takenBetween(taken.minusDays(1), taken.plusDays(1)))).containsExactly(tower.id());
        assertThat(search(q -> q.takenBetween(taken, taken.plusSeconds(1)))).as("from is inclusive").containsExactly(tower.id());
        assertThat(search(q -> q.takenBetween(taken.minusDays(1), taken))).as("to is exclusive").isEmpty();
        assertThat(search(q -> q.box(new GeoBox(48.0, 2.0, 49.0, 3.0)))).containsExactly(tower.id());
        assertThat(search(q -> q.box(new GeoBox(40.0, -5.0, 41.0, -3.0)))).isEmpty();
        assertThat(search(q -> q.album(home.id()))).containsExactly(cat.id());
        assertThat(search(q -> q.text("tower").album(paris.id()).tags("night").box(new GeoBox(48, 2, 49, 3))))
                .containsExactly(tower.id());
    }

    private List<PhotoId> search(Consumer<PhotoQuery.Builder> spec) {
        return gallery.photos().search(alice, PhotoQuery.of(spec), PageRequest.first(50)).items().stream()
                .map(Photo::id).toList();
    }

    @Test
    @DisplayName("bad search arguments are refused with the field named")
    void badSearch() {
        assertInvalid(() -> gallery.photos().search(alice, PhotoQuery.of(q -> q.text(" ")), PageRequest.first(5)), "text");
        assertInvalid(() -> gallery.photos().search(alice, PhotoQuery.of(q -> q.takenBetween(
                LocalDateTime.of(2024, 2, 1, 0, 0), LocalDateTime.of(2024, 1, 1, 0, 0))), PageRequest.first(5)), "takenTo");
        assertThatThrownBy(() -> new GeoBox(50, 0, 40, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("south");
        assertThatThrownBy(() -> new GeoBox(0, 0, 91, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("box.north");
    }
}
