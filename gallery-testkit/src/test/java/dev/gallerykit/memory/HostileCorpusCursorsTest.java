package dev.gallerykit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.Gallery;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Tampered and foreign page cursors through {@code Photos.list} and {@code Photos.search}: a cursor
 * altered in any way, or issued for another owner, album, query or gallery, is refused with an
 * {@link InvalidInputException} naming the cursor, and shows nothing of anybody's photos.
 */
@DisplayName("Hostile page cursors")
class HostileCorpusCursorsTest {

    private static final String REFUSED = "cursor is not one this gallery issued for this query";

    private final InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
    private final InMemoryPhotoRepository photos = new InMemoryPhotoRepository(albums);
    private final Gallery gallery = Gallery.builder().albums(albums).photos(photos).blobs(new InMemoryBlobStore()).build();
    private final UserId alice = new UserId(UUID.randomUUID());
    private final UserId bob = new UserId(UUID.randomUUID());
    private final Album trip = gallery.albums().create(alice, "Trip", "");
    private final Album garden = gallery.albums().create(alice, "Garden", "");
    private final Album bobs = gallery.albums().create(bob, "Bob's", "");
    private final List<Photo> bobsPhotos;

    HostileCorpusCursorsTest() {
        int seed = 0;
        for (Album album : List.of(trip, garden)) {
            for (int i = 0; i < 3; i++) {
                upload(alice, album, "sun " + i, ++seed, List.of("a,b"));
            }
        }
        bobsPhotos = Stream.of(1, 2, 3).map(i -> upload(bob, bobs, "Bob's sun " + i, 100 + i, List.of("a", "b"))).toList();
    }

    private Photo upload(UserId owner, Album album, String title, int seed, List<String> tags) {
        return gallery.photos().upload(owner, album.id(), Upload.builder()
                .content(PhotoFixtures.aJpeg(32, 24, seed).stream()).fileName("p.jpg").title(title).tags(tags).build());
    }

    @TestFactory
    Stream<DynamicTest> alteredCursors() {
        return Stream.of(
                altered("the first character of its position changed", c -> change(c, 0)),
                altered("the first character of its tag changed", c -> change(c, c.indexOf('.') + 1)),
                altered("its last three characters cut off", c -> c.substring(0, c.length() - 3)),
                altered("its tag removed", c -> c.substring(0, c.indexOf('.') + 1)),
                altered("its position removed", c -> c.substring(c.indexOf('.'))),
                altered("a second tag appended", c -> c + "." + c.substring(c.indexOf('.') + 1)),
                altered("standard base64 characters (+ and /) in it", c -> "+/+/" + c),
                altered("base64 of another position with the original tag",
                        c -> Base64.getUrlEncoder().withoutPadding().encodeToString("0:ffffffff".getBytes()) + c.substring(c.indexOf('.'))),
                altered("nothing but garbage", c -> "!!not-a-cursor!!"),
                altered("nothing at all", c -> ""),
                altered("10000 characters", c -> "A".repeat(5_000) + "." + "B".repeat(4_999)));
    }

    private DynamicTest altered(String what, Function<String, String> tamper) {
        return DynamicTest.dynamicTest("a list cursor with " + what + " is refused", () -> {
            String cursor = tamper.apply(firstCursor(gallery.photos().list(alice, trip.id(), PageRequest.first(1))));
            assertRefused(() -> gallery.photos().list(alice, trip.id(), PageRequest.next(1, cursor)));
        });
    }

    @TestFactory
    Stream<DynamicTest> foreignCursors() {
        return Stream.of(
                DynamicTest.dynamicTest("Bob's cursor for his album, presented by Alice for hers, is refused", () -> {
                    String bobs = firstCursor(gallery.photos().list(bob, this.bobs.id(), PageRequest.first(1)));
                    assertRefused(() -> gallery.photos().list(alice, trip.id(), PageRequest.next(1, bobs)));
                }),
                DynamicTest.dynamicTest("Bob's cursor for his album, presented by Alice for his album, finds no album", () -> {
                    String bobs = firstCursor(gallery.photos().list(bob, this.bobs.id(), PageRequest.first(1)));
                    assertThatThrownBy(() -> gallery.photos().list(alice, this.bobs.id(), PageRequest.next(1, bobs)))
                            .isInstanceOf(NotFoundException.class).hasMessageContaining("not found")
                            .satisfies(e -> assertThat(e.getMessage()).doesNotContain(bobsPhotos.get(0).id().toString()));
                }),
                DynamicTest.dynamicTest("Bob's search cursor presented by Alice for the same search is refused", () -> {
                    PhotoQuery sun = PhotoQuery.builder().text("sun").build();
                    String bobs = firstCursor(gallery.photos().search(bob, sun, PageRequest.first(1)));
                    assertRefused(() -> gallery.photos().search(alice, sun, PageRequest.next(1, bobs)));
                }),
                DynamicTest.dynamicTest("a cursor of Alice's trip album, presented for her garden album, is refused", () -> {
                    String tripCursor = firstCursor(gallery.photos().list(alice, trip.id(), PageRequest.first(1)));
                    assertRefused(() -> gallery.photos().list(alice, garden.id(), PageRequest.next(1, tripCursor)));
                }),
                DynamicTest.dynamicTest("a search cursor presented to list an album is refused", () -> {
                    String search = firstCursor(gallery.photos().search(alice, PhotoQuery.builder().album(trip.id()).build(),
                            PageRequest.first(1)));
                    assertRefused(() -> gallery.photos().list(alice, trip.id(), PageRequest.next(1, search)));
                }),
                DynamicTest.dynamicTest("a cursor of the search for 'sun', presented for 'moon', is refused", () -> {
                    String sun = firstCursor(gallery.photos().search(alice, PhotoQuery.builder().text("sun").build(), PageRequest.first(1)));
                    assertRefused(() -> gallery.photos().search(alice, PhotoQuery.builder().text("moon").build(), PageRequest.next(1, sun)));
                }),
                DynamicTest.dynamicTest("a cursor of tags [\"a,b\"], presented for tags [\"a\", \"b\"], is refused", () -> {
                    String joined = firstCursor(gallery.photos().search(alice, PhotoQuery.builder().tags("a,b").build(), PageRequest.first(1)));
                    assertRefused(() -> gallery.photos().search(alice, PhotoQuery.builder().tags("a", "b").build(), PageRequest.next(1, joined)));
                }),
                DynamicTest.dynamicTest("an album list cursor presented to another gallery (another secret) is refused", () -> {
                    String cursor = firstCursor(gallery.photos().list(alice, trip.id(), PageRequest.first(1)));
                    Gallery other = Gallery.builder().albums(albums).photos(photos).blobs(new InMemoryBlobStore()).build();
                    assertThatThrownBy(() -> other.photos().list(alice, trip.id(), PageRequest.next(1, cursor)))
                            .isInstanceOf(InvalidInputException.class).hasMessageContaining(REFUSED);
                }));
    }

    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("cursor");
            assertThat(e.getMessage()).isEqualTo(REFUSED);
        });
    }

    private static String firstCursor(Page<Photo> page) {
        assertThat(page.nextCursor()).as("a next page").isPresent();
        return page.nextCursor().get();
    }

    private static String change(String cursor, int at) {
        return cursor.substring(0, at) + (cursor.charAt(at) == 'A' ? 'B' : 'A') + cursor.substring(at + 1);
    }
}
