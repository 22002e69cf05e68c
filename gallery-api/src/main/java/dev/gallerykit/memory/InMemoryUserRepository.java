package dev.gallerykit.memory;

import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.UserRepository;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link UserRepository} in memory, for tests and demos. Thread-safe: writes take one lock, so
 * the email index and the users never disagree; reads take none.
 */
public final class InMemoryUserRepository implements UserRepository {

    private final Map<UserId, User> users = new ConcurrentHashMap<>();
    private final Map<String, UserId> idsByEmailKey = new ConcurrentHashMap<>();

    /** An empty repository. */
    public InMemoryUserRepository() {
    }

    @Override
    public synchronized User create(User user) {
        Objects.requireNonNull(user, "user");
        if (users.containsKey(user.id())) {
            throw new ConflictException("user " + user.id() + " already exists");
        }
        if (idsByEmailKey.containsKey(user.emailKey())) {
            throw emailTaken();
        }
        User stored = user.withVersion(1);
        idsByEmailKey.put(stored.emailKey(), stored.id());
        users.put(stored.id(), stored);
        return stored;
    }

    @Override
    public Optional<User> findById(UserId id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        Objects.requireNonNull(email, "email");
        return Optional.ofNullable(idsByEmailKey.get(User.emailKey(email))).map(users::get);
    }

    @Override
    public synchronized User update(User user) {
        Objects.requireNonNull(user, "user");
        User stored = users.get(user.id());
        if (stored == null) {
            throw new NotFoundException("user", user.id());
        }
        if (stored.version() != user.version()) {
            throw new ConcurrentModificationException("user", user.id(), user.version());
        }
        if (!stored.emailKey().equals(user.emailKey())) {
            if (idsByEmailKey.containsKey(user.emailKey())) {
                throw emailTaken();
            }
            idsByEmailKey.remove(stored.emailKey());
            idsByEmailKey.put(user.emailKey(), user.id());
        }
        User updated = user.withVersion(stored.version() + 1);
        users.put(updated.id(), updated);
        return updated;
    }

    @Override
    public synchronized void delete(UserId id) {
        Objects.requireNonNull(id, "id");
        User removed = users.remove(id);
        if (removed != null) {
            idsByEmailKey.remove(removed.emailKey());
        }
    }

    // Says nothing about the account that holds the address.
    private static ConflictException emailTaken() {
        return new ConflictException("this email address is already registered");
    }
}
