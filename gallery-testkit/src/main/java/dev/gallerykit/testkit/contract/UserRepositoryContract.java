package dev.gallerykit.testkit.contract;

import static dev.gallerykit.testkit.contract.Records.NOW;
import static dev.gallerykit.testkit.contract.Records.aUniqueEmail;
import static dev.gallerykit.testkit.contract.Records.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.domain.UserStatus;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.UserRepository;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UserRepository} must do. An adapter's test extends this class and says how to
 * build the repository; each test uses fresh ids and emails, so the store need not be empty.
 *
 * <pre>{@code
 * class MyUserRepositoryTest extends UserRepositoryContract {
 *     protected UserRepository users() { return repositories.users(); }   // e.g. JdbcRepositories
 * }
 * }</pre>
 */
public abstract class UserRepositoryContract {

    /** Called before each test: a fresh repository, or one shared by all tests. */
    protected abstract UserRepository users();

    private UserRepository repository;

    @BeforeEach
    void buildRepository() {
        repository = users();
    }

    @Nested
    @DisplayName("Creating a user")
    class Creating {

        @Test
        @DisplayName("stores it with version 1, whatever version it came with")
        void createStoresVersionOneAndReturnsTheStoredUser() {
            User user = aUser().withVersion(7);

            User created = repository.create(user);

            assertThat(created).isEqualTo(user.withVersion(1));
            assertThat(repository.findById(user.id())).contains(created);
        }

        @Test
        @DisplayName("makes it findable by its email in any case")
        void createThenFindByEmailIgnoringCase() {
            String email = "Ann." + UUID.randomUUID() + "@Example.COM";
            User created = repository.create(aUser(email));

            assertThat(repository.findByEmail(email)).contains(created);
            assertThat(repository.findByEmail(email.toLowerCase(Locale.ROOT))).contains(created);
            assertThat(repository.findByEmail(email.toUpperCase(Locale.ROOT))).contains(created);
        }

        @Test
        @DisplayName("keeps the email as typed")
        void createKeepsTheEmailAsTyped() {
            String email = "Mixed.Case." + UUID.randomUUID() + "@Example.com";

            repository.create(aUser(email));

            assertThat(repository.findByEmail(email).map(User::email)).contains(email);
        }

        @Test
        @DisplayName("keeps every field")
        void createKeepsEveryField() {
            User user = aUser().withStatus(UserStatus.ACTIVE, NOW.plusSeconds(5))
                    .withSignInFailures(3, Optional.of(NOW.plusSeconds(900)), NOW.plusSeconds(10))
                    .withDisplayName("Zoë Ångström", NOW.plusSeconds(20));

            repository.create(user);

            assertThat(repository.findById(user.id())).contains(user.withVersion(1));
        }

        @Test
        @DisplayName("of a user nobody created, finding gives empty")
        void findingAnAbsentUserIsEmpty() {
            assertThat(repository.findById(new UserId(UUID.randomUUID()))).isEmpty();
            assertThat(repository.findByEmail(aUniqueEmail())).isEmpty();
        }
    }

    @Nested
    @DisplayName("Emails are unique, ignoring case")
    class EmailUniqueness {

        @Test
        @DisplayName("a second user with the same email in another case is a conflict")
        void secondCreateWithSameEmailInOtherCaseIsAConflict() {
            String email = "bob." + UUID.randomUUID() + "@example.com";
            User first = repository.create(aUser(email));
            User second = aUser(email.toUpperCase(Locale.ROOT)).withDisplayName("Someone Else", NOW);

            assertThatThrownBy(() -> repository.create(second))
                    .isInstanceOf(ConflictException.class)
                    .message()
                    .doesNotContain(first.id().toString())
                    .doesNotContain(first.displayName());
            assertThat(repository.findById(second.id())).isEmpty();
            assertThat(repository.findByEmail(email)).contains(first);
        }

        @Test
        @DisplayName("a second user with the same id is a conflict")
        void createWithATakenIdIsAConflict() {
            User first = repository.create(aUser());
            User other = aUser();
            User clash = new User(first.id(), other.email(), other.displayName(), other.passwordHash(), other.status(),
                    0, Optional.empty(), NOW, NOW, Optional.empty(), 0);

            assertThatThrownBy(() -> repository.create(clash)).isInstanceOf(ConflictException.class);
            assertThat(repository.findById(first.id())).contains(first);
            assertThat(repository.findByEmail(clash.email())).isEmpty();
        }

        @Test
        @DisplayName("of 50 concurrent sign-ups with one email, exactly one succeeds")
        void fiftyConcurrentCreatesOfOneEmailLetExactlyOneSucceed() throws InterruptedException {
            String email = "race." + UUID.randomUUID() + "@example.com";

            Race.Results<User> results = Race.run(50, i -> repository.create(
                    aUser(i % 2 == 0 ? email : email.toUpperCase(Locale.ROOT))));

            assertThat(results.wins()).hasSize(1);
            assertThat(results.failures()).hasSize(49).allSatisfy(failure ->
                    assertThat(failure).isInstanceOf(ConflictException.class));
            assertThat(repository.findByEmail(email)).contains(results.wins().get(0));
        }

        @Test
        @DisplayName("changing the email to a taken one is a conflict and changes nothing")
        void updateToATakenEmailIsAConflictAndChangesNothing() {
            User taken = repository.create(aUser());
            User user = repository.create(aUser());
            User changed = user.withEmail(taken.email().toUpperCase(Locale.ROOT), NOW.plusSeconds(1))
                    .withDisplayName("Renamed", NOW.plusSeconds(1));

            assertThatThrownBy(() -> repository.update(changed)).isInstanceOf(ConflictException.class);
            assertThat(repository.findById(user.id())).contains(user);
            assertThat(repository.findByEmail(user.email())).contains(user);
            assertThat(repository.findByEmail(taken.email())).contains(taken);
        }

