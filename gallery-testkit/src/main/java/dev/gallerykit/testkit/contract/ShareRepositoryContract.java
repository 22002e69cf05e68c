package dev.gallerykit.testkit.contract;

import static dev.gallerykit.testkit.contract.Records.NOW;
import static dev.gallerykit.testkit.contract.Records.aLink;
import static dev.gallerykit.testkit.contract.Records.aMember;
import static dev.gallerykit.testkit.contract.Records.anAlbum;
import static dev.gallerykit.testkit.contract.Records.anOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumMember;
import dev.gallerykit.domain.AlbumRole;
import dev.gallerykit.domain.ShareLink;
import dev.gallerykit.domain.ShareLinkId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.ShareRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ShareRepository} must do, over the album repository of the same store. An
 * adapter's test extends this class and says how to build both; every test works with owners of its
 * own, so the store need not be empty.
 */
public abstract class ShareRepositoryContract {

    /** Called before each test: the share repository of the store. */
    protected abstract ShareRepository shares();

    /** Called before each test: the album repository of the same store. */
    protected abstract AlbumRepository albums();

    private ShareRepository shares;
    private AlbumRepository albums;
    private UserId owner;
    private Album album;

    @BeforeEach
    void buildRepositories() {
        shares = shares();
        albums = albums();
        owner = anOwner();
        album = albums.create(anAlbum(owner));
    }

    private AlbumMember member(Album of, AlbumRole role) {
        return shares.putMember(aMember(of, anOwner(), role));
    }

    @Nested
    @DisplayName("Members")
    class Members {

        @Test
        @DisplayName("a stored membership is found by album and member, and listed both ways")
        void storedAndFound() {
            AlbumMember member = member(album, AlbumRole.VIEWER);

            assertThat(shares.findMember(album.id(), member.memberId())).contains(member);
            assertThat(shares.listMembers(owner, album.id(), 10, Optional.empty()).items()).containsExactly(member);
            assertThat(shares.listSharedWith(member.memberId(), 10, Optional.empty()).items())
                    .containsExactly(member);
            assertThat(shares.findMember(album.id(), anOwner())).isEmpty();
        }

        @Test
        @DisplayName("putting a membership again changes its role and switches and keeps when it began")
        void putAgainReplaces() {
            AlbumMember first = member(album, AlbumRole.VIEWER);
            Instant later = NOW.plusSeconds(60);
            AlbumMember changed = new AlbumMember(album.id(), owner, first.memberId(), AlbumRole.CONTRIBUTOR, true,
                    later, later);

            AlbumMember stored = shares.putMember(changed);

            assertThat(stored.role()).isEqualTo(AlbumRole.CONTRIBUTOR);
            assertThat(stored.originals()).isTrue();
            assertThat(stored.createdAt()).isEqualTo(first.createdAt());
            assertThat(stored.updatedAt()).isEqualTo(later);
            assertThat(shares.findMember(album.id(), first.memberId())).contains(stored);
            assertThat(shares.listMembers(owner, album.id(), 10, Optional.empty()).items()).containsExactly(stored);
        }

        @Test
        @DisplayName("a membership of an album that does not exist, is another owner's or is being deleted is not found")
        void onlyIntoAnOpenAlbum() {
            UserId member = anOwner();
            Album missing = anAlbum(owner);
            Album theirs = albums.create(anAlbum(anOwner()));
            Album claimed = new Album(theirs.id(), owner, theirs.name(), "", Optional.empty(), NOW, NOW, 1);
            Album closing = albums.create(anAlbum(owner));
            albums.markDeleting(owner, closing.id());

            for (Album target : List.of(missing, claimed, closing)) {
                assertThatThrownBy(() -> shares.putMember(aMember(target, member, AlbumRole.VIEWER)))
                        .isInstanceOf(NotFoundException.class).hasMessageContaining(target.id().toString());
                assertThat(shares.findMember(target.id(), member)).isEmpty();
            }
            assertThat(shares.listSharedWith(member, 10, Optional.empty()).items()).isEmpty();
        }

