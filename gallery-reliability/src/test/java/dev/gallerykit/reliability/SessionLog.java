package dev.gallerykit.reliability;

import dev.gallerykit.domain.Session;
import dev.gallerykit.domain.SessionId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.spi.SessionRepository;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Passes every call on to the real session store and remembers each session it created and each
 * rotation it accepted (returned from without an exception), so a race can be checked at the store as
 * well as at the API: how many successors were written, and what the store holds for them afterwards.
 */
final class SessionLog implements SessionRepository {

    /** One rotation the store accepted: {@code current} was marked rotated and {@code next} stored. */
    record Rotation(Session current, Session next) {
    }

    private final SessionRepository store;
    private final List<Session> created = new CopyOnWriteArrayList<>();
    private final List<Rotation> accepted = new CopyOnWriteArrayList<>();

    SessionLog(SessionRepository store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The session the store created last (a sign-in's first), for a test that just signed in. */
    Session lastCreated() {
        if (created.isEmpty()) {
            throw new AssertionError("no session was created");
        }
        return created.get(created.size() - 1);
    }

    /** The rotations the store accepted in one family (one sign-in), in the order they returned. */
    List<Rotation> acceptedIn(SessionId familyId) {
        return accepted.stream().filter(rotation -> rotation.current().familyId().equals(familyId)).toList();
    }

    @Override
    public void create(Session session) {
        store.create(session);
        created.add(session);
    }

    @Override
    public Optional<Session> findByTokenHash(String tokenHash) {
        return store.findByTokenHash(tokenHash);
    }

    @Override
    public void rotate(Session current, Session next, Instant at) {
        store.rotate(current, next, at);
        accepted.add(new Rotation(current, next));
    }

    @Override
    public void revokeFamily(SessionId familyId, Instant at) {
        store.revokeFamily(familyId, at);
    }

    @Override
    public void revokeAll(UserId userId, Instant at) {
        store.revokeAll(userId, at);
    }

    @Override
    public void deleteAll(UserId userId) {
        store.deleteAll(userId);
    }
}
