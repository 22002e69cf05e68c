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
import dev.gallerykit.domain.PhotoStatus;
import dev.gallerykit.domain.Processing;
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

/**
 * What every {@link PhotoRepository} must do. An adapter's test extends this class and says how to
 * build the repository and the {@link AlbumRepository} of the same store, whose albums the photos
 * are filed in; each test works with owners of its own, so the store need not be empty.
 * Searches must match exactly what {@link PhotoQuery#matches} says.
 */
public abstract class PhotoRepositoryContract {

    /** Called before each test: a fresh repository, or one shared by all tests. */
    protected abstract PhotoRepository photos();

    /** The album repository of the same store as {@link #photos()}; called before each test. */
    protected abstract AlbumRepository albums();

    private PhotoRepository repository;
    private AlbumRepository albumRepository;

    @BeforeEach
    void buildRepository() {
        repository = photos();
        albumRepository = albums();
    }

    /** The repository of the running test, for the groups nested here. */
    PhotoRepository repository() {
        return repository;
    }

    /** The album repository of the running test. */
    AlbumRepository albumRepository() {
        return albumRepository;
    }

    /**
     * An album of {@code owner} to file photos in; called whenever a test needs one. The default
     * creates one in {@link #albums()}.
     */
    protected AlbumId albumFor(UserId owner) {
        return albumRepository.create(Records.anAlbum(owner)).id();
    }

    @Nested
    @DisplayName("Creating a photo")
    class Creating extends PhotoRepositoryCase {
        @Override
        PhotoRepositoryContract contract() {
            return PhotoRepositoryContract.this;
        }

        @Test
        @DisplayName("stores it with version 1, whatever version it came with")
        void createStoresVersionOne() {
            UserId owner = anOwner();
            Photo photo = aPhoto(owner, albumFor(owner), p -> p.version(4));

            Photo created = repository.create(photo);

            assertThat(created).isEqualTo(photo.toBuilder().version(1).build());
        }

        @Test
        @DisplayName("keeps every field of a fully described photo")
        void aFullyDescribedPhotoRoundTripsUnchanged() {
            UserId owner = anOwner();
            Photo photo = aFullyDescribedPhoto(owner, albumFor(owner));

            Photo created = repository.create(photo);

            assertThat(repository.find(photo.ownerId(), photo.id())).contains(created);
            assertThat(created).isEqualTo(photo.toBuilder().version(1).build());
        }

        @Test
        @DisplayName("keeps who uploaded a photo, when that is not its owner, through an update too")
        void keepsTheUploader() {
            UserId owner = anOwner();
            UserId contributor = anOwner();
            Photo photo = repository.create(aPhoto(owner, albumFor(owner), p -> p.uploaderId(contributor)));

            Photo updated = repository.update(photo.toBuilder().title("Renamed").build());

            assertThat(repository.find(owner, photo.id()).orElseThrow().uploaderId()).isEqualTo(contributor);
            assertThat(updated.uploaderId()).isEqualTo(contributor);
            assertThat(repository.create(aPhoto(owner, photo.albumId())).uploaderId()).isEqualTo(owner);
        }

        @Test
        @DisplayName("keeps where processing stands: processing, attempts, failed with its reason, ready")
        void keepsTheProcessingState() {
            UserId owner = anOwner();
            Photo photo = repository.create(aPhoto(owner, albumFor(owner), p -> p.processing(Processing.PENDING)));
            assertThat(repository.find(owner, photo.id()).orElseThrow().processing()).isEqualTo(Processing.PENDING);

            Photo started = repository.update(photo.toBuilder().processing(photo.processing().nextAttempt()).build());
            Processing failed = started.processing().nextAttempt().failed("the decoder gave up: truncated file");
            repository.update(started.toBuilder().processing(failed).build());

            Photo read = repository.find(owner, photo.id()).orElseThrow();
            assertThat(read.processing()).isEqualTo(new Processing(PhotoStatus.FAILED, 2,
                    Optional.of("the decoder gave up: truncated file")));
            assertThat(read.status()).isEqualTo(PhotoStatus.FAILED);
            repository.update(read.toBuilder().processing(read.processing().ready()).build());
            assertThat(repository.find(owner, photo.id()).orElseThrow().processing())
                    .isEqualTo(new Processing(PhotoStatus.READY, 2, Optional.empty()));
            assertThat(repository.listByAlbum(owner, photo.albumId(), 10, Optional.empty()).items().get(0).processing())
                    .isEqualTo(new Processing(PhotoStatus.READY, 2, Optional.empty()));
            assertThat(repository.create(aPhoto(owner, photo.albumId())).processing()).isEqualTo(Processing.READY);
        }

        @Test
        @DisplayName("keeps a photo without any optional field as it is")
        void aPhotoWithoutOptionalFieldsRoundTripsUnchanged() {
            UserId owner = anOwner();
            Photo photo = aPhoto(owner, albumFor(owner), p -> p.description("").tags(List.of()));

            Photo created = repository.create(photo);

            assertThat(repository.find(photo.ownerId(), photo.id())).contains(created);
        }