        @Test
        @DisplayName("members are listed by member id, page by page, and only for the album's owner")
        void listedByMemberId() {
            List<AlbumMember> stored = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                stored.add(member(album, i % 2 == 0 ? AlbumRole.VIEWER : AlbumRole.CONTRIBUTOR));
            }
            member(albums.create(anAlbum(owner)), AlbumRole.VIEWER);

            List<UserId> listed = Paging.allItems(3, after -> shares.listMembers(owner, album.id(), 3, after),
                    AlbumMember::memberId);

            assertThat(listed).containsExactlyElementsOf(
                    stored.stream().map(AlbumMember::memberId).sorted().toList());
            assertThat(shares.listMembers(anOwner(), album.id(), 10, Optional.empty()).items()).isEmpty();
        }

        @Test
        @DisplayName("the albums shared with a member come newest first, page by page, and only theirs")
        void sharedWithNewestFirst() {
            UserId member = anOwner();
            List<Album> shared = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                UserId anotherOwner = i % 2 == 0 ? owner : anOwner();
                Album next = albums.create(anAlbum(anotherOwner));
                shares.putMember(aMember(next, member, AlbumRole.VIEWER));
                shared.add(next);
            }
            member(shared.get(0), AlbumRole.CONTRIBUTOR);

            List<Object> listed = Paging.allItems(2, after -> shares.listSharedWith(member, 2, after),
                    AlbumMember::albumId);

