package dev.gallerykit.jdbc;

import static dev.gallerykit.jdbc.Db.utc;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.GeoBox;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.TextMatch;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.DuplicatePhotoException;
import dev.gallerykit.error.GalleryException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.jdbc.Schema.Albums;
import dev.gallerykit.jdbc.Schema.Derivatives;
import dev.gallerykit.jdbc.Schema.IdHolds;
import dev.gallerykit.jdbc.Schema.Photos;
import dev.gallerykit.jdbc.Schema.Tags;
import dev.gallerykit.spi.PhotoClaims;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.Slice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableLike;
import org.jooq.impl.DSL;

/**
 * A {@link PhotoRepository} on SQL. The photo and its EXIF fields are one row (latitude, longitude
 * and taken-at are searched, the rest is kept beside them); tags and derivatives are child rows in
 * list order. Searches are one SQL query with every criterion bound, meaning exactly what
 * {@link PhotoQuery#matches} means. Every photo belongs to a stored album of the same owner (a
 * foreign key on (owner, album)); creating one in a missing album is a {@link NotFoundException}.
 * {@link PhotoClaims} are constraints of the same transaction: the content claim is a column under a
 * unique index on (owner, claim), so it goes with its row; held ids are rows of a table of their own.
 * Get one from {@link JdbcRepositories#photos()}.
 */
final class JdbcPhotoRepository implements PhotoRepository {

    /** Ids per {@code IN (...)} list: well under every database's bind-variable limit. */
    private static final int CHUNK = 500;
    /** Tries of a delete whose photo moves to another album between reading and deleting it. */
    private static final int MOVE_RETRIES = 5;
    /** Tries of a create whose claims changed under it (a deadlock, or a holder deleted meanwhile). */
    private static final int RETRIES = 3;

    private final Db db;

    JdbcPhotoRepository(Db db) {
        this.db = db;
    }

    @Override
    public Photo create(Photo photo, PhotoClaims claims) {
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(claims, "claims");
        Photo stored = photo.toBuilder().version(1).build();
        for (int attempt = 1; ; attempt++) {
            try {
                insert(stored, claims);
                return stored;
            } catch (RuntimeException e) {
                GalleryException failure = SqlErrors.isConstraintViolation(e)
                        ? refusal(stored, claims).orElse(null)
                        : db.translate("create a photo", e);
                // A deadlock between racing inserts of one unique key rolled this transaction back whole,
                // and a claim whose holder was deleted meanwhile is free now: both may simply go again.
                boolean again = failure == null || failure instanceof ConcurrentModificationException;
                if (!again) {
                    throw failure;
                }
                if (attempt == RETRIES) {
                    throw failure != null ? failure : new ConcurrentModificationException(
                            "could not create photo " + photo.id() + ": its claims kept changing");
                }
            }
        }
    }

    /**
     * The photo row (with its content claim, when asked: the unique index decides between racing
     * writers), its children and the id hold, in one transaction that holds the album row.
     */
    private void insert(Photo stored, PhotoClaims claims) {
        db.dsl.transaction(configuration -> {
            DSLContext dsl = configuration.dsl();
            // Holding the album row until commit keeps markDeleting from passing this insert unseen.
            if (AlbumRows.lock(dsl, stored.ownerId().value(), stored.albumId().value())
                    .filter(state -> state == AlbumRows.State.OPEN).isEmpty()) {
                throw new NotFoundException("album", stored.albumId());
            }
            if (claims.idHeldUntil().isPresent()) {
                dsl.insertInto(IdHolds.TABLE)
                        .set(IdHolds.ID, stored.id().value())
                        .set(IdHolds.OWNER_ID, stored.ownerId().value())
                        .set(IdHolds.HELD_UNTIL, utc(claims.idHeldUntil().get()))
                        .execute();
            }
            dsl.insertInto(Photos.TABLE)
                    .set(Photos.ID, stored.id().value())
                    .set(Photos.OWNER_ID, stored.ownerId().value())
                    .set(PhotoRows.columns(stored))
                    .set(Photos.CONTENT_CLAIM, claims.uniqueContent() ? stored.sha256() : null)
                    .set(Photos.VERSION, stored.version())
                    .execute();
            PhotoRows.insertChildren(dsl, stored);
        });
    }

