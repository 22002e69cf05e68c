package dev.gallerykit.testkit.contract;

import static dev.gallerykit.testkit.contract.Records.NOW;
import static dev.gallerykit.testkit.contract.Records.aSession;
import static dev.gallerykit.testkit.contract.Records.aSuccessorOf;
import static dev.gallerykit.testkit.contract.Records.aTokenHash;
import static dev.gallerykit.testkit.contract.Records.anOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.domain.Session;
import dev.gallerykit.domain.SessionId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.SessionRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionRepository} must do. An adapter's test extends this class and says how
 * to build the repository; each test works with users of its own, so the store need not be empty.
 */
public abstract class SessionRepositoryContract {

    private static final Instant LATER = NOW.plusSeconds(300);
    private static final Instant MUCH_LATER = NOW.plusSeconds(3_600);

    /** Called before each test: a fresh repository, or one shared by all tests. */
    protected abstract SessionRepository sessions();

    private SessionRepository repository;

    @BeforeEach
    void buildRepository() {
        repository = sessions();
    }

    private Session create(Session session) {
        repository.create(session);
        return session;
    }

    private Session stored(Session session) {
        return repository.findByTokenHash(session.tokenHash()).orElseThrow(() ->
                new AssertionError("session " + session.id() + " is not stored"));
    }

    @Nested
    @DisplayName("Creating a session")
    class Creating {

        @Test
        @DisplayName("makes it findable by its token hash with every field kept")
        void createThenFindByTokenHash() {
            Session session = create(aSession(anOwner()));

            assertThat(repository.findByTokenHash(session.tokenHash())).contains(session);
        }

        @Test
        @DisplayName("a second time with the same token hash is a conflict, and the first one is kept")
        void theSameSessionTwiceIsAConflict() {
            Session session = create(aSession(anOwner()));

            assertThatThrownBy(() -> repository.create(session)).isInstanceOf(ConflictException.class);
            assertThat(repository.findByTokenHash(session.tokenHash())).contains(session);
        }

        @Test
        @DisplayName("of a token nobody was given, finding gives empty")
        void findByAnUnknownTokenHashIsEmpty() {
            assertThat(repository.findByTokenHash(aTokenHash())).isEmpty();
        }
    }

    @Nested
    @DisplayName("Rotating a session")
    class Rotating {

        @Test
        @DisplayName("marks the current one rotated and stores its successor")
        void rotateMarksTheCurrentSessionRotatedAndStoresTheNext() {
            Session current = create(aSession(anOwner()));
            Session next = aSuccessorOf(current);

            repository.rotate(current, next, LATER);

            assertThat(stored(current)).isEqualTo(current.rotated(LATER));
            assertThat(stored(next)).isEqualTo(next);
        }

        @Test
        @DisplayName("twice is refused the second time, and stores no second successor")
        void secondRotateOfTheSameSessionIsAConcurrentModification() {
            Session current = create(aSession(anOwner()));
            Session first = aSuccessorOf(current);
            Session second = aSuccessorOf(current);
            repository.rotate(current, first, LATER);

            assertThatThrownBy(() -> repository.rotate(current, second, MUCH_LATER))
                    .isInstanceOf(ConcurrentModificationException.class);
            assertThat(stored(current).rotatedAt()).contains(LATER);
            assertThat(repository.findByTokenHash(second.tokenHash())).isEmpty();
            assertThat(stored(first)).isEqualTo(first);
        }

        @Test
        @DisplayName("a successor is refused like any other once rotated, while the new one rotates")
        void rotateFollowsTheChain() {
            Session first = create(aSession(anOwner()));
            Session second = aSuccessorOf(first);
            Session third = aSuccessorOf(second);
            repository.rotate(first, second, LATER);

            repository.rotate(second, third, MUCH_LATER);

            assertThat(stored(second).rotatedAt()).contains(MUCH_LATER);
            assertThat(stored(third).activeAt(MUCH_LATER)).isTrue();
            assertThatThrownBy(() -> repository.rotate(first, aSuccessorOf(first), MUCH_LATER))
                    .isInstanceOf(ConcurrentModificationException.class);
        }

        @Test
        @DisplayName("a revoked session is refused and stores no successor")
        void rotateOfARevokedSessionIsAConcurrentModification() {
            Session current = create(aSession(anOwner()));
            Session next = aSuccessorOf(current);
            repository.revokeFamily(current.familyId(), LATER);

            assertThatThrownBy(() -> repository.rotate(current, next, MUCH_LATER))
                    .isInstanceOf(ConcurrentModificationException.class);
            assertThat(stored(current).rotatedAt()).isEmpty();
            assertThat(repository.findByTokenHash(next.tokenHash())).isEmpty();
        }

        @Test
        @DisplayName("a session that does not exist is not found, and stores no successor")
        void rotateOfAnAbsentSessionIsNotFound() {
            Session absent = aSession(anOwner());
            Session next = aSuccessorOf(absent);

            assertThatThrownBy(() -> repository.rotate(absent, next, LATER)).isInstanceOf(NotFoundException.class);
            assertThat(repository.findByTokenHash(absent.tokenHash())).isEmpty();
            assertThat(repository.findByTokenHash(next.tokenHash())).isEmpty();
        }

        @Test
        @DisplayName("concurrently with one token lets exactly one client get a successor")
        void concurrentRotationsOfOneSessionLetExactlyOneWin() throws InterruptedException {
            Session current = create(aSession(anOwner()));
            List<Session> successors = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                successors.add(aSuccessorOf(current));
            }

