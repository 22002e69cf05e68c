package dev.gallerykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.AlbumUpdate;
import dev.gallerykit.Gallery;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@code Albums} use case: create, read, rename and describe, list and search page by page,
 * covers; another user's album is not found, and a stale write is detected.
 */
abstract class AlbumContract extends GalleryCase {

    @Test
    @DisplayName("an album is created with trimmed text and read back by its owner")
    void createThenGet() {
        Album created = gallery.albums().create(alice, "  Lisbon 2026 ", " Tiles and trams ");

        Album read = gallery.albums().get(alice, created.id());

        assertThat(read).isEqualTo(created);
        assertThat(read.name()).isEqualTo("Lisbon 2026");
        assertThat(read.description()).isEqualTo("Tiles and trams");
        assertThat(read.ownerId()).isEqualTo(alice);
        assertThat(read.createdAt()).isEqualTo(clock.instant());
        assertThat(read.updatedAt()).isEqualTo(read.createdAt());
        assertThat(read.cover()).isEmpty();
    }

    @Test
    @DisplayName("another user's album is not found, for every operation")
    void anotherUsersAlbumIsNotFound() {
        Album mine = anAlbum(alice, "Private");

        assertThatThrownBy(() -> gallery.albums().get(bob, mine.id())).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("album " + mine.id() + " not found");
        assertThatThrownBy(() -> gallery.albums().rename(bob, mine.id(), "Mine now")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> gallery.albums().describe(bob, mine.id(), "x")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> gallery.albums().update(bob, mine.id(), AlbumUpdate.of(u -> u.name("Mine now"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> gallery.photos().list(bob, mine.id(), PageRequest.first(10))).isInstanceOf(NotFoundException.class);
        gallery.albums().delete(bob, mine.id());

        assertThat(gallery.albums().get(alice, mine.id()).name()).isEqualTo("Private");
        assertThat(gallery.albums().list(bob, PageRequest.first(10)).items()).isEmpty();
        assertThat(gallery.albums().search(bob, "Private", PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    @DisplayName("renaming and describing bump updatedAt and the version")
    void renameAndDescribe() {
        Album album = anAlbum(alice, "Draft");
        clock.advance(Duration.ofMinutes(5));

        Album renamed = gallery.albums().rename(alice, album.id(), "Final");
        clock.advance(Duration.ofMinutes(5));
        Album described = gallery.albums().describe(alice, album.id(), "Best of the summer");

        assertThat(renamed.name()).isEqualTo("Final");
        assertThat(renamed.updatedAt()).isEqualTo(album.createdAt().plus(Duration.ofMinutes(5)));
        assertThat(described.description()).isEqualTo("Best of the summer");
        assertThat(described.updatedAt()).isEqualTo(clock.instant());
        assertThat(described.version()).isGreaterThan(renamed.version());
        assertThat(renamed.version()).isGreaterThan(album.version());
        assertThat(described.createdAt()).isEqualTo(album.createdAt());
    }

    @Test
    @DisplayName("an update renames and describes in one write; a refused field changes neither")
    void updateInOneWrite() {
        Album album = anAlbum(alice, "Draft");
        clock.advance(Duration.ofMinutes(5));

        Album updated = gallery.albums().update(alice, album.id(),
                AlbumUpdate.of(u -> u.name("  Lisbon 2024 ").description("Five days in May")));

        assertThat(updated.name()).isEqualTo("Lisbon 2024");
        assertThat(updated.description()).isEqualTo("Five days in May");
        assertThat(updated.updatedAt()).isEqualTo(clock.instant());
        Album other = anAlbum(alice, "Other");
        long oneWrite = gallery.albums().rename(alice, other.id(), "Renamed once").version() - other.version();
        assertThat(updated.version() - album.version()).as("one write, one version step").isEqualTo(oneWrite);
        assertThat(gallery.albums().get(alice, album.id())).isEqualTo(updated);

        assertInvalid(() -> gallery.albums().update(alice, album.id(),
                AlbumUpdate.of(u -> u.name("Renamed").description("d".repeat(5001)))), "description");
        assertInvalid(() -> gallery.albums().update(alice, album.id(),
                AlbumUpdate.of(u -> u.name(" ").description("Fine"))), "name");
        assertThat(gallery.albums().get(alice, album.id())).isEqualTo(updated);

        Album unchanged = gallery.albums().update(alice, album.id(), AlbumUpdate.of(u -> { }));
        assertThat(unchanged).isEqualTo(updated);
        Album described = gallery.albums().update(alice, album.id(), AlbumUpdate.of(u -> u.description("")));
        assertThat(described.name()).isEqualTo("Lisbon 2024");
        assertThat(described.description()).isEmpty();
    }

    @Test
    @DisplayName("bad names and descriptions are refused with the field named, and nothing is written")
    void badTextIsRefused() {
        assertInvalid(() -> gallery.albums().create(alice, "   ", ""), "name");
        assertInvalid(() -> gallery.albums().create(alice, null, ""), "name");
        assertInvalid(() -> gallery.albums().create(alice, "x".repeat(201), ""), "name");
        assertInvalid(() -> gallery.albums().create(alice, "two\nlines", ""), "name");
        assertInvalid(() -> gallery.albums().create(alice, "Fine", "d".repeat(5001)), "description");
        assertInvalid(() -> gallery.albums().create(alice, "Trip \uD83C", ""), "name");
        assertInvalid(() -> gallery.albums().create(alice, "Fine", "\uDF05"), "description");
        assertInvalid(() -> gallery.albums().search(alice, "\uD800", PageRequest.first(5)), "text");
        assertInvalid(() -> gallery.albums().create(null, "Fine", ""), "actor");
        assertThat(gallery.albums().list(alice, PageRequest.first(10)).items()).isEmpty();

        Album album = anAlbum(alice, "Kept");
        assertInvalid(() -> gallery.albums().rename(alice, album.id(), ""), "name");
        assertThat(gallery.albums().get(alice, album.id())).isEqualTo(album);
    }

    @Test
    @DisplayName("albums are listed newest first, page by page, with no gaps or repeats")
    void listNewestFirstInPages() {
        List<AlbumId> created = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            created.add(anAlbum(alice, "Album " + i).id());
        }
        anAlbum(bob, "Not alice's");
        Collections.reverse(created);

        List<AlbumId> seen = new ArrayList<>();
        Optional<PageRequest> request = Optional.of(PageRequest.first(10));
        int pages = 0;
        while (request.isPresent()) {
            Page<Album> page = gallery.albums().list(alice, request.get());
            assertThat(page.items()).hasSizeLessThanOrEqualTo(10);
            page.items().forEach(a -> seen.add(a.id()));
            request = request.get().after(page);
            pages++;
        }

        assertThat(seen).containsExactlyElementsOf(created);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    @DisplayName("search finds albums by name or description, ignoring case")
    void searchByNameOrDescription() {
        Album beach = gallery.albums().create(alice, "Beach days", "");
        Album hike = gallery.albums().create(alice, "Alps", "A long hike to the BEACH of a lake");
        anAlbum(alice, "City");
        gallery.albums().create(bob, "Beach too", "");

        Page<Album> found = gallery.albums().search(alice, "beach", PageRequest.first(10));

        assertThat(found.items()).extracting(Album::id).containsExactly(hike.id(), beach.id());
        assertInvalid(() -> gallery.albums().search(alice, " ", PageRequest.first(10)), "text");
    }

    @Test
    @DisplayName("a page has a next cursor exactly when another album follows")
    void aNextCursorExactlyWhenMoreFollow() {
        for (int i = 0; i < 4; i++) {
            anAlbum(alice, "Trip " + i);
        }

        Page<Album> first = gallery.albums().list(alice, PageRequest.first(2));
        Page<Album> second = gallery.albums().list(alice, PageRequest.next(2, first.nextCursor().orElseThrow()));
        Page<Album> all = gallery.albums().list(alice, PageRequest.first(4));
        Page<Album> found = gallery.albums().search(alice, "trip", PageRequest.first(4));

        assertThat(second.items()).hasSize(2);
        assertThat(second.hasNext()).as("after the last album").isFalse();
        assertThat(all.items()).hasSize(4);
        assertThat(all.hasNext()).as("a first page that holds every album").isFalse();
        assertThat(found.hasNext()).as("a search page that holds every match").isFalse();
    }

    @Test
    @DisplayName("a cursor is refused when altered, or used by another user or for another query")
    void cursorsAreTamperEvident() {
        for (int i = 0; i < 3; i++) {
            anAlbum(alice, "Trip " + i);
        }
        Page<Album> first = gallery.albums().list(alice, PageRequest.first(1));
        String cursor = first.nextCursor().orElseThrow();
        String altered = (cursor.charAt(0) == 'A' ? 'B' : 'A') + cursor.substring(1);

        assertInvalid(() -> gallery.albums().list(alice, PageRequest.next(1, altered)), "cursor");
        assertInvalid(() -> gallery.albums().list(alice, PageRequest.next(1, "not-a-cursor")), "cursor");
        assertInvalid(() -> gallery.albums().list(bob, PageRequest.next(1, cursor)), "cursor");
        assertInvalid(() -> gallery.albums().search(alice, "Trip", PageRequest.next(1, cursor)), "cursor");
        assertThat(gallery.albums().list(alice, PageRequest.next(1, cursor)).items()).hasSize(1);
    }

    @Test
    @DisplayName("page sizes outside 1 to the maximum are refused")
    void pageSizeIsChecked() {
        assertInvalid(() -> gallery.albums().list(alice, PageRequest.first(0)), "limit");
        assertInvalid(() -> gallery.albums().list(alice, PageRequest.first(51)), "limit");
        assertThat(gallery.albums().list(alice, PageRequest.first(50)).items()).isEmpty();
    }

    @Test
    @DisplayName("the cover must be a photo of the album, and it goes when that photo is deleted or moved")
    void coverFollowsItsPhoto() {
        Album summer = anAlbum(alice, "Summer");
        Album winter = anAlbum(alice, "Winter");
        Photo one = upload(alice, summer.id(), PhotoFixtures.aJpeg(320, 240, 1));
        Photo two = upload(alice, summer.id(), PhotoFixtures.aJpeg(320, 240, 2));
        Photo elsewhere = upload(alice, winter.id(), PhotoFixtures.aJpeg(320, 240, 3));

        assertThat(gallery.albums().setCover(alice, summer.id(), one.id()).cover()).contains(one.id());
        assertThatThrownBy(() -> gallery.albums().setCover(alice, summer.id(), elsewhere.id()))
                .isInstanceOf(NotFoundException.class);

        gallery.photos().move(alice, one.id(), winter.id());
        assertThat(gallery.albums().get(alice, summer.id()).cover()).isEmpty();

        gallery.albums().setCover(alice, summer.id(), two.id());
        gallery.photos().delete(alice, two.id());
        assertThat(gallery.albums().get(alice, summer.id()).cover()).isEmpty();

        gallery.albums().setCover(alice, winter.id(), elsewhere.id());
        assertThat(gallery.albums().clearCover(alice, winter.id()).cover()).isEmpty();
    }

    @Test
    @DisplayName("deleting an album whose listing has not caught up with its newest photo still removes every photo first")
    void deleteOutlastsALaggingListing() {
        Gallery lagging = gallery(b -> b.photos(new LaggingListingPhotoRepository(photos, 3)));
        Album album = anAlbum(alice, "Fresh");
        upload(alice, album.id(), PhotoFixtures.aJpeg(32, 24, 51));
        upload(alice, album.id(), PhotoFixtures.aJpeg(32, 24, 52));

        lagging.albums().delete(alice, album.id());

        assertThat(albums.find(alice, album.id())).as("the album").isEmpty();
        assertNothingStoredFor(alice);
    }

    @Test
    @DisplayName("an update from a stale read fails with a concurrent modification and changes nothing")
    void staleUpdateIsDetected() {
        Album album = anAlbum(alice, "Original");
        albums.update(album.withName("First writer", clock.instant()));

        assertThatThrownBy(() -> albums.update(album.withName("Second writer", clock.instant())))
                .isInstanceOf(ConcurrentModificationException.class);
        assertThat(gallery.albums().get(alice, album.id()).name()).isEqualTo("First writer");
    }
}