    /**
     * Which constraint refused the create: the album's foreign key, the id (of a photo, or held), or the
     * content claim; empty when none holds any more (the holder was deleted meanwhile).
     */
    private Optional<GalleryException> refusal(Photo photo, PhotoClaims claims) {
        UUID id = photo.id().value();
        return db.call("find what a photo conflicts with", dsl -> {
            if (!dsl.fetchExists(Albums.TABLE, Albums.OWNER_ID.eq(photo.ownerId().value())
                    .and(Albums.ID.eq(photo.albumId().value())))) {
                return Optional.of(new NotFoundException("album", photo.albumId()));
            }
            if (dsl.fetchExists(Photos.TABLE, Photos.ID.eq(id)) || dsl.fetchExists(IdHolds.TABLE, IdHolds.ID.eq(id))) {
                return Optional.of(new ConflictException("photo " + photo.id() + " already exists"));
            }
            if (claims.uniqueContent()) {
                Optional<UUID> holder = dsl.select(Photos.ID).from(Photos.TABLE)
                        .where(Photos.OWNER_ID.eq(photo.ownerId().value()).and(Photos.CONTENT_CLAIM.eq(photo.sha256())))
                        .fetchOptional(Photos.ID);
                if (holder.isPresent()) {
                    return Optional.of(new DuplicatePhotoException(new PhotoId(holder.get())));
                }
            }
            return Optional.empty();
        });
    }

    @Override
    public Optional<Photo> find(UserId owner, PhotoId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        return db.readConsistently("find a photo", dsl -> PhotoRows.load(dsl, Photos.OWNER_ID.eq(owner.value())
                .and(Photos.ID.eq(id.value())), 1).stream().findFirst());
    }

