package dev.gallerykit.spi;

import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import java.util.Optional;

/**
 * Stores accounts.
 *
 * <p>Guarantees every adapter gives, checked by {@code UserRepositoryContract}:
 * <ul>
 *   <li>Emails are unique compared case-insensitively ({@link User#emailKey()}), also under
 *       concurrent {@link #create}s: of many sign-ups with one email exactly one succeeds.</li>
 *   <li>{@link #update} is conditional on {@link User#version()}: a lost race is a
 *       {@code ConcurrentModificationException}, and nothing is written.</li>
 *   <li>Look-ups return empty when absent, never null; {@link #delete} is idempotent.</li>
 * </ul>
 */
public interface UserRepository {

    /**
     * Stores a new user with version 1 and returns it.
     *
     * @throws dev.gallerykit.error.ConflictException when the email (or id) is taken
     */
    User create(User user);

    Optional<User> findById(UserId id);

    /** Finds by email, ignoring case. */
    Optional<User> findByEmail(String email);

    /**
     * Replaces the stored user if its version still equals {@code user.version()}; returns it with
     * the version incremented.
     *
     * @throws dev.gallerykit.error.NotFoundException when there is no such user
     * @throws dev.gallerykit.error.ConcurrentModificationException when the version moved on
     * @throws dev.gallerykit.error.ConflictException when a changed email is taken
     */
    User update(User user);

    /** Removes the user; does nothing when absent. */
    void delete(UserId id);
}