        @Test
        @DisplayName("changing only the case of one's own email is allowed")
        void updateChangingOnlyTheCaseOfTheOwnEmailSucceeds() {
            User user = repository.create(aUser());
            String shouted = user.email().toUpperCase(Locale.ROOT);

            User updated = repository.update(user.withEmail(shouted, NOW.plusSeconds(1)));

            assertThat(updated.email()).isEqualTo(shouted);
            assertThat(repository.findByEmail(user.email())).contains(updated);
        }

        @Test
        @DisplayName("changing the email frees the old one")
        void updateToANewEmailFreesTheOldOne() {
            User user = repository.create(aUser());
            String newEmail = aUniqueEmail();

            User updated = repository.update(user.withEmail(newEmail, NOW.plusSeconds(1)));

            assertThat(repository.findByEmail(newEmail)).contains(updated);
            assertThat(repository.findByEmail(user.email())).isEmpty();
            User another = repository.create(aUser(user.email()));
            assertThat(repository.findByEmail(user.email())).contains(another);
        }

        @Test
        @DisplayName("deleting a user frees the email")
        void deleteFreesTheEmail() {
            User user = repository.create(aUser());

            repository.delete(user.id());

            User another = repository.create(aUser(user.email()));
            assertThat(repository.findByEmail(user.email())).contains(another);
        }
    }

    @Nested
    @DisplayName("Updating a user")
    class Updating {

        @Test
        @DisplayName("with the current version stores the change and increments the version")
        void updateWithCurrentVersionIncrementsIt() {
            User created = repository.create(aUser());

            User once = repository.update(created.withStatus(UserStatus.ACTIVE, NOW.plusSeconds(1)));
            User twice = repository.update(once.withDisplayName("Ann E.", NOW.plusSeconds(2)));

            assertThat(once.version()).isEqualTo(2);
            assertThat(twice.version()).isEqualTo(3);
            assertThat(twice).isEqualTo(created.withStatus(UserStatus.ACTIVE, NOW.plusSeconds(1))
                    .withDisplayName("Ann E.", NOW.plusSeconds(2)).withVersion(3));
            assertThat(repository.findById(created.id())).contains(twice);
        }

        @Test
        @DisplayName("with a stale version fails and changes nothing")
        void updateWithStaleVersionFailsAndChangesNothing() {
            User created = repository.create(aUser());
            User current = repository.update(created.withDisplayName("First", NOW.plusSeconds(1)));

            assertThatThrownBy(() -> repository.update(created.withDisplayName("Second", NOW.plusSeconds(2))))
                    .isInstanceOf(ConcurrentModificationException.class);
            assertThat(repository.findById(created.id())).contains(current);
        }

        @Test
        @DisplayName("with a version from the future fails and changes nothing")
        void updateWithAVersionAheadOfTheStoredOneFails() {
            User created = repository.create(aUser());

            assertThatThrownBy(() -> repository.update(created.withDisplayName("Ahead", NOW).withVersion(5)))
                    .isInstanceOf(ConcurrentModificationException.class);
            assertThat(repository.findById(created.id())).contains(created);
        }

        @Test
        @DisplayName("of a user that does not exist is not found")
        void updateOfAnAbsentUserIsNotFound() {
            User absent = aUser().withVersion(1);

            assertThatThrownBy(() -> repository.update(absent)).isInstanceOf(NotFoundException.class);
            assertThat(repository.findById(absent.id())).isEmpty();
            assertThat(repository.findByEmail(absent.email())).isEmpty();
        }

        @Test
        @DisplayName("concurrently with one version lets exactly one writer win")
        void concurrentUpdatesWithOneVersionLetExactlyOneWin() throws InterruptedException {
            User created = repository.create(aUser());

            Race.Results<User> results = Race.run(10, i ->
                    repository.update(created.withDisplayName("Writer " + i, NOW.plusSeconds(i))));

            assertThat(results.wins()).hasSize(1);
            assertThat(results.failures()).hasSize(9).allSatisfy(failure ->
                    assertThat(failure).isInstanceOf(ConcurrentModificationException.class));
            assertThat(repository.findById(created.id())).contains(results.wins().get(0));
            assertThat(results.wins().get(0).version()).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("Deleting a user")
    class Deleting {

        @Test
        @DisplayName("removes it by id and by email")
        void deleteRemovesTheUser() {
            User user = repository.create(aUser());

            repository.delete(user.id());

            assertThat(repository.findById(user.id())).isEmpty();
            assertThat(repository.findByEmail(user.email())).isEmpty();
        }

        @Test
        @DisplayName("twice, or when it never existed, does nothing")
        void deleteIsIdempotent() {
            User user = repository.create(aUser());

            repository.delete(user.id());
            repository.delete(user.id());
            repository.delete(new UserId(UUID.randomUUID()));

            assertThat(repository.findById(user.id())).isEmpty();
        }

        @Test
        @DisplayName("leaves other users alone")
        void deleteLeavesOtherUsersAlone() {
            User doomed = repository.create(aUser());
            User other = repository.create(aUser());

            repository.delete(doomed.id());

            assertThat(repository.findById(other.id())).contains(other);
            assertThat(repository.findByEmail(other.email())).contains(other);
        }
    }
}