    @Override
    public Optional<Photo> findBySha256(UserId owner, String sha256) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(sha256, "sha256");
        return db.readConsistently("find a photo", dsl -> PhotoRows.load(dsl, Photos.OWNER_ID.eq(owner.value())
                .and(Photos.SHA256.eq(sha256)), 1).stream().findFirst());
    }

    @Override
    public Photo update(Photo photo) {
        Objects.requireNonNull(photo, "photo");
        Photo updated = photo.toBuilder().version(photo.version() + 1).build();
        try {
            // The common case without reading first: the photo stays in its album. Otherwise (absent,
            // changed meanwhile, or a move) this transaction ends with nothing written, so the next one
            // can lock album rows before the photo row, in the order every photo write keeps.
            if (db.dsl.transactionResult(configuration -> updateChanged(configuration.dsl(), null, updated,
                    photo.albumId().value()))) {
                return updated;
            }
            db.dsl.transaction(configuration -> {
                DSLContext dsl = configuration.dsl();
                UUID owner = photo.ownerId().value();
                Optional<UUID> from = dsl.select(Photos.ALBUM_ID).from(Photos.TABLE)
                        .where(Photos.OWNER_ID.eq(owner).and(Photos.ID.eq(photo.id().value())))
                        .fetchOptional(Photos.ALBUM_ID);
                if (from.isEmpty()) {
                    throw new NotFoundException("photo", photo.id());
                }
                boolean moving = !from.get().equals(photo.albumId().value());
                if (moving) {
                    lockForMove(dsl, photo, from.get());
                }
                if (!updateChanged(dsl, null, updated, from.get())) {
                    if (dsl.fetchExists(Photos.TABLE, Photos.OWNER_ID.eq(owner)
                            .and(Photos.ID.eq(photo.id().value())))) {
                        throw new ConcurrentModificationException("photo", photo.id(), photo.version());
                    }
                    throw new NotFoundException("photo", photo.id());
                }
                if (moving) {
                    AlbumRows.uncover(dsl, owner, from.get(), photo.id().value());
                }
            });
            return updated;
        } catch (RuntimeException e) {
            if (SqlErrors.isConstraintViolation(e) && !albumExists(photo.ownerId(), photo.albumId())) {
                throw new NotFoundException("album", photo.albumId());
            }
            throw db.translate("update a photo", e);
        }
    }

    /**
     * Writes only what differs from {@code current}: the changed columns of the row, and the tag or
     * rendition rows only when that list changed, under the condition of {@link #update(Photo)} (the
     * photo at its version in its album), so a change of tags is one short UPDATE, a DELETE and an
     * INSERT. A move, and a photo that is no longer as read, take the whole path, which tells why.
     */
    @Override
    public Photo update(Photo current, Photo changed) {
        PhotoRepository.requireSameVersion(current, changed);
        if (!current.albumId().equals(changed.albumId())) {
            return update(changed);
        }
        Photo updated = changed.toBuilder().version(changed.version() + 1).build();
        boolean written;
        try {
            written = db.dsl.transactionResult(configuration -> updateChanged(configuration.dsl(), current, updated,
                    current.albumId().value()));
        } catch (RuntimeException e) {
            throw db.translate("update a photo", e);
        }
        return written ? updated : update(changed);
    }

    /**
     * {@code updated} written over the stored photo if that is at {@code updated}'s previous version in
     * {@code album} (where it is now: the source of a move), false otherwise: the columns and child rows of
     * the parts that differ from {@code current}, or all of them when {@code current} is null.
     */
    private static boolean updateChanged(DSLContext dsl, Photo current, Photo updated, UUID album) {
        UUID id = updated.id().value();
        int rows = dsl.update(Photos.TABLE)
                .set(PhotoRows.changes(current, updated))
                .set(Photos.VERSION, updated.version())
                .where(Photos.OWNER_ID.eq(updated.ownerId().value())
                        .and(Photos.ID.eq(id))
                        .and(Photos.ALBUM_ID.eq(album))
                        .and(Photos.VERSION.eq(updated.version() - 1)))
                .execute();
        if (rows == 0) {
            return false;
        }
        if (current == null || !current.tags().equals(updated.tags())) {
            dsl.deleteFrom(Tags.TABLE).where(Tags.PHOTO_ID.eq(id)).execute();
            PhotoRows.insertTags(dsl, updated);
        }
        if (current == null || !current.derivatives().equals(updated.derivatives())) {
            dsl.deleteFrom(Derivatives.TABLE).where(Derivatives.PHOTO_ID.eq(id)).execute();
            PhotoRows.insertDerivatives(dsl, updated);
        }
        return true;
    }

    /**
     * Locks both albums of a move (in id order), refusing a target that is absent or being deleted
     * and a source that is being deleted: the photo is on its way out with it.
     */
    private static void lockForMove(DSLContext dsl, Photo photo, UUID from) {
        UUID owner = photo.ownerId().value();
        UUID to = photo.albumId().value();
        Optional<AlbumRows.State> target = Optional.empty();
        Optional<AlbumRows.State> source = Optional.empty();
        for (UUID album : AlbumRows.inLockOrder(from, to)) {
            Optional<AlbumRows.State> state = AlbumRows.lock(dsl, owner, album);
            if (album.equals(to)) {
                target = state;
            } else {
                source = state;
            }
        }
        if (target.filter(state -> state == AlbumRows.State.OPEN).isEmpty()) {
            throw new NotFoundException("album", photo.albumId());
        }
        if (source.filter(state -> state == AlbumRows.State.DELETING).isPresent()) {
            throw new NotFoundException("photo", photo.id());
        }
    }

    @Override
    public Slice<Photo> listByAlbum(UserId owner, AlbumId album, int limit, Optional<String> after) {
        Objects.requireNonNull(album, "album");
        return page(owner, Photos.ALBUM_ID.eq(album.value()), limit, after);
    }

    @Override
    public Slice<Photo> search(UserId owner, PhotoQuery query, int limit, Optional<String> after) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(query, "query");
        if (query.tags().isEmpty()) {
            return page(owner, matching(owner, query, List.of()), limit, after);
        }
        // A tag search reads the owner's index of one tag in photo order and joins each photo to it, so
        // a page costs its own rows however many photos carry the tag; the other tags are probes of the
        // same index. (An EXISTS against the photo rows let MariaDB read every row of the tag first.)
        List<String> tags = query.tags().stream().sorted().toList();
        Table<Record> byTag = Tags.TABLE.as("by_tag");
        Field<UUID> photo = Tags.in(byTag, Tags.PHOTO_ID);
        Condition filter = Tags.in(byTag, Tags.OWNER_ID).eq(owner.value())
                .and(Tags.in(byTag, Tags.TAG_KEY).eq(tags.get(0)))
                .and(matching(owner, query, tags.subList(1, tags.size())));
        return page(owner, byTag.join(Photos.TABLE).on(Photos.ID.eq(photo)), photo, filter, limit, after);
    }

    @Override
    public void delete(UserId owner, PhotoId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        for (int attempt = 1; ; attempt++) {
            boolean done = db.inTransaction("delete a photo", dsl -> {
                Optional<UUID> album = dsl.select(Photos.ALBUM_ID).from(Photos.TABLE)
                        .where(Photos.OWNER_ID.eq(owner.value()).and(Photos.ID.eq(id.value())))
                        .fetchOptional(Photos.ALBUM_ID);
                if (album.isEmpty()) {
                    return true;
                }
                // The album row first (a concurrent setCover holds it while it checks the photo).
                AlbumRows.lock(dsl, owner.value(), album.get());
                // Tags and derivatives go with their photo (ON DELETE CASCADE).
                int rows = dsl.deleteFrom(Photos.TABLE).where(Photos.OWNER_ID.eq(owner.value())
                        .and(Photos.ID.eq(id.value())).and(Photos.ALBUM_ID.eq(album.get()))).execute();
                if (rows == 0) {
                    return false; // moved meanwhile: read its album again
                }
                AlbumRows.uncover(dsl, owner.value(), album.get(), id.value());
                return true;
            });
            if (done) {
                return;
            }
            if (attempt == MOVE_RETRIES) {
                throw new ConcurrentModificationException("could not delete photo " + id
                        + ": it kept moving between albums");
            }
        }
    }

    @Override
    public void deleteAll(UserId owner, Collection<PhotoId> ids) {
        Objects.requireNonNull(owner, "owner");
        List<UUID> values = ids.stream().map(PhotoId::value).distinct().toList();
        for (int from = 0; from < values.size(); from += CHUNK) {
            List<UUID> chunk = values.subList(from, Math.min(values.size(), from + CHUNK));
            // Tags and derivatives go with their photo (ON DELETE CASCADE).
            db.call("delete photos", dsl -> dsl.deleteFrom(Photos.TABLE)
                    .where(Photos.OWNER_ID.eq(owner.value()).and(Photos.ID.in(chunk)))
                    .execute());
        }
    }

    @Override
    public int removeExpiredHolds(UserId owner, Instant before) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(before, "before");
        return HeldIds.removeExpired(db, owner, before);
    }

    /** {@link PhotoQuery#matches} in SQL, for the tags only the given ones (each a probe of the tag index). */
    private static Condition matching(UserId owner, PhotoQuery query, List<String> tags) {
        List<Condition> conditions = new ArrayList<>();
        query.text().ifPresent(text -> {
            String pattern = Db.containsPattern(TextMatch.fold(text));
            conditions.add(Photos.TITLE_FOLD.like(pattern, Db.LIKE_ESCAPE)
                    .or(Photos.DESCRIPTION_FOLD.like(pattern, Db.LIKE_ESCAPE)));
        });
        for (String tag : tags) {
            conditions.add(DSL.exists(DSL.selectOne().from(Tags.TABLE).where(Tags.OWNER_ID.eq(owner.value())
                    .and(Tags.TAG_KEY.eq(tag)).and(Tags.PHOTO_ID.eq(Photos.ID)))));
        }
        query.takenFrom().ifPresent(from -> conditions.add(Photos.TAKEN_AT.ge(from)));
        query.takenTo().ifPresent(to -> conditions.add(Photos.TAKEN_AT.lt(to)));
        query.box().ifPresent((GeoBox box) -> conditions.add(
                Photos.LATITUDE.between(box.south(), box.north())
                        .and(Photos.LONGITUDE.between(box.west(), box.east()))));
        query.albumId().ifPresent(album -> conditions.add(Photos.ALBUM_ID.eq(album.value())));
        return DSL.and(conditions);
    }

    private Slice<Photo> page(UserId owner, Condition filter, int limit, Optional<String> after) {
        return page(owner, Photos.TABLE, Photos.ID, filter, limit, after);
    }

    /** A page of the owner's photos read from {@code from} newest first by {@code order}, which equals the photo id. */
    private Slice<Photo> page(UserId owner, TableLike<?> from, Field<UUID> order, Condition filter, int limit,
            Optional<String> after) {
        Objects.requireNonNull(owner, "owner");
        Db.checkLimit(limit);
        Optional<UUID> position = Db.position(after);
        Condition where = Photos.OWNER_ID.eq(owner.value()).and(filter);
        if (position.isPresent()) {
            where = where.and(order.lt(position.get()));
        }
        Condition condition = where;
        return db.readConsistently("list photos", dsl -> Db.slice(
                PhotoRows.load(dsl, from, condition, order, limit + 1), limit, photo -> photo.id().value()));
    }

    private boolean albumExists(UserId owner, AlbumId album) {
        return db.call("find an album", dsl -> dsl.fetchExists(Albums.TABLE,
                Albums.OWNER_ID.eq(owner.value()).and(Albums.ID.eq(album.value()))));
    }

}