        @Test
        @DisplayName("a second time with the same id is a conflict, and the first one is kept")
        void aSecondPhotoWithTheSameIdIsAConflict() {
            UserId owner = anOwner();
            Photo first = create(owner);

            assertThatThrownBy(() -> repository.create(first.toBuilder().title("Another title").build()))
                    .isInstanceOf(ConflictException.class);
            assertThat(repository.find(owner, first.id())).contains(first);
        }

        @Test
        @DisplayName("of a photo nobody created, finding gives empty")
        void findingAnAbsentPhotoIsEmpty() {
            assertThat(repository.find(anOwner(), new PhotoId(UUID.randomUUID()))).isEmpty();
        }

        @Test
        @DisplayName("another owner cannot find it")
        void anotherOwnerCannotFindThePhoto() {
            Photo created = create(anOwner());

            assertThat(repository.find(anOwner(), created.id())).isEmpty();
        }
    }

    @Nested
    @DisplayName("Finding a photo by the SHA-256 of its bytes")
    class FindingBySha256 extends PhotoRepositoryCase {
        @Override
        PhotoRepositoryContract contract() {
            return PhotoRepositoryContract.this;
        }

        @Test
        @DisplayName("finds the owner's photo with that hash")
        void findBySha256FindsTheOwnersPhoto() {
            UserId owner = anOwner();
            AlbumId album = albumFor(owner);
            create(owner, album);
            Photo wanted = create(owner, album);
            create(owner, album);

            assertThat(repository.findBySha256(owner, wanted.sha256())).contains(wanted);
        }

        @Test
        @DisplayName("keeps owners apart when two of them upload the same bytes")
        void findBySha256IsScopedToTheOwner() {
            String sha256 = aSha256();
            Photo mine = create(anOwner(), p -> p.sha256(sha256));
            Photo theirs = create(anOwner(), p -> p.sha256(sha256));

            assertThat(repository.findBySha256(mine.ownerId(), sha256)).contains(mine);
            assertThat(repository.findBySha256(theirs.ownerId(), sha256)).contains(theirs);
            assertThat(repository.findBySha256(anOwner(), sha256)).isEmpty();
        }

        @Test
        @DisplayName("gives empty for a hash nobody uploaded")
        void findBySha256OfAnUnknownHashIsEmpty() {
            UserId owner = anOwner();
            create(owner);

            assertThat(repository.findBySha256(owner, aSha256())).isEmpty();
        }
    }

    @Nested
    @DisplayName("Updating a photo")
    class Updating extends PhotoUpdateContract {
        @Override
        PhotoRepositoryContract contract() {
            return PhotoRepositoryContract.this;
        }
    }

    @Nested
    @DisplayName("Listing the photos of an album")
    class ListingByAlbum extends PhotoRepositoryCase {
        @Override
        PhotoRepositoryContract contract() {
            return PhotoRepositoryContract.this;
        }

        @Test
        @DisplayName("gives only that album's photos, newest first")
        void listByAlbumIsNewestFirstAndOnlyThatAlbum() {
            UserId owner = anOwner();
            AlbumId album = albumFor(owner);
            AlbumId otherAlbum = albumFor(owner);
            List<Photo> inAlbum = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                inAlbum.add(create(owner, album));
                create(owner, otherAlbum);
            }

            Slice<Photo> slice = repository.listByAlbum(owner, album, 10, Optional.empty());

            assertThat(slice.items()).extracting(Photo::id).containsExactlyElementsOf(newestFirst(inAlbum));
        }

        @Test
        @DisplayName("pages through all of them without duplicates or gaps")
        void listByAlbumPagesThroughAllPhotosWithoutDuplicatesOrGaps() {
            UserId owner = anOwner();
            AlbumId album = albumFor(owner);
            List<Photo> created = createPhotos(owner, album, 25);

            List<List<Photo>> pages = Paging.allPages(10,
                    after -> repository.listByAlbum(owner, album, 10, after));

            assertThat(pages.stream().flatMap(List::stream).map(Photo::id))
                    .containsExactlyElementsOf(newestFirst(created));
            assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
        }

        @Test
        @DisplayName("gives no next position after an exactly full last page")
        void anExactlyFullLastPageHasNoNext() {
            UserId owner = anOwner();
            AlbumId album = albumFor(owner);
            List<Photo> created = createPhotos(owner, album, 10);

            Slice<Photo> only = repository.listByAlbum(owner, album, 10, Optional.empty());
            List<List<Photo>> pages = Paging.allPages(5, after -> repository.listByAlbum(owner, album, 5, after));

            assertThat(only.items()).extracting(Photo::id).containsExactlyElementsOf(newestFirst(created));
            assertThat(only.next()).isEmpty();
            assertThat(pages).hasSize(2).allSatisfy(page -> assertThat(page).hasSize(5));
        }

