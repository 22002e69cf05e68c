package dev.gallerykit.testkit.contract;

import static dev.gallerykit.testkit.contract.Records.anOwner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.GeoBox;
import dev.gallerykit.domain.GeoPoint;
import dev.gallerykit.domain.ImageMetadata;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.TakenAt;
import dev.gallerykit.domain.UserId;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The searches of {@link PhotoRepositoryContract}, nested there: each criterion alone, at its edges,
 * combined, paged, and in agreement with {@link PhotoQuery#matches}, for the owner only.
 */
abstract class PhotoSearchContract extends PhotoRepositoryCase {

    private List<PhotoId> searchAll(UserId owner, PhotoQuery query) {
        return Paging.allItems(10, after -> repository.search(owner, query, 10, after), Photo::id);
    }

    private static Consumer<Photo.Builder> takenAt(TakenAt takenAt) {
        return photo -> photo.metadata(ImageMetadata.builder().takenAt(takenAt).build());
    }

    private static Consumer<Photo.Builder> takenAt(String localTime) {
        return takenAt(TakenAt.local(LocalDateTime.parse(localTime)));
    }

    private static Consumer<Photo.Builder> at(double latitude, double longitude) {
        return photo -> photo.metadata(ImageMetadata.builder().location(GeoPoint.of(latitude, longitude)).build());
    }

    private static Consumer<Photo.Builder> described(String title, String tag, String localTime, double latitude,
            double longitude) {
        return photo -> photo.title(title).tags(List.of(Tag.user(tag))).metadata(ImageMetadata.builder()
                .takenAt(TakenAt.local(LocalDateTime.parse(localTime)))
                .location(GeoPoint.of(latitude, longitude))
                .build());
    }

    private static Consumer<Photo.Builder> tagged(String... values) {
        return photo -> photo.tags(Arrays.stream(values).map(Tag::user).toList());
    }

    @Test
    @DisplayName("by text matches the title or the description, ignoring case")
    void searchByTextMatchesTitleOrDescriptionIgnoringCase() {
        UserId owner = anOwner();
        AlbumId album = albumFor(owner);
        Photo byTitle = create(owner, album, p -> p.title("Sunset over the BAY"));
        Photo byDescription = create(owner, album, p -> p.title("IMG_1").description("The bay at dawn"));
        create(owner, album, p -> p.title("Mountains").description("Snow"));

        assertThat(searchAll(owner, PhotoQuery.of(q -> q.text("Bay"))))
                .containsExactly(byDescription.id(), byTitle.id());
    }

    @Test
    @DisplayName("by text folds case and Unicode forms exactly as TextMatch does, on a Unicode test set")
    void searchByTextFoldsAsTextMatchDoes() {
        UserId owner = anOwner();
        AlbumId album = albumFor(owner);
        List<Photo> photos = new ArrayList<>();
        for (int i = 0; i < UnicodeSearchSet.TEXTS.size(); i++) {
            String text = UnicodeSearchSet.TEXTS.get(i);
            // Even texts are titles, odd ones descriptions: both columns fold the same way.
            photos.add(create(owner, album, i % 2 == 0 ? p -> p.title(text) : p -> p.title("IMG").description(text)));
        }

        for (UnicodeSearchSet.Search search : UnicodeSearchSet.SEARCHES) {
            PhotoQuery query = PhotoQuery.of(q -> q.text(search.text()));
            List<Photo> expected = search.finds().stream().map(photos::get).toList();
            assertThat(photos.stream().filter(query::matches).toList()).as("PhotoQuery.matches for %s", search)
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(searchAll(owner, query)).as("search for %s", search).containsExactlyElementsOf(newestFirst(expected));
        }
    }

    @Test
    @DisplayName("by tags requires every tag given, user or machine")
    void searchByTagsRequiresEveryTag() {
        UserId owner = anOwner();
        AlbumId album = albumFor(owner);
        Photo both = create(owner, album, tagged("beach", "dog"));
        Photo beachOnly = create(owner, album, tagged("beach"));
        create(owner, album, tagged("dog"));
        create(owner, album);
        Photo machine = create(owner, album, p -> p.tags(List.of(Tag.machine("beach", 0.4), Tag.user("dog"))));

        assertThat(searchAll(owner, PhotoQuery.of(q -> q.tags("beach", "dog"))))
                .containsExactly(machine.id(), both.id());
        assertThat(searchAll(owner, PhotoQuery.of(q -> q.tags("beach"))))
                .containsExactly(machine.id(), beachOnly.id(), both.id());
    }

    @Test
    @DisplayName("by tags lists a photo once when it carries a tag twice, and follows its tags as they change")
    void searchByTagsListsAPhotoCarryingATagTwiceOnce() {
        UserId owner = anOwner();
        AlbumId album = albumFor(owner);
        Photo twice = create(owner, album, p -> p.tags(List.of(Tag.user("beach"), Tag.machine("beach", 0.9),
                Tag.user("dog"), Tag.user("beach"))));
        Photo once = create(owner, album, tagged("beach"));

        assertThat(searchAll(owner, PhotoQuery.of(q -> q.tags("beach")))).containsExactly(once.id(), twice.id());
        assertThat(searchAll(owner, PhotoQuery.of(q -> q.tags("dog", "beach")))).containsExactly(twice.id());

        // The first of the repeated tags goes: the photo is still found by the one that stays.
        Photo keptOne = repository.update(twice.toBuilder()
                .tags(List.of(Tag.user("dog"), Tag.machine("beach", 0.9))).build());
        assertThat(searchAll(owner, PhotoQuery.of(q -> q.tags("beach")))).containsExactly(once.id(), twice.id());
        assertThat(searchAll(owner, PhotoQuery.of(q -> q.tags("beach", "dog")))).containsExactly(twice.id());

        repository.update(keptOne.toBuilder().tags(List.of(Tag.user("dog"))).build());
        assertThat(searchAll(owner, PhotoQuery.of(q -> q.tags("beach")))).containsExactly(once.id());
        assertThat(searchAll(owner, PhotoQuery.of(q -> q.tags("dog")))).containsExactly(twice.id());
    }

    @Test
    @DisplayName("by tags never shows another owner's photo carrying the same tag")
    void searchByTagsKeepsOwnersApart() {
        UserId owner = anOwner();
        UserId other = anOwner();
        Photo mine = create(owner, tagged("beach"));
        Photo theirs = create(other, tagged("beach"));

        assertThat(searchAll(owner, PhotoQuery.of(q -> q.tags("beach")))).containsExactly(mine.id());
        assertThat(searchAll(other, PhotoQuery.of(q -> q.tags("beach")))).containsExactly(theirs.id());
    }

    @Test
    @DisplayName("by tags ignores case and spacing, as tags are normalised")
    void searchByTagsIgnoresCaseAndSpacing() {
        UserId owner = anOwner();
        Photo photo = create(owner, tagged("Old  Town"));

        assertThat(searchAll(owner, PhotoQuery.of(q -> q.tags("  old town ")))).containsExactly(photo.id());
    }

    @Test
    @DisplayName("by taken-at range includes its start, excludes its end and skips undated photos")
    void searchByTakenAtRangeIncludesFromAndExcludesTo() {
        UserId owner = anOwner();
        AlbumId album = albumFor(owner);
        create(owner, album, takenAt("2023-05-31T23:59:59"));
        Photo atStart = create(owner, album, takenAt("2023-06-01T00:00:00"));
        Photo inside = create(owner, album, takenAt("2023-06-15T12:00:00"));
        Photo justBeforeEnd = create(owner, album, takenAt("2023-06-30T23:59:59"));
        create(owner, album, takenAt("2023-07-01T00:00:00"));
        create(owner, album);

        assertThat(searchAll(owner, PhotoQuery.of(q -> q.takenBetween(LocalDateTime.parse("2023-06-01T00:00:00"),
                LocalDateTime.parse("2023-07-01T00:00:00")))))
                .containsExactly(justBeforeEnd.id(), inside.id(), atStart.id());
    }

    @Test
    @DisplayName("by taken-at compares the local time the camera recorded, not the instant")
    void searchByTakenAtComparesLocalWallClockTime() {
        UserId owner = anOwner();
        AlbumId album = albumFor(owner);
        Photo lateEveningInNewYork = create(owner, album,
                takenAt(TakenAt.of(OffsetDateTime.parse("2023-06-30T23:30:00-05:00"))));
        create(owner, album, takenAt(TakenAt.of(OffsetDateTime.parse("2023-07-01T01:00:00+09:00"))));

        assertThat(searchAll(owner, PhotoQuery.of(q -> q.takenBetween(LocalDateTime.parse("2023-06-01T00:00:00"),
                LocalDateTime.parse("2023-07-01T00:00:00")))))
                .containsExactly(lateEveningInNewYork.id());
    }

    @Test
    @DisplayName("by an open-ended taken-at range")
    void searchByTakenFromOrTakenToAlone() {
        UserId owner = anOwner();
        AlbumId album = albumFor(owner);
        Photo early = create(owner, album, takenAt("2020-01-01T08:00:00"));
        Photo late = create(owner, album, takenAt("2024-01-01T08:00:00"));
        create(owner, album);
        LocalDateTime middle = LocalDateTime.parse("2022-01-01T00:00:00");

        assertThat(searchAll(owner, PhotoQuery.of(q -> q.takenFrom(middle)))).containsExactly(late.id());
        assertThat(searchAll(owner, PhotoQuery.of(q -> q.takenTo(middle)))).containsExactly(early.id());
    }

    @Test
    @DisplayName("by a box includes its edges and skips photos without a location")
    void searchByBoxIncludesEdgesAndSkipsPhotosWithoutLocation() {
        UserId owner = anOwner();
        AlbumId album = albumFor(owner);
        Photo inside = create(owner, album, at(43.3, 5.4));
        Photo southWestCorner = create(owner, album, at(43.0, 5.0));
        Photo northEastCorner = create(owner, album, at(44.0, 6.0));
        create(owner, album, at(45.0, 5.5));
        create(owner, album, at(43.5, 6.5));
        create(owner, album);

        assertThat(searchAll(owner, PhotoQuery.of(q -> q.box(new GeoBox(43.0, 5.0, 44.0, 6.0)))))
                .containsExactly(northEastCorner.id(), southWestCorner.id(), inside.id());
    }

    @Test
    @DisplayName("by album gives only that album's photos")
    void searchByAlbum() {
        UserId owner = anOwner();
        AlbumId album = albumFor(owner);
        Photo first = create(owner, album);
        create(owner);
        Photo second = create(owner, album);

        assertThat(searchAll(owner, PhotoQuery.of(q -> q.album(album))))
                .containsExactly(second.id(), first.id());
    }

    @Test
    @DisplayName("combining criteria requires all of them")
    void searchCombiningCriteriaRequiresAllOfThem() {
        UserId owner = anOwner();
        AlbumId album = albumFor(owner);
        Photo match = create(owner, album, described("Fish market", "food", "2023-06-10T09:00:00", 43.3, 5.4));
        create(owner, described("Fish market", "food", "2023-06-10T09:00:00", 43.3, 5.4));
        create(owner, album, described("Flower market", "food", "2023-06-10T09:00:00", 43.3, 5.4));
        create(owner, album, described("Fish market", "flowers", "2023-06-10T09:00:00", 43.3, 5.4));
        create(owner, album, described("Fish market", "food", "2023-08-10T09:00:00", 43.3, 5.4));
        create(owner, album, described("Fish market", "food", "2023-06-10T09:00:00", 48.85, 2.35));

        PhotoQuery query = PhotoQuery.of(q -> q.text("FISH").tags("food")
                .takenBetween(LocalDateTime.parse("2023-06-01T00:00:00"), LocalDateTime.parse("2023-07-01T00:00:00"))
                .box(new GeoBox(43.0, 5.0, 44.0, 6.0)).album(album));

        assertThat(searchAll(owner, query)).containsExactly(match.id());
    }

    @Test
    @DisplayName("without criteria gives all the owner's photos, newest first")
    void searchWithoutCriteriaGivesAllTheOwnersPhotos() {
        UserId owner = anOwner();
        List<Photo> created = new ArrayList<>(createPhotos(owner, albumFor(owner), 3));
        created.addAll(createPhotos(owner, albumFor(owner), 3));
        UserId neighbour = anOwner();
        createPhotos(neighbour, albumFor(neighbour), 2);

        assertThat(searchAll(owner, PhotoQuery.builder().build())).containsExactlyElementsOf(newestFirst(created));
    }

    @Test
    @DisplayName("never shows another owner's photos")
    void searchIsScopedToTheOwner() {
        UserId owner = anOwner();
        UserId neighbour = anOwner();
        create(neighbour, p -> p.title("Beach"));
        Photo mine = create(owner, p -> p.title("Beach"));

        assertThat(searchAll(owner, PhotoQuery.of(q -> q.text("beach")))).containsExactly(mine.id());
    }

    @Test
    @DisplayName("pages through many matches newest first without duplicates or gaps")
    void searchPagesNewestFirst() {
        UserId owner = anOwner();
        AlbumId album = albumFor(owner);
        List<Photo> matches = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            matches.add(create(owner, album, tagged("keep")));
            create(owner, album, tagged("skip"));
        }

        assertThat(searchAll(owner, PhotoQuery.of(q -> q.tags("keep"))))
                .containsExactlyElementsOf(newestFirst(matches));
    }

    @Test
    @DisplayName("gives no next position after an exactly full last page of matches, whatever lies beyond")
    void anExactlyFullLastPageOfMatchesHasNoNext() {
        UserId owner = anOwner();
        AlbumId album = albumFor(owner);
        createPhotos(owner, album, 5);
        List<Photo> matches = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            matches.add(create(owner, album, tagged("keep")));
            createPhotos(owner, album, 2);
        }
        PhotoQuery query = PhotoQuery.of(q -> q.tags("keep"));

        List<List<Photo>> pages = Paging.allPages(3, after -> repository.search(owner, query, 3, after));

        assertThat(pages).hasSize(2).allSatisfy(page -> assertThat(page).hasSize(3));
        assertThat(pages.stream().flatMap(List::stream).map(Photo::id)).containsExactlyElementsOf(newestFirst(matches));
    }

    @Test
    @DisplayName("agrees with PhotoQuery.matches on a varied set of photos and queries")
    void searchAgreesWithPhotoQueryMatches() {
        UserId owner = anOwner();
        AlbumId[] albums = {albumFor(owner), albumFor(owner)};
        String[] titles = {"Harbour", "Market", "Beach walk"};
        String[][] tagSets = {{}, {"sea"}, {"food", "sea"}, {"dog"}};
        List<Photo> created = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int n = i;
            ImageMetadata.Builder metadata = ImageMetadata.builder();
            if (n % 3 != 0) {
                metadata.takenAt(TakenAt.local(LocalDateTime.parse("2023-01-01T12:00:00").plusMonths(n % 12)));
            }
            if (n % 4 != 0) {
                metadata.location(GeoPoint.of(40 + n % 7, n % 5));
            }
            created.add(create(owner, albums[n % 2], p -> p.title(titles[n % 3])
                    .description(n % 5 == 0 ? "by the sea" : "")
                    .tags(Arrays.stream(tagSets[n % 4]).map(Tag::user).toList())
                    .metadata(metadata.build())));
        }
        List<PhotoQuery> queries = List.of(
                PhotoQuery.of(q -> q.text("sea")),
                PhotoQuery.of(q -> q.text("ar")),
                PhotoQuery.of(q -> q.tags("sea")),
                PhotoQuery.of(q -> q.tags("sea", "food").album(albums[0])),
                PhotoQuery.of(q -> q.takenBetween(LocalDateTime.parse("2023-03-01T00:00:00"),
                        LocalDateTime.parse("2023-09-01T00:00:00"))),
                PhotoQuery.of(q -> q.box(new GeoBox(41, 0, 44, 3))),
                PhotoQuery.of(q -> q.box(new GeoBox(40, 0, 46, 4)).takenFrom(LocalDateTime.parse("2023-06-01T00:00:00"))),
                PhotoQuery.of(q -> q.album(albums[1]).text("beach")));

        for (PhotoQuery query : queries) {
            List<PhotoId> expected = newestFirst(created.stream().filter(query::matches).toList());
            assertThat(searchAll(owner, query)).as("%s", query).containsExactlyElementsOf(expected);
        }
    }
}
