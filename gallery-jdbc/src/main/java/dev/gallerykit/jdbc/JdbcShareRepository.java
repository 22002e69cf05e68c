package dev.gallerykit.jdbc;

import static dev.gallerykit.jdbc.Db.instant;
import static dev.gallerykit.jdbc.Db.optionalInstant;
import static dev.gallerykit.jdbc.Db.utc;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.AlbumMember;
import dev.gallerykit.domain.AlbumRole;
import dev.gallerykit.domain.ShareLink;
import dev.gallerykit.domain.ShareLinkId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.jdbc.Schema.Links;
import dev.gallerykit.jdbc.Schema.Members;
import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.spi.Slice;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * A {@link ShareRepository} on SQL. A membership or link is written in the transaction that locks
 * its album's row and reads the album's deleting mark (the lock {@code markDeleting}'s update waits
 * for), and both tables have a foreign key to the album with {@code ON DELETE CASCADE}, so none can
 * outlive it. The counters are single {@code UPDATE}s that add to the stored value; a guess is one
 * conditional {@code UPDATE}, so no number of racing callers gets more than the limit. Get one from
 * {@link JdbcRepositories#shares()}.
 */
final class JdbcShareRepository implements ShareRepository {

    private final Db db;

    JdbcShareRepository(Db db) {
        this.db = db;
    }

    @Override
    public AlbumMember putMember(AlbumMember member) {
        Objects.requireNonNull(member, "member");
        return db.inTransaction("share an album", dsl -> {
            requireOpen(dsl, member.ownerId(), member.albumId());
            Condition key = memberKey(member.albumId(), member.memberId());
            Optional<Instant> since = dsl.select(Members.CREATED_AT).from(Members.TABLE).where(key)
                    .fetchOptional(Members.CREATED_AT).map(Db::instant);
            if (since.isPresent()) {
                dsl.update(Members.TABLE)
                        .set(Members.ROLE, member.role().name())
                        .set(Members.ORIGINALS, member.originals())
                        .set(Members.UPDATED_AT, utc(member.updatedAt()))
                        .where(key).execute();
                return new AlbumMember(member.albumId(), member.ownerId(), member.memberId(), member.role(),
                        member.originals(), since.get(), member.updatedAt());
            }
            dsl.insertInto(Members.TABLE)
                    .set(Members.ALBUM_ID, member.albumId().value())
                    .set(Members.OWNER_ID, member.ownerId().value())
                    .set(Members.MEMBER_ID, member.memberId().value())
                    .set(Members.ROLE, member.role().name())
                    .set(Members.ORIGINALS, member.originals())
                    .set(Members.CREATED_AT, utc(member.createdAt()))
                    .set(Members.UPDATED_AT, utc(member.updatedAt()))
                    .execute();
            return member;
        });
    }

    @Override
    public Optional<AlbumMember> findMember(AlbumId album, UserId member) {
        Objects.requireNonNull(album, "album");
        Objects.requireNonNull(member, "member");
        return db.call("find a membership", dsl -> dsl.select(Members.ALL).from(Members.TABLE)
                .where(memberKey(album, member))
                .fetchOptional(JdbcShareRepository::toMember));
    }

    @Override
    public Slice<AlbumMember> listMembers(UserId owner, AlbumId album, int limit, Optional<String> after) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(album, "album");
        Db.checkLimit(limit);
        Optional<UUID> position = Db.position(after);
        Condition where = Members.ALBUM_ID.eq(album.value()).and(Members.OWNER_ID.eq(owner.value()));
        if (position.isPresent()) {
            where = where.and(Members.MEMBER_ID.gt(position.get()));
        }
        Condition query = where;
        List<AlbumMember> rows = db.call("list the members of an album", dsl -> dsl.select(Members.ALL)
                .from(Members.TABLE).where(query).orderBy(Members.MEMBER_ID.asc()).limit(limit + 1)
                .fetch(JdbcShareRepository::toMember));
        return Db.slice(rows, limit, m -> m.memberId().value());
    }

    @Override
    public Slice<AlbumMember> listSharedWith(UserId member, int limit, Optional<String> after) {
        Objects.requireNonNull(member, "member");
        Db.checkLimit(limit);
        Optional<UUID> position = Db.position(after);
        Condition where = Members.MEMBER_ID.eq(member.value());
        if (position.isPresent()) {
            where = where.and(Members.ALBUM_ID.lt(position.get()));
        }
        Condition query = where;
        List<AlbumMember> rows = db.call("list the albums shared with a user", dsl -> dsl.select(Members.ALL)
                .from(Members.TABLE).where(query).orderBy(Members.ALBUM_ID.desc()).limit(limit + 1)
                .fetch(JdbcShareRepository::toMember));
        return Db.slice(rows, limit, m -> m.albumId().value());
    }

    @Override
    public void removeMember(AlbumId album, UserId member) {
        Objects.requireNonNull(album, "album");
        Objects.requireNonNull(member, "member");
        db.call("remove a membership", dsl -> dsl.deleteFrom(Members.TABLE).where(memberKey(album, member)).execute());
    }

    @Override
    public void removeMemberships(UserId member) {
        Objects.requireNonNull(member, "member");
        db.call("remove a user's memberships", dsl -> dsl.deleteFrom(Members.TABLE)
                .where(Members.MEMBER_ID.eq(member.value())).execute());
    }

    @Override
    public ShareLink createLink(ShareLink link) {
        Objects.requireNonNull(link, "link");
        try {
            return db.dsl.transactionResult(configuration -> {
                DSLContext dsl = configuration.dsl();
                requireOpen(dsl, link.ownerId(), link.albumId());
                dsl.insertInto(Links.TABLE)
                        .set(Links.ID, link.id().value())
                        .set(Links.ALBUM_ID, link.albumId().value())
                        .set(Links.OWNER_ID, link.ownerId().value())
                        .set(Links.TOKEN_HASH, link.tokenHash())
                        .set(Links.EXPIRES_AT, utc(link.expiresAt()))
                        .set(Links.PASSWORD_HASH, link.passwordHash().orElse(null))
                        .set(Links.ALLOW_ORIGINALS, link.allowOriginals())
                        .set(Links.SHOW_LOCATION, link.showLocation())
                        .set(Links.CREATED_AT, utc(link.createdAt()))
                        .set(Links.REVOKED_AT, utc(link.revokedAt()))
                        .set(Links.VIEWS, 0L)
                        .set(Links.FAILED_GUESSES, 0)
                        .set(Links.LAST_FAILED_GUESS_AT, (LocalDateTime) null)
                        .set(Links.VERSION, 1L)
                        .execute();
                return new ShareLink(link.id(), link.albumId(), link.ownerId(), link.tokenHash(), link.expiresAt(),
                        link.passwordHash(), link.allowOriginals(), link.showLocation(), link.createdAt(),
                        link.revokedAt(), 0, 0, Optional.empty(), 1);
            });
        } catch (RuntimeException e) {
            if (!(e instanceof NotFoundException) && SqlErrors.isConstraintViolation(e)) {
                throw new ConflictException("share link " + link.id() + " or its token hash already exists");
            }
            throw db.translate("create a share link", e);
        }
    }

    @Override
    public Optional<ShareLink> findLink(UserId owner, ShareLinkId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        return db.call("find a share link", dsl -> dsl.select(Links.ALL).from(Links.TABLE)
                .where(Links.ID.eq(id.value()).and(Links.OWNER_ID.eq(owner.value())))
                .fetchOptional(JdbcShareRepository::toLink));
    }

    @Override
    public Optional<ShareLink> findLinkByToken(String tokenHash) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        return db.call("find a share link", dsl -> dsl.select(Links.ALL).from(Links.TABLE)
                .where(Links.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(JdbcShareRepository::toLink));
    }

    @Override
    public Slice<ShareLink> listLinks(UserId owner, AlbumId album, int limit, Optional<String> after) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(album, "album");
        Db.checkLimit(limit);
        Optional<UUID> position = Db.position(after);
        Condition where = Links.OWNER_ID.eq(owner.value()).and(Links.ALBUM_ID.eq(album.value()));
        if (position.isPresent()) {
            where = where.and(Links.ID.lt(position.get()));
        }
        Condition query = where;
        List<ShareLink> rows = db.call("list the links of an album", dsl -> dsl.select(Links.ALL).from(Links.TABLE)
                .where(query).orderBy(Links.ID.desc()).limit(limit + 1)
                .fetch(JdbcShareRepository::toLink));
        return Db.slice(rows, limit, l -> l.id().value());
    }

    @Override
    public ShareLink updateLink(ShareLink link) {
        Objects.requireNonNull(link, "link");
        return db.inTransaction("update a share link", dsl -> {
            Condition mine = Links.ID.eq(link.id().value()).and(Links.OWNER_ID.eq(link.ownerId().value()));
            int updated = dsl.update(Links.TABLE)
                    .set(Links.EXPIRES_AT, utc(link.expiresAt()))
                    .set(Links.PASSWORD_HASH, link.passwordHash().orElse(null))
                    .set(Links.ALLOW_ORIGINALS, link.allowOriginals())
                    .set(Links.SHOW_LOCATION, link.showLocation())
                    .set(Links.REVOKED_AT, utc(link.revokedAt()))
                    .set(Links.VERSION, Links.VERSION.plus(1))
                    .where(mine.and(Links.VERSION.eq(link.version())))
                    .execute();
            Optional<ShareLink> stored = dsl.select(Links.ALL).from(Links.TABLE).where(mine)
                    .fetchOptional(JdbcShareRepository::toLink);
            if (stored.isEmpty()) {
                throw new NotFoundException("share link", link.id());
            }
            if (updated == 0) {
                throw new ConcurrentModificationException("share link " + link.id() + " changed meanwhile");
            }
            return stored.get();
        });
    }

    @Override
    public void countView(ShareLinkId id) {
        Objects.requireNonNull(id, "id");
        db.call("count a view", dsl -> dsl.update(Links.TABLE).set(Links.VIEWS, Links.VIEWS.plus(1))
                .where(Links.ID.eq(id.value())).execute());
    }

    @Override
    public boolean takeGuess(ShareLinkId id, int max, Instant now, Instant lockedBefore) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lockedBefore, "lockedBefore");
        return db.call("take a password guess", dsl -> {
            // Under the limit: one more. At it, but the last wrong guess is older than the lock: start again at one.
            int counted = dsl.update(Links.TABLE)
                    .set(Links.FAILED_GUESSES, Links.FAILED_GUESSES.plus(1))
                    .set(Links.LAST_FAILED_GUESS_AT, utc(now))
                    .where(Links.ID.eq(id.value()).and(Links.FAILED_GUESSES.lt(max)))
                    .execute();
            if (counted == 1) {
                return true;
            }
            return dsl.update(Links.TABLE)
                    .set(Links.FAILED_GUESSES, 1)
                    .set(Links.LAST_FAILED_GUESS_AT, utc(now))
                    .where(Links.ID.eq(id.value()).and(Links.FAILED_GUESSES.ge(max))
                            .and(Links.LAST_FAILED_GUESS_AT.isNull().or(Links.LAST_FAILED_GUESS_AT.lt(utc(lockedBefore)))))
                    .execute() == 1;
        });
    }

    @Override
    public void clearGuesses(ShareLinkId id) {
        Objects.requireNonNull(id, "id");
        db.call("clear password guesses", dsl -> dsl.update(Links.TABLE).set(Links.FAILED_GUESSES, 0)
                .where(Links.ID.eq(id.value())).execute());
    }

    @Override
    public void removeAlbum(UserId owner, AlbumId album) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(album, "album");
        db.inTransaction("remove an album's shares", dsl -> {
            dsl.deleteFrom(Members.TABLE)
                    .where(Members.OWNER_ID.eq(owner.value()).and(Members.ALBUM_ID.eq(album.value()))).execute();
            return dsl.deleteFrom(Links.TABLE)
                    .where(Links.OWNER_ID.eq(owner.value()).and(Links.ALBUM_ID.eq(album.value()))).execute();
        });
    }

    /** @throws NotFoundException unless the owner's album exists and is not being deleted; locks its row */
    private static void requireOpen(DSLContext dsl, UserId owner, AlbumId album) {
        if (AlbumRows.lock(dsl, owner.value(), album.value()).filter(s -> s == AlbumRows.State.OPEN).isEmpty()) {
            throw new NotFoundException("album", album);
        }
    }

    private static Condition memberKey(AlbumId album, UserId member) {
        return Members.ALBUM_ID.eq(album.value()).and(Members.MEMBER_ID.eq(member.value()));
    }

    private static AlbumMember toMember(Record row) {
        return new AlbumMember(new AlbumId(row.get(Members.ALBUM_ID)), new UserId(row.get(Members.OWNER_ID)),
                new UserId(row.get(Members.MEMBER_ID)), AlbumRole.valueOf(row.get(Members.ROLE)),
                row.get(Members.ORIGINALS), instant(row.get(Members.CREATED_AT)), instant(row.get(Members.UPDATED_AT)));
    }

    private static ShareLink toLink(Record row) {
        return new ShareLink(new ShareLinkId(row.get(Links.ID)), new AlbumId(row.get(Links.ALBUM_ID)),
                new UserId(row.get(Links.OWNER_ID)), row.get(Links.TOKEN_HASH), optionalInstant(row.get(Links.EXPIRES_AT)),
                Optional.ofNullable(row.get(Links.PASSWORD_HASH)), row.get(Links.ALLOW_ORIGINALS),
                row.get(Links.SHOW_LOCATION), instant(row.get(Links.CREATED_AT)),
                optionalInstant(row.get(Links.REVOKED_AT)), row.get(Links.VIEWS), row.get(Links.FAILED_GUESSES),
                optionalInstant(row.get(Links.LAST_FAILED_GUESS_AT)), row.get(Links.VERSION));
    }
}
