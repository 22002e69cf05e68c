package dev.gallerykit.memory;

import dev.gallerykit.domain.Session;
import dev.gallerykit.domain.SessionId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.SessionRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** A {@link SessionRepository} in memory, for tests and demos. Thread-safe: every call takes one lock. */
public final class InMemorySessionRepository implements SessionRepository {

    private final Map<SessionId, Session> sessions = new HashMap<>();
    private final Map<String, SessionId> idsByTokenHash = new HashMap<>();

    /** An empty repository. */
    public InMemorySessionRepository() {
    }

    @Override
    public synchronized void create(Session session) {
        Objects.requireNonNull(session, "session");
        checkNew(session);
        store(session);
    }

    @Override
    public synchronized Optional<Session> findByTokenHash(String tokenHash) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        return Optional.ofNullable(idsByTokenHash.get(tokenHash)).map(sessions::get);
    }

    @Override
    public synchronized void rotate(Session current, Session next, Instant at) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(at, "at");
        Session stored = sessions.get(current.id());
        if (stored == null) {
            throw new NotFoundException("session", current.id());
        }
        if (stored.rotatedAt().isPresent() || stored.revokedAt().isPresent()) {
            throw new ConcurrentModificationException("session " + current.id() + " was already rotated or revoked");
        }
        checkNew(next);
        store(stored.rotated(at));
        store(next);
    }

    @Override
    public synchronized void revokeFamily(SessionId familyId, Instant at) {
        Objects.requireNonNull(familyId, "familyId");
        revokeWhere(session -> session.familyId().equals(familyId), at);
    }

    @Override
    public synchronized void revokeAll(UserId userId, Instant at) {
        Objects.requireNonNull(userId, "userId");
        revokeWhere(session -> session.userId().equals(userId), at);
    }

    @Override
    public synchronized void deleteAll(UserId userId) {
        Objects.requireNonNull(userId, "userId");
        sessions.values().removeIf(session -> {
            if (session.userId().equals(userId)) {
                idsByTokenHash.remove(session.tokenHash());
                return true;
            }
            return false;
        });
    }

    private void revokeWhere(Predicate<Session> which, Instant at) {
        Objects.requireNonNull(at, "at");
        sessions.replaceAll((id, session) -> which.test(session) ? session.revoked(at) : session);
    }

    private void checkNew(Session session) {
        if (sessions.containsKey(session.id())) {
            throw new ConflictException("session " + session.id() + " already exists");
        }
        if (idsByTokenHash.containsKey(session.tokenHash())) {
            throw new ConflictException("a session with this token hash already exists");
        }
    }

    private void store(Session session) {
        sessions.put(session.id(), session);
        idsByTokenHash.put(session.tokenHash(), session.id());
    }
}