        @Test
        @DisplayName("gives a next position when exactly one more photo follows")
        void oneMorePhotoGivesANextPosition() {
            UserId owner = anOwner();
            AlbumId album = albumFor(owner);
            List<Photo> created = createPhotos(owner, album, 4);

            Slice<Photo> first = repository.listByAlbum(owner, album, 3, Optional.empty());
            Slice<Photo> second = repository.listByAlbum(owner, album, 3, first.next());

            assertThat(first.next()).isPresent();
            assertThat(second.items()).extracting(Photo::id).containsExactly(newestFirst(created).get(3));
            assertThat(second.next()).isEmpty();
        }

        @Test
        @DisplayName("shows another owner nothing, even with the album's id")
        void listByAlbumOfAnotherOwnerIsEmpty() {
            UserId owner = anOwner();
            AlbumId album = albumFor(owner);
            createPhotos(owner, album, 3);

            Slice<Photo> slice = repository.listByAlbum(anOwner(), album, 10, Optional.empty());

            assertThat(slice.items()).isEmpty();
            assertThat(slice.next()).isEmpty();
        }
    }

    @Nested
    @DisplayName("Searching an owner's photos")
    class Searching extends PhotoSearchContract {
        @Override
        PhotoRepositoryContract contract() {
            return PhotoRepositoryContract.this;
        }
    }

    @Nested
    @DisplayName("Photos and their albums")
    class InAlbums extends PhotoAlbumIntegrityContract {
        @Override
        PhotoRepositoryContract contract() {
            return PhotoRepositoryContract.this;
        }
    }

    @Nested
    @DisplayName("Claims taken with a photo")
    class Claiming extends PhotoClaimContract {
        @Override
        PhotoRepositoryContract contract() {
            return PhotoRepositoryContract.this;
        }
    }

    @Nested
    @DisplayName("Deleting photos")
    class Deleting extends PhotoRepositoryCase {
        @Override
        PhotoRepositoryContract contract() {
            return PhotoRepositoryContract.this;
        }

        @Test
        @DisplayName("one removes it from finds and lists")
        void deleteRemovesThePhoto() {
            UserId owner = anOwner();
            AlbumId album = albumFor(owner);
            List<Photo> created = createPhotos(owner, album, 3);

            repository.delete(owner, created.get(1).id());

            assertThat(repository.find(owner, created.get(1).id())).isEmpty();
            assertThat(repository.findBySha256(owner, created.get(1).sha256())).isEmpty();
            assertThat(repository.listByAlbum(owner, album, 10, Optional.empty()).items()).extracting(Photo::id)
                    .containsExactly(created.get(2).id(), created.get(0).id());
        }

        @Test
        @DisplayName("one twice, or one that never existed, does nothing")
        void deleteIsIdempotent() {
            UserId owner = anOwner();
            Photo created = create(owner);

            repository.delete(owner, created.id());
            repository.delete(owner, created.id());
            repository.delete(owner, new PhotoId(UUID.randomUUID()));

            assertThat(repository.find(owner, created.id())).isEmpty();
        }

        @Test
        @DisplayName("another owner's photo does nothing")
        void deleteByAnotherOwnerDoesNothing() {
            Photo created = create(anOwner());

            repository.delete(anOwner(), created.id());

            assertThat(repository.find(created.ownerId(), created.id())).contains(created);
        }

        @Test
        @DisplayName("many at once removes those given, skipping absent ones")
        void deleteAllRemovesTheGivenPhotosAndSkipsAbsentOnes() {
            UserId owner = anOwner();
            AlbumId album = albumFor(owner);
            List<Photo> created = createPhotos(owner, album, 60);
            List<PhotoId> doomed = new ArrayList<>(created.subList(0, 55).stream().map(Photo::id).toList());
            doomed.add(new PhotoId(UUID.randomUUID()));
            doomed.add(new PhotoId(UUID.randomUUID()));

            repository.deleteAll(owner, doomed);

            assertThat(Paging.allItems(10, after -> repository.listByAlbum(owner, album, 10, after), Photo::id))
                    .containsExactlyElementsOf(newestFirst(created.subList(55, 60)));
        }

        @Test
        @DisplayName("many at once never touches another owner's photos")
        void deleteAllOfAnotherOwnersIdsDoesNothing() {
            UserId owner = anOwner();
            List<Photo> theirs = createPhotos(owner, albumFor(owner), 3);

            repository.deleteAll(anOwner(), theirs.stream().map(Photo::id).toList());

            assertThat(theirs).allSatisfy(photo ->
                    assertThat(repository.find(photo.ownerId(), photo.id())).contains(photo));
        }

        @Test
        @DisplayName("many at once with no ids, or twice, does nothing")
        void deleteAllIsIdempotent() {
            UserId owner = anOwner();
            List<Photo> created = createPhotos(owner, albumFor(owner), 3);
            List<PhotoId> ids = created.stream().map(Photo::id).toList();

            repository.deleteAll(owner, List.of());
            repository.deleteAll(owner, ids);
            repository.deleteAll(owner, ids);

            assertThat(ids).allSatisfy(id -> assertThat(repository.find(owner, id)).isEmpty());
        }
    }
}
