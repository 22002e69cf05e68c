package dev.gallerykit.jdbc;

import static dev.gallerykit.jdbc.Db.instant;
import static dev.gallerykit.jdbc.Db.utc;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.TextMatch;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.jdbc.Schema.Albums;
import dev.gallerykit.jdbc.Schema.Photos;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.Slice;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * An {@link AlbumRepository} on SQL. Lists are keyset pages over the index on (owner, id): ids are
 * time-ordered, so {@code ORDER BY id DESC} is newest first and a page never shifts when albums
 * are added. The owner is a plain id, not a foreign key: users may live in another store.
 * Get one from {@link JdbcRepositories#albums()}.
 */
final class JdbcAlbumRepository implements AlbumRepository {

    private final Db db;

    JdbcAlbumRepository(Db db) {
        this.db = db;
    }

    @Override
    public Album create(Album album) {
        Objects.requireNonNull(album, "album");
        Album stored = album.withVersion(1);
        try {
            db.dsl.insertInto(Albums.TABLE)
                    .set(Albums.ID, stored.id().value())
                    .set(Albums.OWNER_ID, stored.ownerId().value())
                    .set(Albums.NAME, stored.name())
                    .set(Albums.DESCRIPTION, stored.description())
                    .set(Albums.NAME_FOLD, TextMatch.fold(stored.name()))
                    .set(Albums.DESCRIPTION_FOLD, TextMatch.fold(stored.description()))
                    .set(Albums.COVER_PHOTO_ID, stored.cover().map(PhotoId::value).orElse(null))
                    .set(Albums.CREATED_AT, utc(stored.createdAt()))
                    .set(Albums.UPDATED_AT, utc(stored.updatedAt()))
                    .set(Albums.VERSION, stored.version())
                    .execute();
            return stored;
        } catch (RuntimeException e) {
            if (SqlErrors.isConstraintViolation(e)) {
                throw new ConflictException("album " + album.id() + " already exists");
            }
            throw db.translate("create an album", e);
        }
    }

    @Override
    public Optional<Album> find(UserId owner, AlbumId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        return db.call("find an album", dsl -> dsl.select(Albums.ALL).from(Albums.TABLE)
                .where(Albums.OWNER_ID.eq(owner.value()).and(Albums.ID.eq(id.value())))
                .fetchOptional(JdbcAlbumRepository::toAlbum));
    }

    @Override
    public Album update(Album album) {
        Objects.requireNonNull(album, "album");
        int updated = db.call("update an album", dsl -> write(dsl, album));
        if (updated == 0) {
            throw whyNotWritten(album, db.call("find an album", dsl -> state(dsl, album)));
        }
        return album.withVersion(album.version() + 1);
    }

    @Override
    public Album setCover(Album album) {
        Objects.requireNonNull(album, "album");
        PhotoId cover = album.cover().orElseThrow(() -> new IllegalArgumentException("the album has no cover"));
        UUID owner = album.ownerId().value();
        db.inTransaction("set an album's cover", dsl -> {
            // The album row first, then the photo's: the order every photo write locks them in.
            Optional<AlbumRows.State> state = AlbumRows.lock(dsl, owner, album.id().value());
            if (state.isEmpty() || state.get() == AlbumRows.State.DELETING) {
                throw new NotFoundException("album", album.id());
            }
            boolean inAlbum = dsl.select(Photos.ID).from(Photos.TABLE)
                    .where(Photos.OWNER_ID.eq(owner).and(Photos.ID.eq(cover.value()))
                            .and(Photos.ALBUM_ID.eq(album.id().value())))
                    .forUpdate().fetchOptional().isPresent();
            if (!inAlbum) {
                throw new NotFoundException("photo", cover + " in album " + album.id());
            }
            if (write(dsl, album) == 0) {
                throw new ConcurrentModificationException("album", album.id(), album.version());
            }
            return null;
        });
        return album.withVersion(album.version() + 1);
    }

    @Override
    public boolean markDeleting(UserId owner, AlbumId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        return db.call("mark an album as being deleted", dsl -> dsl.update(Albums.TABLE)
                .set(Albums.DELETING, true)
                .set(Albums.COVER_PHOTO_ID, (UUID) null)
                .set(Albums.VERSION, Albums.VERSION.plus(1))
                .where(Albums.OWNER_ID.eq(owner.value()).and(Albums.ID.eq(id.value())))
                .execute()) > 0;
    }

    /** Writes the album if its version matches and it is not being deleted; the rows written. */
    private static int write(DSLContext dsl, Album album) {
        return dsl.update(Albums.TABLE)
                .set(Albums.NAME, album.name())
                .set(Albums.DESCRIPTION, album.description())
                .set(Albums.NAME_FOLD, TextMatch.fold(album.name()))
                .set(Albums.DESCRIPTION_FOLD, TextMatch.fold(album.description()))
                .set(Albums.COVER_PHOTO_ID, album.cover().map(PhotoId::value).orElse(null))
                .set(Albums.CREATED_AT, utc(album.createdAt()))
                .set(Albums.UPDATED_AT, utc(album.updatedAt()))
                .set(Albums.VERSION, album.version() + 1)
                .where(Albums.OWNER_ID.eq(album.ownerId().value())
                        .and(Albums.ID.eq(album.id().value()))
                        .and(Albums.VERSION.eq(album.version()))
                        .and(Albums.DELETING.isFalse()))
                .execute();
    }

    private static Optional<AlbumRows.State> state(DSLContext dsl, Album album) {
        return dsl.select(Albums.DELETING).from(Albums.TABLE)
                .where(Albums.OWNER_ID.eq(album.ownerId().value()).and(Albums.ID.eq(album.id().value())))
                .fetchOptional(Albums.DELETING)
                .map(deleting -> deleting ? AlbumRows.State.DELETING : AlbumRows.State.OPEN);
    }

    private static RuntimeException whyNotWritten(Album album, Optional<AlbumRows.State> state) {
        if (state.isPresent() && state.get() == AlbumRows.State.OPEN) {
            return new ConcurrentModificationException("album", album.id(), album.version());
        }
        return new NotFoundException("album", album.id());
    }

    @Override
    public Slice<Album> list(UserId owner, int limit, Optional<String> after) {
        return page(owner, DSL.noCondition(), limit, after);
    }

    @Override
    public Slice<Album> search(UserId owner, String text, int limit, Optional<String> after) {
        Objects.requireNonNull(text, "text");
        String pattern = Db.containsPattern(TextMatch.fold(text));
        return page(owner, Albums.NAME_FOLD.like(pattern, Db.LIKE_ESCAPE)
                .or(Albums.DESCRIPTION_FOLD.like(pattern, Db.LIKE_ESCAPE)), limit, after);
    }

    private Slice<Album> page(UserId owner, Condition filter, int limit, Optional<String> after) {
        Objects.requireNonNull(owner, "owner");
        Db.checkLimit(limit);
        Optional<UUID> position = Db.position(after);
        Condition where = Albums.OWNER_ID.eq(owner.value()).and(filter);
        if (position.isPresent()) {
            where = where.and(Albums.ID.lt(position.get()));
        }
        Condition condition = where;
        return db.call("list albums", dsl -> Db.slice(dsl.select(Albums.ALL).from(Albums.TABLE).where(condition)
                .orderBy(Albums.ID.desc()).limit(limit + 1)
                .fetch(JdbcAlbumRepository::toAlbum), limit, album -> album.id().value()));
    }

    @Override
    public void delete(UserId owner, AlbumId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        try {
            db.dsl.deleteFrom(Albums.TABLE)
                    .where(Albums.OWNER_ID.eq(owner.value()).and(Albums.ID.eq(id.value())))
                    .execute();
        } catch (RuntimeException e) {
            if (SqlErrors.isConstraintViolation(e)) {
                throw new ConflictException("album " + id + " still has photos; delete them first");
            }
            throw db.translate("delete an album", e);
        }
    }

    private static Album toAlbum(Record row) {
        return new Album(
                new AlbumId(row.get(Albums.ID)),
                new UserId(row.get(Albums.OWNER_ID)),
                row.get(Albums.NAME),
                row.get(Albums.DESCRIPTION),
                Optional.ofNullable(row.get(Albums.COVER_PHOTO_ID)).map(PhotoId::new),
                instant(row.get(Albums.CREATED_AT)),
                instant(row.get(Albums.UPDATED_AT)),
                row.get(Albums.VERSION));
    }
}
