package dev.gallerykit.spi;

import dev.gallerykit.domain.Session;
import dev.gallerykit.domain.SessionId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.error.StorageException;
import dev.gallerykit.error.StorageUnavailableException;
import java.time.Instant;
import java.util.Optional;

/**
 * Stores refresh-token sessions, grouped in families (one family per sign-in).
 *
 * <p>Guarantees, checked by {@code SessionRepositoryContract}: {@link #rotate} is atomic and
 * succeeds at most once per session, so two clients racing with the same refresh token cannot both
 * get a successor; revocations and deletes are idempotent.
 *
 * <p>Failures, the same on every adapter: no driver or SDK exception escapes. A store that cannot be
 * reached, times out or throttles is a retryable {@link StorageUnavailableException}; a store that
 * refuses for a lasting reason (a missing table, bucket or permission, bad credentials) is a
 * {@link StorageException} that is not retryable. Every method may throw either; adapter-specific
 * exceptions extend one of them.
 */
public interface SessionRepository {

    /**
     * Stores a new session.
     *
     * @throws ConflictException when a session with this token hash is stored already; it is kept
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    void create(Session session);

    /**
     * The session with this token hash, whatever its state; empty when there is none, never null.
     *
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Optional<Session> findByTokenHash(String tokenHash);

    /**
     * Marks {@code current} rotated at {@code at} and stores {@code next}, both or neither.
     *
     * @throws ConcurrentModificationException when {@code current} was already rotated or revoked
     *         (the caller treats that as token reuse); nothing is written
     * @throws NotFoundException when {@code current} does not exist
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    void rotate(Session current, Session next, Instant at);

    /**
     * Revokes every session of one family (one sign-in); does nothing for an unknown family, and
     * keeps the first revocation time of sessions revoked already.
     *
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    void revokeFamily(SessionId familyId, Instant at);

    /**
     * Revokes every session of a user (sign out everywhere, password change); does nothing for a
     * user without sessions.
     *
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    void revokeAll(UserId userId, Instant at);

    /**
     * Deletes every session of a user (account deletion); does nothing for a user without sessions.
     *
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing table (not retryable)
     */
    void deleteAll(UserId userId);
}
