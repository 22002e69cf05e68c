package dev.gallerykit.spi;

import dev.gallerykit.domain.Session;
import dev.gallerykit.domain.SessionId;
import dev.gallerykit.domain.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Stores refresh-token sessions, grouped in families (one family per sign-in).
 *
 * <p>Guarantees, checked by {@code SessionRepositoryContract}: {@link #rotate} is atomic and
 * succeeds at most once per session, so two clients racing with the same refresh token cannot both
 * get a successor; revocations and deletes are idempotent.
 */
public interface SessionRepository {

    void create(Session session);

    Optional<Session> findByTokenHash(String tokenHash);

    /**
     * Marks {@code current} rotated at {@code at} and stores {@code next}, both or neither.
     *
     * @throws dev.gallerykit.error.ConcurrentModificationException when {@code current} was already
     *         rotated or revoked (the caller treats that as token reuse)
     * @throws dev.gallerykit.error.NotFoundException when {@code current} does not exist
     */
    void rotate(Session current, Session next, Instant at);

    /** Revokes every session of one family (one sign-in). */
    void revokeFamily(SessionId familyId, Instant at);

    /** Revokes every session of a user (sign out everywhere, password change). */
    void revokeAll(UserId userId, Instant at);

    /** Deletes every session of a user (account deletion). */
    void deleteAll(UserId userId);
}
