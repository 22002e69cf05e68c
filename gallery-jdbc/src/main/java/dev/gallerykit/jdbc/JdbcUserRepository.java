package dev.gallerykit.jdbc;

import static dev.gallerykit.jdbc.Db.instant;
import static dev.gallerykit.jdbc.Db.optionalInstant;
import static dev.gallerykit.jdbc.Db.utc;

import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.domain.UserStatus;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.jdbc.Schema.Users;
import dev.gallerykit.spi.UserRepository;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Record;

/**
 * A {@link UserRepository} on SQL. Email uniqueness is a unique index on the lower-case email key
 * ({@link User#emailKey()}), so it holds under concurrent sign-ups without any locking of ours.
 * Get one from {@link JdbcRepositories#users()}.
 */
final class JdbcUserRepository implements UserRepository {

    private final Db db;

    JdbcUserRepository(Db db) {
        this.db = db;
    }

    @Override
    public User create(User user) {
        Objects.requireNonNull(user, "user");
        User stored = user.withVersion(1);
        try {
            db.dsl.insertInto(Users.TABLE)
                    .set(Users.ID, stored.id().value())
                    .set(Users.EMAIL, stored.email())
                    .set(Users.EMAIL_KEY, stored.emailKey())
                    .set(Users.DISPLAY_NAME, stored.displayName())
                    .set(Users.PASSWORD_HASH, stored.passwordHash())
                    .set(Users.STATUS, stored.status().name())
                    .set(Users.FAILED_SIGN_INS, stored.failedSignIns())
                    .set(Users.LOCKED_UNTIL, utc(stored.lockedUntil()))
                    .set(Users.CREATED_AT, utc(stored.createdAt()))
                    .set(Users.UPDATED_AT, utc(stored.updatedAt()))
                    .set(Users.CONFIRMED_AT, utc(stored.confirmedAt()))
                    .set(Users.VERSION, stored.version())
                    .execute();
            return stored;
        } catch (RuntimeException e) {
            if (SqlErrors.isConstraintViolation(e)) {
                throw exists(user.id()) ? new ConflictException("user " + user.id() + " already exists") : emailTaken();
            }
            throw db.translate("create a user", e);
        }
    }

    @Override
    public Optional<User> findById(UserId id) {
        Objects.requireNonNull(id, "id");
        return db.call("find a user", dsl -> dsl.select(Users.ALL).from(Users.TABLE).where(Users.ID.eq(id.value()))
                .fetchOptional(JdbcUserRepository::toUser));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        Objects.requireNonNull(email, "email");
        return db.call("find a user", dsl -> dsl.select(Users.ALL).from(Users.TABLE)
                .where(Users.EMAIL_KEY.eq(User.emailKey(email)))
                .fetchOptional(JdbcUserRepository::toUser));
    }

    @Override
    public User update(User user) {
        Objects.requireNonNull(user, "user");
        int updated;
        try {
            updated = db.dsl.update(Users.TABLE)
                    .set(Users.EMAIL, user.email())
                    .set(Users.EMAIL_KEY, user.emailKey())
                    .set(Users.DISPLAY_NAME, user.displayName())
                    .set(Users.PASSWORD_HASH, user.passwordHash())
                    .set(Users.STATUS, user.status().name())
                    .set(Users.FAILED_SIGN_INS, user.failedSignIns())
                    .set(Users.LOCKED_UNTIL, utc(user.lockedUntil()))
                    .set(Users.CREATED_AT, utc(user.createdAt()))
                    .set(Users.UPDATED_AT, utc(user.updatedAt()))
                    .set(Users.CONFIRMED_AT, utc(user.confirmedAt()))
                    .set(Users.VERSION, user.version() + 1)
                    .where(Users.ID.eq(user.id().value()).and(Users.VERSION.eq(user.version())))
                    .execute();
        } catch (RuntimeException e) {
            if (SqlErrors.isConstraintViolation(e)) {
                throw emailTaken();
            }
            throw db.translate("update a user", e);
        }
        if (updated == 0) {
            if (exists(user.id())) {
                throw new ConcurrentModificationException("user", user.id(), user.version());
            }
            throw new NotFoundException("user", user.id());
        }
        return user.withVersion(user.version() + 1);
    }

    @Override
    public void delete(UserId id) {
        Objects.requireNonNull(id, "id");
        db.call("delete a user", dsl -> dsl.deleteFrom(Users.TABLE).where(Users.ID.eq(id.value())).execute());
    }

    private boolean exists(UserId id) {
        return db.call("find a user", dsl -> dsl.fetchExists(Users.TABLE, Users.ID.eq(id.value())));
    }

    // Says nothing about the account that holds the address.
    private static ConflictException emailTaken() {
        return new ConflictException("this email address is already registered");
    }

    private static User toUser(Record row) {
        return new User(
                new UserId(row.get(Users.ID)),
                row.get(Users.EMAIL),
                row.get(Users.DISPLAY_NAME),
                row.get(Users.PASSWORD_HASH),
                UserStatus.valueOf(row.get(Users.STATUS)),
                row.get(Users.FAILED_SIGN_INS),
                optionalInstant(row.get(Users.LOCKED_UNTIL)),
                instant(row.get(Users.CREATED_AT)),
                instant(row.get(Users.UPDATED_AT)),
                optionalInstant(row.get(Users.CONFIRMED_AT)),
                row.get(Users.VERSION));
    }
}
