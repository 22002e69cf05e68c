package dev.gallerykit.spi;

import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.error.StorageException;
import dev.gallerykit.error.StorageUnavailableException;
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
 *
 * <p>Failures, the same on every adapter: no driver or SDK exception escapes. A store that cannot be
 * reached, times out or throttles is a retryable {@link StorageUnavailableException}; a store that
 * refuses for a lasting reason (a missing table, bucket or permission, bad credentials) is a
 * {@link StorageException} that is not retryable. Every method may throw either; adapter-specific
 * exceptions extend one of them.
 */
public interface UserRepository {

    /**
     * Stores a new user with version 1 and returns it.
     *
     * @throws ConflictException when the email (or id) is taken; the stored user is kept
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    User create(User user);

    /**
     * The user with this id; empty when there is none, never null.
     *
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Optional<User> findById(UserId id);

    /**
     * Finds by email, ignoring case; empty when there is none, never null.
     *
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Optional<User> findByEmail(String email);

    /**
     * Replaces the stored user if its version still equals {@code user.version()}; returns it with
     * the version incremented.
     *
     * @throws NotFoundException when there is no such user
     * @throws ConcurrentModificationException when the version moved on; nothing is written
     * @throws ConflictException when a changed email is taken; nothing is written
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    User update(User user);

    /**
     * Removes the user; does nothing when absent.
     *
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    void delete(UserId id);
}
