package dev.gallerykit.testkit.contract;

import static dev.gallerykit.testkit.contract.Records.NOW;
import static dev.gallerykit.testkit.contract.Records.aPhoto;
import static dev.gallerykit.testkit.contract.Records.aSha256;
import static dev.gallerykit.testkit.contract.Records.anOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.DuplicatePhotoException;
import dev.gallerykit.spi.PhotoClaims;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The claims {@code create} takes with a photo ({@link PhotoClaims}): one photo per owner and SHA-256
 * among those that claim it, even when many writers race; and an id that stays taken after its photo
 * is deleted. Nested in {@link PhotoRepositoryContract}.
 */
abstract class PhotoClaimContract extends PhotoRepositoryCase {

    private static final PhotoClaims UNIQUE = PhotoClaims.NONE.withUniqueContent();
    private static final int CONTENDERS = 8;
    private static final int ROUNDS = 20;

    @Test
    @DisplayName("a second photo of the owner claiming the same SHA-256 is a duplicate naming the first, and is not stored")
    void aClaimedShaIsRefused() {
        UserId owner = anOwner();
        AlbumId album = albumFor(owner);
        String sha = aSha256();
        Photo first = repository.create(aPhoto(owner, album, p -> p.sha256(sha)), UNIQUE);
        Photo second = aPhoto(owner, album, p -> p.sha256(sha));

        assertThatThrownBy(() -> repository.create(second, UNIQUE))
                .isInstanceOfSatisfying(DuplicatePhotoException.class, e -> assertThat(e.existing()).isEqualTo(first.id()));
        assertThat(repository.find(owner, second.id())).isEmpty();
        assertThat(repository.find(owner, first.id())).contains(first);
    }

    @Test
    @DisplayName("the claim binds one owner and only the creates that ask for it")
    void theClaimIsPerOwnerAndOptIn() {
        UserId owner = anOwner();
        UserId other = anOwner();
        String sha = aSha256();
        repository.create(aPhoto(owner, albumFor(owner), p -> p.sha256(sha)), UNIQUE);

        Photo othersPhoto = repository.create(aPhoto(other, albumFor(other), p -> p.sha256(sha)), UNIQUE);
        Photo unclaimed = repository.create(aPhoto(owner, albumFor(owner), p -> p.sha256(sha)));

        assertThat(repository.find(other, othersPhoto.id())).contains(othersPhoto);
        assertThat(repository.find(owner, unclaimed.id())).contains(unclaimed);
    }

    @Test
    @DisplayName("deleting the photo, alone or with others, releases its claim")
    void deletingReleasesTheClaim() {
        UserId owner = anOwner();
        AlbumId album = albumFor(owner);
        String sha = aSha256();
        String other = aSha256();
        Photo first = repository.create(aPhoto(owner, album, p -> p.sha256(sha)), UNIQUE);
        repository.delete(owner, first.id());
        Photo second = repository.create(aPhoto(owner, album, p -> p.sha256(sha)), UNIQUE);
        Photo third = repository.create(aPhoto(owner, album, p -> p.sha256(other)), UNIQUE);

        repository.deleteAll(owner, List.of(second.id(), third.id()));

        Photo again = repository.create(aPhoto(owner, album, p -> p.sha256(sha)), UNIQUE);
        Photo againOther = repository.create(aPhoto(owner, album, p -> p.sha256(other)), UNIQUE);
        assertThat(repository.find(owner, again.id())).contains(again);
        assertThat(repository.find(owner, againOther.id())).contains(againOther);
    }

    @Test
    @DisplayName("an update (a move, new tags) keeps the claim")
    void anUpdateKeepsTheClaim() {
        UserId owner = anOwner();
        String sha = aSha256();
        Photo first = repository.create(aPhoto(owner, albumFor(owner), p -> p.sha256(sha)), UNIQUE);
        repository.update(first.toBuilder().albumId(albumFor(owner)).title("Moved").build());

        assertThatThrownBy(() -> repository.create(aPhoto(owner, albumFor(owner), p -> p.sha256(sha)), UNIQUE))
                .isInstanceOfSatisfying(DuplicatePhotoException.class, e -> assertThat(e.existing()).isEqualTo(first.id()));
    }