            Race.Results<Session> results = Race.run(10, i -> {
                repository.rotate(current, successors.get(i), LATER);
                return successors.get(i);
            });

            assertThat(results.wins()).hasSize(1);
            assertThat(results.failures()).hasSize(9).allSatisfy(failure ->
                    assertThat(failure).isInstanceOf(ConcurrentModificationException.class));
            assertThat(successors).filteredOn(next -> repository.findByTokenHash(next.tokenHash()).isPresent())
                    .containsExactlyElementsOf(results.wins());
            assertThat(stored(current).rotatedAt()).contains(LATER);
        }
    }

    @Nested
    @DisplayName("Revoking sessions")
    class Revoking {

        @Test
        @DisplayName("of a family revokes every session in it, rotated ones too")
        void revokeFamilyRevokesEverySessionOfTheFamily() {
            Session first = create(aSession(anOwner()));
            Session second = aSuccessorOf(first);
            repository.rotate(first, second, LATER);

            repository.revokeFamily(first.familyId(), MUCH_LATER);

            assertThat(stored(first).revokedAt()).contains(MUCH_LATER);
            assertThat(stored(first).rotatedAt()).contains(LATER);
            assertThat(stored(second).revokedAt()).contains(MUCH_LATER);
            assertThat(stored(second).activeAt(MUCH_LATER)).isFalse();
        }

        @Test
        @DisplayName("of a family leaves the user's other families alone")
        void revokeFamilyLeavesOtherFamiliesAlone() {
            UserId user = anOwner();
            Session revoked = create(aSession(user));
            Session otherSignIn = create(aSession(user));

            repository.revokeFamily(revoked.familyId(), LATER);

            assertThat(stored(revoked).revokedAt()).contains(LATER);
            assertThat(stored(otherSignIn)).isEqualTo(otherSignIn);
        }

        @Test
        @DisplayName("of a family twice keeps the first revocation time")
        void revokeFamilyTwiceKeepsTheEarlierTime() {
            Session session = create(aSession(anOwner()));

            repository.revokeFamily(session.familyId(), LATER);
            repository.revokeFamily(session.familyId(), MUCH_LATER);

            assertThat(stored(session).revokedAt()).contains(LATER);
        }

        @Test
        @DisplayName("of a user revokes all the user's families and nobody else's")
        void revokeAllRevokesEveryFamilyOfTheUserOnly() {
            UserId user = anOwner();
            Session laptop = create(aSession(user));
            Session phone = create(aSession(user));
            Session phoneNext = aSuccessorOf(phone);
            repository.rotate(phone, phoneNext, LATER);
            Session someoneElse = create(aSession(anOwner()));

            repository.revokeAll(user, MUCH_LATER);

            assertThat(List.of(laptop, phone, phoneNext)).allSatisfy(session ->
                    assertThat(stored(session).revokedAt()).contains(MUCH_LATER));
            assertThat(stored(someoneElse)).isEqualTo(someoneElse);
        }

        @Test
        @DisplayName("of a user twice keeps the first revocation time, also for sessions revoked by family")
        void revokeAllKeepsEarlierRevocationTimes() {
            UserId user = anOwner();
            Session early = create(aSession(user));
            Session other = create(aSession(user));
            repository.revokeFamily(early.familyId(), LATER);

            repository.revokeAll(user, MUCH_LATER);
            repository.revokeAll(user, MUCH_LATER.plusSeconds(60));

            assertThat(stored(early).revokedAt()).contains(LATER);
            assertThat(stored(other).revokedAt()).contains(MUCH_LATER);
        }

        @Test
        @DisplayName("of an unknown family or user does nothing")
        void revokingUnknownFamiliesOrUsersDoesNothing() {
            Session session = create(aSession(anOwner()));

            repository.revokeFamily(new SessionId(UUID.randomUUID()), LATER);
            repository.revokeAll(anOwner(), LATER);

            assertThat(stored(session)).isEqualTo(session);
        }
    }

    @Nested
    @DisplayName("Deleting a user's sessions")
    class Deleting {

        @Test
        @DisplayName("removes every session of the user and nobody else's")
        void deleteAllRemovesEverySessionOfTheUser() {
            UserId user = anOwner();
            Session first = create(aSession(user));
            Session next = aSuccessorOf(first);
            repository.rotate(first, next, LATER);
            Session revoked = create(aSession(user));
            repository.revokeFamily(revoked.familyId(), LATER);
            Session someoneElse = create(aSession(anOwner()));

            repository.deleteAll(user);

            assertThat(List.of(first, next, revoked)).allSatisfy(session ->
                    assertThat(repository.findByTokenHash(session.tokenHash())).isEmpty());
            assertThat(stored(someoneElse)).isEqualTo(someoneElse);
        }

        @Test
        @DisplayName("twice, or for a user without sessions, does nothing")
        void deleteAllIsIdempotent() {
            UserId user = anOwner();
            Session session = create(aSession(user));

            repository.deleteAll(user);
            repository.deleteAll(user);
            repository.deleteAll(anOwner());

            assertThat(repository.findByTokenHash(session.tokenHash())).isEmpty();
        }

        @Test
        @DisplayName("leaves the user free to sign in again")
        void createAfterDeleteAllWorks() {
            UserId user = anOwner();
            create(aSession(user));
            repository.deleteAll(user);

            Session fresh = create(aSession(user));

            assertThat(repository.findByTokenHash(fresh.tokenHash())).contains(fresh);
        }
    }
}
