package dev.gallerykit.testkit.faults;

import dev.gallerykit.domain.Session;
import dev.gallerykit.domain.SessionId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.spi.SessionRepository;
import java.time.Instant;
import java.util.Optional;

final class FaultySessionRepository implements SessionRepository {

    private final SessionRepository delegate;
    private final Faults faults;

    FaultySessionRepository(SessionRepository delegate, Faults faults) {
        this.delegate = delegate;
        this.faults = faults;
    }

    @Override
    public void create(Session session) {
        faults.run(Operation.SESSION_CREATE, () -> delegate.create(session));
    }

    @Override
    public Optional<Session> findByTokenHash(String tokenHash) {
        return faults.call(Operation.SESSION_FIND_BY_TOKEN_HASH, () -> delegate.findByTokenHash(tokenHash));
    }

    @Override
    public void rotate(Session current, Session next, Instant at) {
        faults.run(Operation.SESSION_ROTATE, () -> delegate.rotate(current, next, at));
    }

    @Override
    public void revokeFamily(SessionId familyId, Instant at) {
        faults.run(Operation.SESSION_REVOKE_FAMILY, () -> delegate.revokeFamily(familyId, at));
    }

    @Override
    public void revokeAll(UserId userId, Instant at) {
        faults.run(Operation.SESSION_REVOKE_ALL, () -> delegate.revokeAll(userId, at));
    }

    @Override
    public void deleteAll(UserId userId) {
        faults.run(Operation.SESSION_DELETE_ALL, () -> delegate.deleteAll(userId));
    }
}