    @Test
    @DisplayName("a held id cannot be created again with a hold once its photo is deleted")
    void aHeldIdStaysTaken() {
        UserId owner = anOwner();
        AlbumId album = albumFor(owner);
        Photo photo = aPhoto(owner, album);
        PhotoClaims held = PhotoClaims.NONE.withIdHeldUntil(NOW.plus(Duration.ofMinutes(15)));
        repository.create(photo, held);

        assertThatThrownBy(() -> repository.create(photo, held)).isInstanceOf(ConflictException.class)
                .isNotInstanceOf(DuplicatePhotoException.class);
        repository.delete(owner, photo.id());

        assertThatThrownBy(() -> repository.create(photo, held)).isInstanceOf(ConflictException.class)
                .isNotInstanceOf(DuplicatePhotoException.class);
        assertThat(repository.find(owner, photo.id())).isEmpty();
    }

    @Test
    @DisplayName("removing expired holds takes the owner's ended holds only; their ids can be held again")
    void expiredHoldsAreRemoved() {
        UserId owner = anOwner();
        UserId other = anOwner();
        AlbumId album = albumFor(owner);
        PhotoClaims endsSoon = PhotoClaims.NONE.withIdHeldUntil(NOW.plus(Duration.ofMinutes(15)));
        PhotoClaims endsLater = PhotoClaims.NONE.withIdHeldUntil(NOW.plus(Duration.ofHours(2)));
        Photo ended = repository.create(aPhoto(owner, album), endsSoon);
        Photo running = repository.create(aPhoto(owner, album), endsLater);
        Photo live = repository.create(aPhoto(owner, album), endsSoon);
        Photo othersEnded = repository.create(aPhoto(other, albumFor(other)), endsSoon);
        for (Photo photo : List.of(ended, running, othersEnded)) {
            repository.delete(photo.ownerId(), photo.id());
        }

        assertThat(repository.removeExpiredHolds(owner, NOW.plus(Duration.ofHours(1)))).as("removed").isEqualTo(2);
        assertThat(repository.removeExpiredHolds(owner, NOW.plus(Duration.ofHours(1)))).as("again").isZero();

        assertThat(repository.create(ended, endsSoon)).as("an ended hold's id, held again")
                .isEqualTo(ended.toBuilder().version(1).build());
        assertThatThrownBy(() -> repository.create(running, endsLater)).as("a running hold")
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> repository.create(othersEnded, endsSoon)).as("another owner's hold")
                .isInstanceOf(ConflictException.class);
        assertThat(repository.find(owner, live.id())).as("a photo whose hold ended").contains(live);
        assertThatThrownBy(() -> repository.create(live, endsSoon)).isInstanceOf(ConflictException.class);
    }

    @Test
    @DisplayName("a create refused for its content claims nothing: not the id, not the hold")
    void aRefusedCreateClaimsNothing() {
        UserId owner = anOwner();
        AlbumId album = albumFor(owner);
        String sha = aSha256();
        Photo holder = repository.create(aPhoto(owner, album, p -> p.sha256(sha)), UNIQUE);
        Photo refused = aPhoto(owner, album, p -> p.sha256(sha));
        PhotoClaims all = UNIQUE.withIdHeldUntil(NOW.plus(Duration.ofMinutes(15)));

        assertThatThrownBy(() -> repository.create(refused, all)).isInstanceOf(DuplicatePhotoException.class);
        repository.delete(owner, holder.id());

        assertThat(repository.create(refused, all)).isEqualTo(refused.toBuilder().version(1).build());
    }

    @Test
    @DisplayName("many writers claiming one SHA-256 at once store exactly one photo, every round")
    void racingClaimsStoreOnePhoto() throws InterruptedException {
        UserId owner = anOwner();
        AlbumId album = albumFor(owner);
        for (int round = 0; round < ROUNDS; round++) {
            String sha = aSha256();
            List<Photo> contenders = java.util.stream.IntStream.range(0, CONTENDERS)
                    .mapToObj(i -> aPhoto(owner, album, p -> p.sha256(sha))).toList();

            Race.Results<Photo> results = Race.run(CONTENDERS, i -> repository.create(contenders.get(i), UNIQUE));

            assertThat(results.wins()).as("round %d: creates that won", round).hasSize(1);
            Photo winner = results.wins().get(0);
            assertThat(results.failures()).as("round %d", round).allSatisfy(failure -> assertThat(failure)
                    .isInstanceOfSatisfying(DuplicatePhotoException.class,
                            e -> assertThat(e.existing()).isEqualTo(winner.id())));
            assertThat(repository.search(owner, PhotoQuery.builder().album(album).build(), 1000, Optional.empty())
                    .items()).filteredOn(photo -> photo.sha256().equals(sha)).as("round %d: stored", round)
                    .containsExactly(winner);
        }
    }
}
