package dev.gallerykit.testkit.contract;

import static dev.gallerykit.testkit.contract.Records.NOW;
import static dev.gallerykit.testkit.contract.Records.anAlbum;
import static dev.gallerykit.testkit.contract.Records.anOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.Slice;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AlbumRepository} must do. An adapter's test extends this class and says how to
 * build the repository; each test works with owners of its own, so the store need not be empty.
 */
public abstract class AlbumRepositoryContract {

    /** Called before each test: a fresh repository, or one shared by all tests. */
    protected abstract AlbumRepository albums();

    private AlbumRepository repository;

    @BeforeEach
    void buildRepository() {
        repository = albums();
    }

    /** Creates {@code count} albums, oldest first. */
    private List<Album> createAlbums(UserId owner, int count) {
        List<Album> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            created.add(repository.create(anAlbum(owner, "Album " + i, "")));
        }
        return created;
    }

    private static List<AlbumId> newestFirst(List<Album> oldestFirst) {
        List<AlbumId> ids = new ArrayList<>(oldestFirst.stream().map(Album::id).toList());
        Collections.reverse(ids);
        return ids;
    }

    @Nested
    @DisplayName("Creating an album")
    class Creating {

        @Test
        @DisplayName("stores it with version 1, whatever version it came with")
        void createStoresVersionOne() {
            Album album = anAlbum(anOwner()).withVersion(9);

            Album created = repository.create(album);

            assertThat(created).isEqualTo(album.withVersion(1));
        }

        @Test
        @DisplayName("makes it findable by its owner with every field kept")
        void createThenFindReturnsTheStoredAlbum() {
            Album album = anAlbum(anOwner(), "Été à Marseille", "Calanques, the old port, bouillabaisse")
                    .withCover(Optional.of(new PhotoId(UUID.randomUUID())), NOW.plusSeconds(30));

            Album created = repository.create(album);

            assertThat(repository.find(album.ownerId(), album.id())).contains(created);
        }

        @Test
        @DisplayName("a second time with the same id is a conflict, and the first one is kept")
        void aSecondAlbumWithTheSameIdIsAConflict() {
            Album first = repository.create(anAlbum(anOwner(), "First", ""));
            Album clash = new Album(first.id(), first.ownerId(), "Second", "another", Optional.empty(),
                    NOW.plusSeconds(5), NOW.plusSeconds(5), 1);

            assertThatThrownBy(() -> repository.create(clash)).isInstanceOf(ConflictException.class);
            assertThat(repository.find(first.ownerId(), first.id())).contains(first);
        }

        @Test
        @DisplayName("of an album nobody created, finding gives empty")
        void findingAnAbsentAlbumIsEmpty() {
            assertThat(repository.find(anOwner(), new AlbumId(UUID.randomUUID()))).isEmpty();
        }

        @Test
        @DisplayName("another owner cannot find it")
        void anotherOwnerCannotFindTheAlbum() {
            Album created = repository.create(anAlbum(anOwner()));

            assertThat(repository.find(anOwner(), created.id())).isEmpty();
        }
    }

    @Nested
    @DisplayName("Updating an album")
    class Updating {

        @Test
        @DisplayName("with the current version stores the change and increments the version")
        void updateWithCurrentVersionIncrementsIt() {
            Album created = repository.create(anAlbum(anOwner()));

            Album renamed = repository.update(created.withName("Renamed", NOW.plusSeconds(1)));
            Album covered = repository.update(renamed.withCover(Optional.of(new PhotoId(UUID.randomUUID())),
                    NOW.plusSeconds(2)));

            assertThat(renamed.version()).isEqualTo(2);
            assertThat(covered.version()).isEqualTo(3);
            assertThat(covered.name()).isEqualTo("Renamed");
            assertThat(repository.find(created.ownerId(), created.id())).contains(covered);
        }

        @Test
        @DisplayName("with a stale version fails and changes nothing")
        void updateWithStaleVersionFailsAndChangesNothing() {
            Album created = repository.create(anAlbum(anOwner()));
            Album current = repository.update(created.withName("First", NOW.plusSeconds(1)));

            assertThatThrownBy(() -> repository.update(created.withName("Second", NOW.plusSeconds(2))))
                    .isInstanceOf(ConcurrentModificationException.class);
            assertThat(repository.find(created.ownerId(), created.id())).contains(current);
        }

        @Test
        @DisplayName("of an album that does not exist is not found")
        void updateOfAnAbsentAlbumIsNotFound() {
            Album absent = anAlbum(anOwner()).withVersion(1);

            assertThatThrownBy(() -> repository.update(absent)).isInstanceOf(NotFoundException.class);
            assertThat(repository.find(absent.ownerId(), absent.id())).isEmpty();
        }

        @Test
        @DisplayName("by another owner is not found and changes nothing")
        void updateByAnotherOwnerIsNotFound() {
            Album created = repository.create(anAlbum(anOwner()));
            UserId intruder = anOwner();
            Album hijacked = new Album(created.id(), intruder, "Mine now", "", Optional.empty(), NOW, NOW,
                    created.version());

            assertThatThrownBy(() -> repository.update(hijacked)).isInstanceOf(NotFoundException.class);
            assertThat(repository.find(created.ownerId(), created.id())).contains(created);
            assertThat(repository.find(intruder, created.id())).isEmpty();
        }

        @Test
        @DisplayName("concurrently with one version lets exactly one writer win")
        void concurrentUpdatesWithOneVersionLetExactlyOneWin() throws InterruptedException {
            Album created = repository.create(anAlbum(anOwner()));

            Race.Results<Album> results = Race.run(10, i ->
                    repository.update(created.withName("Writer " + i, NOW.plusSeconds(i))));

            assertThat(results.wins()).hasSize(1);
            assertThat(results.failures()).hasSize(9).allSatisfy(failure ->
                    assertThat(failure).isInstanceOf(ConcurrentModificationException.class));
            assertThat(repository.find(created.ownerId(), created.id())).contains(results.wins().get(0));
        }
    }

    @Nested
    @DisplayName("Listing an owner's albums")
    class Listing {

        @Test
        @DisplayName("gives the newest first")
        void listIsNewestFirst() {
            UserId owner = anOwner();
            List<Album> created = createAlbums(owner, 5);

            Slice<Album> slice = repository.list(owner, 10, Optional.empty());

            assertThat(slice.items()).extracting(Album::id).containsExactlyElementsOf(newestFirst(created));
            assertThat(slice.items().get(0)).isEqualTo(created.get(4));
        }

        @Test
        @DisplayName("pages through all of them without duplicates or gaps")
        void listPagesThroughAllAlbumsWithoutDuplicatesOrGaps() {
            UserId owner = anOwner();
            List<Album> created = createAlbums(owner, 25);

            List<List<Album>> pages = Paging.allPages(10, after -> repository.list(owner, 10, after));

            assertThat(pages.stream().flatMap(List::stream).map(Album::id))
                    .containsExactlyElementsOf(newestFirst(created));
            assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
            assertThat(pages.get(0)).hasSize(10);
        }

        @Test
        @DisplayName("gives no next position after an exactly full last page")
        void anExactlyFullLastPageHasNoNext() {
            UserId owner = anOwner();
            List<Album> created = createAlbums(owner, 10);

            Slice<Album> only = repository.list(owner, 10, Optional.empty());
            List<List<Album>> pages = Paging.allPages(5, after -> repository.list(owner, 5, after));

            assertThat(only.items()).extracting(Album::id).containsExactlyElementsOf(newestFirst(created));
            assertThat(only.next()).isEmpty();
            assertThat(pages).hasSize(2).allSatisfy(page -> assertThat(page).hasSize(5));
        }

        @Test
        @DisplayName("gives a next position when exactly one more album follows")
        void oneMoreAlbumGivesANextPosition() {
            UserId owner = anOwner();
            List<Album> created = createAlbums(owner, 11);

            Slice<Album> first = repository.list(owner, 10, Optional.empty());
            Slice<Album> second = repository.list(owner, 10, first.next());

            assertThat(first.next()).isPresent();
            assertThat(second.items()).extracting(Album::id).containsExactly(created.get(0).id());
            assertThat(second.next()).isEmpty();
        }

        @Test
        @DisplayName("of an owner without albums is empty and last")
        void listOfAnOwnerWithoutAlbumsIsEmpty() {
            Slice<Album> slice = repository.list(anOwner(), 10, Optional.empty());

            assertThat(slice.items()).isEmpty();
            assertThat(slice.next()).isEmpty();
        }

        @Test
        @DisplayName("shows only that owner's albums")
        void listShowsOnlyTheOwnersAlbums() {
            UserId owner = anOwner();
            UserId neighbour = anOwner();
            List<Album> mine = createAlbums(owner, 3);
            createAlbums(neighbour, 3);

            assertThat(Paging.allItems(2, after -> repository.list(owner, 2, after), Album::id))
                    .containsExactlyElementsOf(newestFirst(mine));
        }

        @Test
        @DisplayName("is stable when albums are added between pages")
        void listIsStableUnderConcurrentInserts() {
            UserId owner = anOwner();
            List<Album> before = createAlbums(owner, 15);

            Slice<Album> first = repository.list(owner, 10, Optional.empty());
            List<Album> after = createAlbums(owner, 5);
            assertThat(first.next()).isPresent();
            List<AlbumId> rest = Paging.allItemsFrom(first.next(), 10,
                    position -> repository.list(owner, 10, position), Album::id);

            List<AlbumId> expected = newestFirst(before);
            assertThat(first.items()).extracting(Album::id).containsExactlyElementsOf(expected.subList(0, 10));
            assertThat(rest).containsExactlyElementsOf(expected.subList(10, 15));
            assertThat(Paging.allItems(10, position -> repository.list(owner, 10, position), Album::id))
                    .startsWith(newestFirst(after).toArray(AlbumId[]::new))
                    .hasSize(20);
        }
    }

    @Nested
    @DisplayName("Searching an owner's albums")
    class Searching {

        @Test
        @DisplayName("matches the name ignoring case")
        void searchMatchesTheNameIgnoringCase() {
            UserId owner = anOwner();
            Album match = repository.create(anAlbum(owner, "Summer in PROVENCE", ""));
            repository.create(anAlbum(owner, "Winter", ""));

            assertThat(repository.search(owner, "provence", 10, Optional.empty()).items()).containsExactly(match);
            assertThat(repository.search(owner, "Provence", 10, Optional.empty()).items()).containsExactly(match);
        }

        @Test
        @DisplayName("matches the description ignoring case")
        void searchMatchesTheDescriptionIgnoringCase() {
            UserId owner = anOwner();
            Album match = repository.create(anAlbum(owner, "Trip", "Lavender fields near Valensole"));
            repository.create(anAlbum(owner, "Other trip", "Mountains"));

            assertThat(repository.search(owner, "LAVENDER", 10, Optional.empty()).items()).containsExactly(match);
        }

        @Test
        @DisplayName("matches text inside a word, in either field")
        void searchMatchesASubstringInNameOrDescription() {
            UserId owner = anOwner();
            Album byName = repository.create(anAlbum(owner, "Seaside", ""));
            Album byDescription = repository.create(anAlbum(owner, "July", "Out at sea all day"));
            repository.create(anAlbum(owner, "Forest", "Pines"));

            assertThat(repository.search(owner, "sea", 10, Optional.empty()).items())
                    .containsExactly(byDescription, byName);
        }

        @Test
        @DisplayName("folds case and Unicode forms exactly as TextMatch does, on a Unicode test set")
        void searchFoldsAsTextMatchDoes() {
            UserId owner = anOwner();
            List<Album> albums = new ArrayList<>();
            for (int i = 0; i < UnicodeSearchSet.TEXTS.size(); i++) {
                String text = UnicodeSearchSet.TEXTS.get(i);
                // Even texts are names, odd ones descriptions: both columns fold the same way.
                albums.add(repository.create(i % 2 == 0 ? anAlbum(owner, text, "") : anAlbum(owner, "Trip " + i, text)));
            }

            for (UnicodeSearchSet.Search search : UnicodeSearchSet.SEARCHES) {
                List<Album> expected = search.finds().stream().map(albums::get).toList();
                assertThat(Paging.allItems(10, after -> repository.search(owner, search.text(), 10, after), Album::id))
                        .as("search for %s", search).containsExactlyElementsOf(newestFirst(expected));
            }
        }

        @Test
        @DisplayName("finds nothing when no album matches")
        void searchWithoutMatchesIsEmpty() {
            UserId owner = anOwner();
            createAlbums(owner, 3);

            Slice<Album> slice = repository.search(owner, "zebra", 10, Optional.empty());

            assertThat(slice.items()).isEmpty();
            assertThat(slice.next()).isEmpty();
        }

        @Test
        @DisplayName("never shows another owner's albums")
        void searchIsScopedToTheOwner() {
            UserId owner = anOwner();
            UserId neighbour = anOwner();
            repository.create(anAlbum(neighbour, "Secret garden", ""));
            Album mine = repository.create(anAlbum(owner, "My garden", ""));

            assertThat(repository.search(owner, "garden", 10, Optional.empty()).items()).containsExactly(mine);
        }

        @Test
        @DisplayName("gives no next position after an exactly full last page of matches, whatever lies beyond")
        void anExactlyFullLastPageOfMatchesHasNoNext() {
            UserId owner = anOwner();
            createAlbums(owner, 7);
            List<Album> beaches = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                beaches.add(repository.create(anAlbum(owner, "Beach " + i, "")));
                createAlbums(owner, 2);
            }

            List<List<Album>> pages = Paging.allPages(3, after -> repository.search(owner, "beach", 3, after));

            assertThat(pages).hasSize(2).allSatisfy(page -> assertThat(page).hasSize(3));
            assertThat(pages.stream().flatMap(List::stream).map(Album::id)).containsExactlyElementsOf(newestFirst(beaches));
        }

        @Test
        @DisplayName("pages through many matches newest first without duplicates or gaps")
        void searchPagesNewestFirst() {
            UserId owner = anOwner();
            List<Album> matches = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                matches.add(repository.create(anAlbum(owner, "Beach day " + i, "")));
                repository.create(anAlbum(owner, "City day " + i, ""));
            }

            assertThat(Paging.allItems(10, after -> repository.search(owner, "beach", 10, after), Album::id))
                    .containsExactlyElementsOf(newestFirst(matches));
        }
    }

    @Nested
    @DisplayName("Deleting an album")
    class Deleting {

        @Test
        @DisplayName("removes it from finds and lists")
        void deleteRemovesTheAlbum() {
            UserId owner = anOwner();
            List<Album> created = createAlbums(owner, 3);

            repository.delete(owner, created.get(1).id());

            assertThat(repository.find(owner, created.get(1).id())).isEmpty();
            assertThat(repository.list(owner, 10, Optional.empty()).items()).extracting(Album::id)
                    .containsExactly(created.get(2).id(), created.get(0).id());
        }

        @Test
        @DisplayName("twice, or when it never existed, does nothing")
        void deleteIsIdempotent() {
            UserId owner = anOwner();
            Album created = repository.create(anAlbum(owner));

            repository.delete(owner, created.id());
            repository.delete(owner, created.id());
            repository.delete(owner, new AlbumId(UUID.randomUUID()));

            assertThat(repository.find(owner, created.id())).isEmpty();
        }

        @Test
        @DisplayName("by another owner does nothing")
        void deleteByAnotherOwnerDoesNothing() {
            Album created = repository.create(anAlbum(anOwner()));

            repository.delete(anOwner(), created.id());

            assertThat(repository.find(created.ownerId(), created.id())).contains(created);
        }
    }
}