            assertThat(listed).containsExactlyElementsOf(shared.stream().map(Album::id)
                    .sorted(Comparator.reverseOrder()).map(id -> (Object) id).toList());
        }

        @Test
        @DisplayName("a bad limit or a foreign position is invalid input")
        void badPaging() {
            assertThatThrownBy(() -> shares.listMembers(owner, album.id(), 0, Optional.empty()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("limit");
            assertThatThrownBy(() -> shares.listSharedWith(owner, 0, Optional.empty()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("limit");
            assertThatThrownBy(() -> shares.listSharedWith(owner, 5, Optional.of("not a position")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("cursor");
        }

        @Test
        @DisplayName("removing a membership is idempotent and leaves the others")
        void removeMember() {
            AlbumMember gone = member(album, AlbumRole.VIEWER);
            AlbumMember stays = member(album, AlbumRole.CONTRIBUTOR);

            shares.removeMember(album.id(), gone.memberId());
            shares.removeMember(album.id(), gone.memberId());

            assertThat(shares.findMember(album.id(), gone.memberId())).isEmpty();
            assertThat(shares.listSharedWith(gone.memberId(), 10, Optional.empty()).items()).isEmpty();
            assertThat(shares.listMembers(owner, album.id(), 10, Optional.empty()).items()).containsExactly(stays);
        }

        @Test
        @DisplayName("removing a member's memberships removes them from every album and nobody else's")
        void removeMemberships() {
            UserId leaving = anOwner();
            Album another = albums.create(anAlbum(anOwner()));
            shares.putMember(aMember(album, leaving, AlbumRole.VIEWER));
            shares.putMember(aMember(another, leaving, AlbumRole.CONTRIBUTOR));
            AlbumMember stays = member(another, AlbumRole.VIEWER);

            shares.removeMemberships(leaving);
            shares.removeMemberships(leaving);

            assertThat(shares.listSharedWith(leaving, 10, Optional.empty()).items()).isEmpty();
            assertThat(shares.findMember(album.id(), leaving)).isEmpty();
            assertThat(shares.findMember(another.id(), leaving)).isEmpty();
            assertThat(shares.findMember(another.id(), stays.memberId())).contains(stays);
        }

        @Test
        @DisplayName("memberships racing with the album's delete: none is left once the album is marked and its shares removed")
        void putRacingMarkDeleting() throws InterruptedException {
            for (int round = 0; round < 10; round++) {
                Album target = albums.create(anAlbum(owner));
                List<UserId> members = List.of(anOwner(), anOwner(), anOwner(), anOwner(), anOwner());
                Race.Results<Object> results = Race.run(members.size() + 1, contender -> {
                    if (contender == members.size()) {
                        return albums.markDeleting(owner, target.id());
                    }
                    return shares.putMember(aMember(target, members.get(contender), AlbumRole.VIEWER));
                });
                assertThat(results.failures()).as(results.failureTraces())
                        .allMatch(failure -> failure instanceof NotFoundException);
                shares.removeAlbum(owner, target.id());

                assertThat(shares.listMembers(owner, target.id(), 10, Optional.empty()).items()).isEmpty();
                for (UserId member : members) {
                    assertThat(shares.findMember(target.id(), member)).isEmpty();
                    assertThat(shares.listSharedWith(member, 10, Optional.empty()).items()).isEmpty();
                }
            }
        }
    }

    @Nested
    @DisplayName("Links")
    class Links {

        @Test
        @DisplayName("a new link is stored at version 1 with no views and no guesses, found by id and by token")
        void createAndFind() {
            ShareLink link = shares.createLink(aLink(album));

            assertThat(link.version()).isEqualTo(1);
            assertThat(link.views()).isZero();
            assertThat(link.failedGuesses()).isZero();
            assertThat(shares.findLink(owner, link.id())).contains(link);
            assertThat(shares.findLinkByToken(link.tokenHash())).contains(link);
            assertThat(shares.findLink(anOwner(), link.id())).isEmpty();
            assertThat(shares.findLinkByToken(Records.aTokenHash())).isEmpty();
        }

        @Test
        @DisplayName("every field of a link survives the store")
        void fieldsSurvive() {
            ShareLink full = new ShareLink(new ShareLinkId(UUID.randomUUID()), album.id(), owner,
                    Records.aTokenHash(), Optional.of(Instant.parse("2024-06-01T08:00:00.123456Z")),
                    Optional.of("pbkdf2-sha256$1000$c2FsdA$aGFzaA"), true, true, NOW, Optional.empty(), 0, 0,
                    Optional.empty(), 0);

            ShareLink stored = shares.createLink(full);

            assertThat(shares.findLinkByToken(full.tokenHash())).contains(stored);
            assertThat(stored.expiresAt()).isEqualTo(full.expiresAt());
            assertThat(stored.passwordHash()).isEqualTo(full.passwordHash());
            assertThat(stored.allowOriginals()).isTrue();
            assertThat(stored.showLocation()).isTrue();
        }

        @Test
        @DisplayName("a link of an album that does not exist, is another owner's or is being deleted is not found")
        void onlyForAnOpenAlbum() {
            Album missing = anAlbum(owner);
            Album theirs = albums.create(anAlbum(anOwner()));
            Album claimed = new Album(theirs.id(), owner, theirs.name(), "", Optional.empty(), NOW, NOW, 1);
            Album closing = albums.create(anAlbum(owner));
            albums.markDeleting(owner, closing.id());

            for (Album target : List.of(missing, claimed, closing)) {
                ShareLink link = aLink(target);
                assertThatThrownBy(() -> shares.createLink(link)).isInstanceOf(NotFoundException.class)
                        .hasMessageContaining(target.id().toString());
                assertThat(shares.findLinkByToken(link.tokenHash())).isEmpty();
            }
        }

        @Test
        @DisplayName("a second link with a stored token hash or id is a conflict, and the first is kept")
        void tokenIsUnique() {
            ShareLink first = shares.createLink(aLink(album));
            ShareLink sameToken = new ShareLink(new ShareLinkId(UUID.randomUUID()), album.id(), owner,
                    first.tokenHash(), Optional.empty(), Optional.empty(), true, true, NOW, Optional.empty(), 0, 0,
                    Optional.empty(), 0);
            ShareLink sameId = new ShareLink(first.id(), album.id(), owner, Records.aTokenHash(), Optional.empty(),
                    Optional.empty(), true, true, NOW, Optional.empty(), 0, 0, Optional.empty(), 0);

            assertThatThrownBy(() -> shares.createLink(sameToken)).isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> shares.createLink(sameId)).isInstanceOf(ConflictException.class);
            assertThat(shares.findLinkByToken(first.tokenHash())).contains(first);
            assertThat(shares.findLink(owner, first.id())).contains(first);
            assertThat(shares.findLinkByToken(sameId.tokenHash())).isEmpty();
        }

        @Test
        @DisplayName("links are listed newest first, revoked ones too, page by page, for their album and owner only")
        void listedNewestFirst() {
            List<ShareLink> made = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                made.add(shares.createLink(aLink(album)));
            }
            ShareLink revoked = shares.updateLink(made.get(2).revoked(NOW));
            shares.createLink(aLink(albums.create(anAlbum(owner))));

            List<ShareLinkId> listed = Paging.allItems(2, after -> shares.listLinks(owner, album.id(), 2, after),
                    ShareLink::id);

            assertThat(listed).containsExactlyElementsOf(made.stream().map(ShareLink::id)
                    .sorted(Comparator.reverseOrder()).toList());
            assertThat(shares.listLinks(owner, album.id(), 10, Optional.empty()).items()).contains(revoked);
            assertThat(shares.listLinks(anOwner(), album.id(), 10, Optional.empty()).items()).isEmpty();
        }

        @Test
        @DisplayName("an update is conditional on the version and keeps the counters the store holds")
        void updateIsConditional() {
            ShareLink link = shares.createLink(aLink(album));
            shares.countView(link.id());
            shares.countView(link.id());

            ShareLink revoked = shares.updateLink(link.revoked(NOW.plusSeconds(5)));

            assertThat(revoked.version()).isEqualTo(2);
            assertThat(revoked.revokedAt()).contains(NOW.plusSeconds(5));
            assertThat(revoked.views()).isEqualTo(2);
            assertThat(shares.findLink(owner, link.id())).contains(revoked);
            assertThatThrownBy(() -> shares.updateLink(link.withSettings(Optional.empty(), Optional.empty(), true,
                    true))).isInstanceOf(ConcurrentModificationException.class);
            assertThat(shares.findLink(owner, link.id())).contains(revoked);
        }

        @Test
        @DisplayName("an update of a link that is gone or another owner's is not found")
        void updateOfAMissingLink() {
            ShareLink never = aLink(album);
            ShareLink link = shares.createLink(aLink(album));
            ShareLink claimed = new ShareLink(link.id(), link.albumId(), anOwner(), link.tokenHash(),
                    Optional.empty(), Optional.empty(), true, true, NOW, Optional.empty(), 0, 0, Optional.empty(),
                    link.version());

            assertThatThrownBy(() -> shares.updateLink(never)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> shares.updateLink(claimed)).isInstanceOf(NotFoundException.class);
            assertThat(shares.findLink(owner, link.id())).contains(link);
        }

        @Test
        @DisplayName("views counted from many threads at once are all counted, and the version does not move")
        void viewsAreAtomic() throws InterruptedException {
            ShareLink link = shares.createLink(aLink(album));

            Race.Results<Integer> results = Race.run(8, contender -> {
                for (int i = 0; i < 5; i++) {
                    shares.countView(link.id());
                }
                return contender;
            });

            assertThat(results.failures()).as(results.failureTraces()).isEmpty();
            ShareLink stored = shares.findLink(owner, link.id()).orElseThrow();
            assertThat(stored.views()).isEqualTo(40);
            assertThat(stored.version()).isEqualTo(link.version());
        }

        @Test
        @DisplayName("guesses are granted up to the limit, then refused until the lock ends; a right one clears them")
        void guessesAreLimited() {
            ShareLink link = shares.createLink(aLink(album));
            Instant lockedBefore = NOW.minusSeconds(900);

            for (int i = 0; i < 3; i++) {
                assertThat(shares.takeGuess(link.id(), 3, NOW.plusSeconds(i), lockedBefore)).as("guess %d", i).isTrue();
            }
            assertThat(shares.takeGuess(link.id(), 3, NOW.plusSeconds(3), lockedBefore)).isFalse();
            ShareLink locked = shares.findLink(owner, link.id()).orElseThrow();
            assertThat(locked.failedGuesses()).isEqualTo(3);
            assertThat(locked.lastFailedGuessAt()).contains(NOW.plusSeconds(2));
            assertThat(locked.version()).isEqualTo(link.version());

            Instant afterTheLock = NOW.plusSeconds(1_000);
            assertThat(shares.takeGuess(link.id(), 3, afterTheLock, afterTheLock.minusSeconds(900))).isTrue();
            assertThat(shares.findLink(owner, link.id()).orElseThrow().failedGuesses()).isEqualTo(1);

            shares.clearGuesses(link.id());
            assertThat(shares.findLink(owner, link.id()).orElseThrow().failedGuesses()).isZero();
            assertThat(shares.takeGuess(link.id(), 3, afterTheLock, afterTheLock.minusSeconds(900))).isTrue();
        }

        @Test
        @DisplayName("of many guesses at once, exactly the limit is granted")
        void racingGuesses() throws InterruptedException {
            ShareLink link = shares.createLink(aLink(album));

            Race.Results<Boolean> results = Race.run(12,
                    contender -> shares.takeGuess(link.id(), 5, NOW, NOW.minusSeconds(900)));

            assertThat(results.failures()).as(results.failureTraces()).isEmpty();
            assertThat(results.wins().stream().filter(granted -> granted).count()).isEqualTo(5);
            assertThat(shares.findLink(owner, link.id()).orElseThrow().failedGuesses()).isEqualTo(5);
        }

        @Test
        @DisplayName("counters of a link that is gone do nothing")
        void countersOfAMissingLink() {
            ShareLinkId gone = new ShareLinkId(UUID.randomUUID());

            shares.countView(gone);
            shares.clearGuesses(gone);

            assertThat(shares.takeGuess(gone, 5, NOW, NOW.minusSeconds(900))).isFalse();
            assertThat(shares.findLink(owner, gone)).isEmpty();
        }
    }

    @Nested
    @DisplayName("Removing an album's shares")
    class RemovingAnAlbum {

        @Test
        @DisplayName("removes its members and links, and nothing of other albums; again does nothing")
        void removeAlbum() {
            AlbumMember member = member(album, AlbumRole.CONTRIBUTOR);
            ShareLink link = shares.createLink(aLink(album));
            Album other = albums.create(anAlbum(owner));
            AlbumMember otherMember = shares.putMember(aMember(other, member.memberId(), AlbumRole.VIEWER));
            ShareLink otherLink = shares.createLink(aLink(other));

            shares.removeAlbum(owner, album.id());
            shares.removeAlbum(owner, album.id());

            assertThat(shares.findMember(album.id(), member.memberId())).isEmpty();
            assertThat(shares.findLinkByToken(link.tokenHash())).isEmpty();
            assertThat(shares.findLink(owner, link.id())).isEmpty();
            assertThat(shares.listLinks(owner, album.id(), 10, Optional.empty()).items()).isEmpty();
            assertThat(shares.listSharedWith(member.memberId(), 10, Optional.empty()).items())
                    .containsExactly(otherMember);
            assertThat(shares.findLinkByToken(otherLink.tokenHash())).contains(otherLink);
        }

        @Test
        @DisplayName("another owner removing by the album's id removes nothing")
        void onlyTheOwners() {
            AlbumMember member = member(album, AlbumRole.VIEWER);
            ShareLink link = shares.createLink(aLink(album));

            shares.removeAlbum(anOwner(), album.id());

            assertThat(shares.findMember(album.id(), member.memberId())).contains(member);
            assertThat(shares.findLinkByToken(link.tokenHash())).contains(link);
        }
    }
}
