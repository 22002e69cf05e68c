package dev.gallerykit.jdbc;

import static dev.gallerykit.jdbc.Db.instant;
import static dev.gallerykit.jdbc.Db.optionalInstant;
import static dev.gallerykit.jdbc.Db.utc;

import dev.gallerykit.domain.Session;
import dev.gallerykit.domain.SessionId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.jdbc.Schema.Sessions;
import dev.gallerykit.spi.SessionRepository;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * A {@link SessionRepository} on SQL. A rotation is one transaction whose conditional update
 * ({@code WHERE rotated_at IS NULL AND revoked_at IS NULL}) lets exactly one of many racing
 * clients through. The user is a plain id, not a foreign key: users may live in another store.
 * Get one from {@link JdbcRepositories#sessions()}.
 */
final class JdbcSessionRepository implements SessionRepository {

    private final Db db;

    JdbcSessionRepository(Db db) {
        this.db = db;
    }

    @Override
    public void create(Session session) {
        Objects.requireNonNull(session, "session");
        try {
            insert(db.dsl, session);
        } catch (RuntimeException e) {
            throw translateInsert(session, e);
        }
    }

    @Override
    public Optional<Session> findByTokenHash(String tokenHash) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        return db.call("find a session", dsl -> dsl.select(Sessions.ALL).from(Sessions.TABLE)
                .where(Sessions.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(JdbcSessionRepository::toSession));
    }

    @Override
    public void rotate(Session current, Session next, Instant at) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(at, "at");
        try {
            db.dsl.transaction(configuration -> {
                DSLContext dsl = configuration.dsl();
                int rotated = dsl.update(Sessions.TABLE)
                        .set(Sessions.ROTATED_AT, utc(at))
                        .where(Sessions.ID.eq(current.id().value())
                                .and(Sessions.ROTATED_AT.isNull())
                                .and(Sessions.REVOKED_AT.isNull()))
                        .execute();
                if (rotated == 0) {
                    if (dsl.fetchExists(Sessions.TABLE, Sessions.ID.eq(current.id().value()))) {
                        throw new ConcurrentModificationException(
                                "session " + current.id() + " was already rotated or revoked");
                    }
                    throw new NotFoundException("session", current.id());
                }
                insert(dsl, next);
            });
        } catch (RuntimeException e) {
            throw translateInsert(next, e);
        }
    }

    @Override
    public void revokeFamily(SessionId familyId, Instant at) {
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(at, "at");
        db.call("revoke sessions", dsl -> dsl.update(Sessions.TABLE).set(Sessions.REVOKED_AT, utc(at))
                .where(Sessions.FAMILY_ID.eq(familyId.value()).and(Sessions.REVOKED_AT.isNull()))
                .execute());
    }

    @Override
    public void revokeAll(UserId userId, Instant at) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(at, "at");
        db.call("revoke sessions", dsl -> dsl.update(Sessions.TABLE).set(Sessions.REVOKED_AT, utc(at))
                .where(Sessions.USER_ID.eq(userId.value()).and(Sessions.REVOKED_AT.isNull()))
                .execute());
    }

    @Override
    public void deleteAll(UserId userId) {
        Objects.requireNonNull(userId, "userId");
        db.call("delete sessions", dsl -> dsl.deleteFrom(Sessions.TABLE)
                .where(Sessions.USER_ID.eq(userId.value()))
                .execute());
    }

    private static void insert(DSLContext dsl, Session session) {
        dsl.insertInto(Sessions.TABLE)
                .set(Sessions.ID, session.id().value())
                .set(Sessions.FAMILY_ID, session.familyId().value())
                .set(Sessions.USER_ID, session.userId().value())
                .set(Sessions.TOKEN_HASH, session.tokenHash())
                .set(Sessions.ISSUED_AT, utc(session.issuedAt()))
                .set(Sessions.EXPIRES_AT, utc(session.expiresAt()))
                .set(Sessions.ROTATED_AT, utc(session.rotatedAt()))
                .set(Sessions.REVOKED_AT, utc(session.revokedAt()))
                .execute();
    }

    private RuntimeException translateInsert(Session session, RuntimeException e) {
        if (SqlErrors.isConstraintViolation(e)) {
            return new ConflictException("session " + session.id() + " or its token hash already exists");
        }
        return db.translate("store a session", e);
    }

    private static Session toSession(Record row) {
        return new Session(
                new SessionId(row.get(Sessions.ID)),
                new SessionId(row.get(Sessions.FAMILY_ID)),
                new UserId(row.get(Sessions.USER_ID)),
                row.get(Sessions.TOKEN_HASH),
                instant(row.get(Sessions.ISSUED_AT)),
                instant(row.get(Sessions.EXPIRES_AT)),
                optionalInstant(row.get(Sessions.ROTATED_AT)),
                optionalInstant(row.get(Sessions.REVOKED_AT)));
    }
}
