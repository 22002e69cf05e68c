package dev.gallerykit.benchmarks;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.unquotedName;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.domain.GeoPoint;
import dev.gallerykit.domain.ImageMetadata;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.TakenAt;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.TextMatch;
import dev.gallerykit.domain.UserId;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.InsertValuesStep7;
import org.jooq.InsertValuesStep8;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Plain jOOQ on the tables that gallery-jdbc's Flyway migrations made: the same columns, WHERE, ORDER BY and
 * LIMIT as the adapter, and the same transactions and checks where they buy a guarantee (the album row
 * locked while a photo goes into it; an update conditional on the version; a photo's row and child rows
 * read as one version). Results are jOOQ records, as a hand-writer would use them.
 */
final class RawJdbcPhotos implements RawPhotos {

    private static final DataType<UUID> ID_TYPE = SQLDataType.UUID;
    private static final DataType<LocalDateTime> TIME = SQLDataType.LOCALDATETIME(6);

    private static final Table<Record> ALBUM = table(unquotedName("gallery_album"));
    private static final Field<UUID> ALBUM_ID = field(unquotedName("gallery_album", "id"), ID_TYPE);
    private static final Field<UUID> ALBUM_OWNER = field(unquotedName("gallery_album", "owner_id"), ID_TYPE);
    private static final Field<Boolean> ALBUM_DELETING = field(unquotedName("gallery_album", "deleting"), SQLDataType.BOOLEAN);

    private static final Table<Record> PHOTO = table(unquotedName("gallery_photo"));
    private static final Field<UUID> ID = photo("id", ID_TYPE);
    private static final Field<UUID> OWNER = photo("owner_id", ID_TYPE);
    private static final Field<UUID> ALBUM_OF = photo("album_id", ID_TYPE);
    private static final Field<UUID> UPLOADER = photo("uploader_id", ID_TYPE);
    private static final Field<String> TITLE = photo("title", SQLDataType.VARCHAR);
    private static final Field<String> DESCRIPTION = photo("description", SQLDataType.VARCHAR);
    private static final Field<String> TITLE_FOLD = photo("title_fold", SQLDataType.VARCHAR);
    private static final Field<String> DESCRIPTION_FOLD = photo("description_fold", SQLDataType.VARCHAR);
    private static final Field<String> FILE_NAME = photo("original_file_name", SQLDataType.VARCHAR);
    private static final Field<String> CONTENT_TYPE = photo("content_type", SQLDataType.VARCHAR);
    private static final Field<Long> SIZE = photo("size_bytes", SQLDataType.BIGINT);
    private static final Field<String> SHA256 = photo("sha256", SQLDataType.VARCHAR);
    private static final Field<Integer> WIDTH = photo("width", SQLDataType.INTEGER);
    private static final Field<Integer> HEIGHT = photo("height", SQLDataType.INTEGER);
    private static final Field<Integer> ORIENTATION = photo("orientation", SQLDataType.INTEGER);
    private static final Field<LocalDateTime> TAKEN_AT = photo("taken_at", TIME);
    private static final Field<Integer> TAKEN_OFFSET = photo("taken_offset_seconds", SQLDataType.INTEGER);
    private static final Field<String> MAKE = photo("camera_make", SQLDataType.VARCHAR);
    private static final Field<String> MODEL = photo("camera_model", SQLDataType.VARCHAR);
    private static final Field<String> LENS = photo("lens", SQLDataType.VARCHAR);
    private static final Field<Double> FOCAL_LENGTH = photo("focal_length", SQLDataType.DOUBLE);
    private static final Field<Double> APERTURE = photo("aperture", SQLDataType.DOUBLE);
    private static final Field<Double> EXPOSURE = photo("exposure_time", SQLDataType.DOUBLE);
    private static final Field<Integer> ISO = photo("iso", SQLDataType.INTEGER);
    private static final Field<Double> LATITUDE = photo("latitude", SQLDataType.DOUBLE);
    private static final Field<Double> LONGITUDE = photo("longitude", SQLDataType.DOUBLE);
    private static final Field<Double> ALTITUDE = photo("altitude", SQLDataType.DOUBLE);
    private static final Field<String> STATUS = photo("processing_status", SQLDataType.VARCHAR);
    private static final Field<Integer> ATTEMPTS = photo("processing_attempts", SQLDataType.INTEGER);
    private static final Field<String> REASON = photo("processing_reason", SQLDataType.VARCHAR);
    private static final Field<LocalDateTime> CREATED = photo("created_at", TIME);
    private static final Field<LocalDateTime> UPDATED = photo("updated_at", TIME);
    private static final Field<Long> VERSION = photo("version", SQLDataType.BIGINT);

    /** What a photo read returns: every column but the search folds and the content claim. */
    private static final List<Field<?>> READ = List.of(ID, OWNER, ALBUM_OF, UPLOADER, TITLE, DESCRIPTION, FILE_NAME,
            CONTENT_TYPE, SIZE, SHA256, WIDTH, HEIGHT, ORIENTATION, TAKEN_AT, TAKEN_OFFSET, MAKE, MODEL, LENS,
            FOCAL_LENGTH, APERTURE, EXPOSURE, ISO, LATITUDE, LONGITUDE, ALTITUDE, STATUS, ATTEMPTS, REASON, CREATED,
            UPDATED, VERSION);

    private static final Table<Record> TAG = table(unquotedName("gallery_photo_tag"));
    private static final Field<UUID> TAG_PHOTO = field(unquotedName("gallery_photo_tag", "photo_id"), ID_TYPE);
    private static final Field<Integer> TAG_SEQ = field(unquotedName("gallery_photo_tag", "seq"), SQLDataType.INTEGER);
    private static final Field<String> TAG_VALUE = field(unquotedName("gallery_photo_tag", "tag"), SQLDataType.VARCHAR);
    private static final Field<String> TAG_SOURCE = field(unquotedName("gallery_photo_tag", "source"), SQLDataType.VARCHAR);
    private static final Field<Double> TAG_CONFIDENCE = field(unquotedName("gallery_photo_tag", "confidence"),
            SQLDataType.DOUBLE);
    private static final Field<UUID> TAG_OWNER = field(unquotedName("gallery_photo_tag", "owner_id"), ID_TYPE);
    private static final Field<String> TAG_KEY = field(unquotedName("gallery_photo_tag", "tag_key"), SQLDataType.VARCHAR);

    private static final Table<Record> DERIVATIVE = table(unquotedName("gallery_photo_derivative"));
    private static final Field<UUID> D_PHOTO = derivative("photo_id", ID_TYPE);
    private static final Field<Integer> D_SEQ = derivative("seq", SQLDataType.INTEGER);
    private static final Field<String> D_NAME = derivative("name", SQLDataType.VARCHAR);
    private static final Field<String> D_KEY = derivative("blob_key", SQLDataType.VARCHAR);
    private static final Field<String> D_TYPE = derivative("content_type", SQLDataType.VARCHAR);
    private static final Field<Long> D_SIZE = derivative("size_bytes", SQLDataType.BIGINT);
    private static final Field<Integer> D_WIDTH = derivative("width", SQLDataType.INTEGER);
    private static final Field<Integer> D_HEIGHT = derivative("height", SQLDataType.INTEGER);

    /** A photo's row with its tag and derivative rows, in their order. */
    record Row(Record photo, List<? extends Record> tags, List<? extends Record> derivatives) {
    }

    private final DSLContext dsl;
    private final boolean h2;

    RawJdbcPhotos(DataSource dataSource, SQLDialect dialect) {
        // Execute logging off, as the adapter has it: it costs a listener per statement even when nothing logs.
        this.dsl = DSL.using(dataSource, dialect, new Settings().withExecuteLogging(false));
        this.h2 = dialect == SQLDialect.H2;
    }

    private static <T> Field<T> photo(String column, DataType<T> type) {
        return field(unquotedName("gallery_photo", column), type);
    }

    private static <T> Field<T> derivative(String column, DataType<T> type) {
        return field(unquotedName("gallery_photo_derivative", column), type);
    }

    @Override
    public void seed(List<Photo> photos) {
        for (int from = 0; from < photos.size(); from += 100) {
            List<Photo> chunk = photos.subList(from, Math.min(photos.size(), from + 100));
            dsl.transaction(configuration -> {
                DSLContext tx = configuration.dsl();
                List<Query> queries = new ArrayList<>();
                chunk.forEach(photo -> queries.add(insertRow(tx, photo)));
                chunk.forEach(photo -> queries.add(
                        insertTags(tx, photo.ownerId().value(), photo.id().value(), photo.tags())));
                chunk.forEach(photo -> queries.add(insertDerivatives(tx, photo)));
                tx.batch(queries).execute();
            });
        }
    }

    @Override
    public Row get(UserId owner, PhotoId id) {
        List<Row> rows = consistently(tx -> read(tx, OWNER.eq(owner.value()).and(ID.eq(id.value())), 1));
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Override
    public void save(Photo photo) {
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            // The album row held until commit, so that an album being deleted takes no photo in.
            Boolean deleting = tx.select(ALBUM_DELETING).from(ALBUM)
                    .where(ALBUM_OWNER.eq(photo.ownerId().value()).and(ALBUM_ID.eq(photo.albumId().value())))
                    .forUpdate()
                    .fetchOne(ALBUM_DELETING);
            if (deleting == null || deleting) {
                throw new IllegalStateException("album " + photo.albumId() + " is not open");
            }
            insertRow(tx, photo).execute();
            insertTags(tx, photo.ownerId().value(), photo.id().value(), photo.tags()).execute();
            insertDerivatives(tx, photo).execute();
        });
    }

    @Override
    public long updateTags(UserId owner, PhotoId id, long version, List<Tag> tags, Instant at) {
        long next = version + 1;
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            int rows = tx.update(PHOTO)
                    .set(UPDATED, LocalDateTime.ofInstant(at, ZoneOffset.UTC))
                    .set(VERSION, next)
                    .where(OWNER.eq(owner.value()).and(ID.eq(id.value())).and(VERSION.eq(version)))
                    .execute();
            if (rows == 0) {
                throw new IllegalStateException("photo " + id + " is not at version " + version);
            }
            tx.deleteFrom(TAG).where(TAG_PHOTO.eq(id.value())).execute();
            insertTags(tx, owner.value(), id.value(), tags).execute();
        });
        return next;
    }

    /** The position is the last photo id of the page before: the next page is the ids below it. */
    @Override
    public Page pageAfter(UserId owner, AlbumId album, int limit, Object position) {
        Condition where = OWNER.eq(owner.value()).and(ALBUM_OF.eq(album.value()));
        Condition condition = position == null ? where : where.and(ID.lt((UUID) position));
        List<Row> rows = consistently(tx -> read(tx, condition, limit + 1));
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        return new Page(rows.subList(0, limit), rows.get(limit - 1).photo().get(ID));
    }

    @Override
    public Object positionAfter(UserId owner, AlbumId album, PhotoId last) {
        return last.value();
    }

    @Override
    public PhotoId idOf(Object item) {
        return new PhotoId(((Row) item).photo().get(ID));
    }

    /**
     * As the adapter reads: on H2, whose MVStore makes a commit visible table by table, in one REPEATABLE READ
     * transaction; on the servers as they are, with the rows' versions read again after their children.
     */
    private <T> T consistently(Function<DSLContext, T> reads) {
        if (!h2) {
            return reads.apply(dsl);
        }
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            tx.connection(connection -> connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ));
            return reads.apply(tx);
        });
    }

    /**
     * The rows newest first, their tags and derivatives, then their versions again: a version that moved means
     * children of another version may have been read, and the read goes again.
     */
    private List<Row> read(DSLContext tx, org.jooq.Condition where, int limit) {
        while (true) {
            List<Record> photos = tx.select(READ).from(PHOTO).where(where).orderBy(ID.desc()).limit(limit).fetch();
            if (photos.isEmpty()) {
                return List.of();
            }
            List<UUID> ids = new ArrayList<>(photos.size());
            Map<UUID, Long> versions = new HashMap<>();
            for (Record photo : photos) {
                ids.add(photo.get(ID));
                versions.put(photo.get(ID), photo.get(VERSION));
            }
            var tags = tx.select(TAG_PHOTO, TAG_VALUE, TAG_SOURCE, TAG_CONFIDENCE).from(TAG)
                    .where(TAG_PHOTO.in(ids)).orderBy(TAG_PHOTO, TAG_SEQ).fetchGroups(TAG_PHOTO);
            var derivatives = tx.select(D_PHOTO, D_NAME, D_KEY, D_TYPE, D_SIZE, D_WIDTH, D_HEIGHT)
                    .from(DERIVATIVE).where(D_PHOTO.in(ids)).orderBy(D_PHOTO, D_SEQ).fetchGroups(D_PHOTO);
            Map<UUID, Long> now = tx.select(ID, VERSION).from(PHOTO).where(ID.in(ids)).fetchMap(ID, VERSION);
            if (now.equals(versions)) {
                List<Row> rows = new ArrayList<>(photos.size());
                for (Record photo : photos) {
                    List<? extends Record> ofTags = tags.get(photo.get(ID));
                    List<? extends Record> ofDerivatives = derivatives.get(photo.get(ID));
                    rows.add(new Row(photo, ofTags == null ? List.of() : ofTags,
                            ofDerivatives == null ? List.of() : ofDerivatives));
                }
                return rows;
            }
        }
    }

    private static Query insertRow(DSLContext tx, Photo photo) {
        ImageMetadata m = photo.metadata();
        Dimensions size = m.dimensions().orElse(null);
        TakenAt taken = m.takenAt().orElse(null);
        GeoPoint location = m.location().orElse(null);
        return tx.insertInto(PHOTO)
                .set(ID, photo.id().value())
                .set(OWNER, photo.ownerId().value())
                .set(ALBUM_OF, photo.albumId().value())
                .set(UPLOADER, photo.uploaderId().value())
                .set(TITLE, photo.title())
                .set(DESCRIPTION, photo.description())
                .set(TITLE_FOLD, TextMatch.fold(photo.title()))
                .set(DESCRIPTION_FOLD, TextMatch.fold(photo.description()))
                .set(FILE_NAME, photo.originalFileName())
                .set(CONTENT_TYPE, photo.contentType())
                .set(SIZE, photo.size())
                .set(SHA256, photo.sha256())
                .set(WIDTH, size == null ? null : size.width())
                .set(HEIGHT, size == null ? null : size.height())
                .set(ORIENTATION, m.orientation())
                .set(TAKEN_AT, taken == null ? null : taken.local())
                .set(TAKEN_OFFSET, taken == null ? null : taken.offset().map(ZoneOffset::getTotalSeconds).orElse(null))
                .set(MAKE, m.cameraMake().orElse(null))
                .set(MODEL, m.cameraModel().orElse(null))
                .set(LENS, m.lens().orElse(null))
                .set(FOCAL_LENGTH, m.focalLength().orElse(null))
                .set(APERTURE, m.aperture().orElse(null))
                .set(EXPOSURE, m.exposureTime().orElse(null))
                .set(ISO, m.iso().orElse(null))
                .set(LATITUDE, location == null ? null : location.latitude())
                .set(LONGITUDE, location == null ? null : location.longitude())
                .set(ALTITUDE, location == null ? null : location.altitude().orElse(null))
                .set(STATUS, photo.processing().status().name())
                .set(ATTEMPTS, photo.processing().attempts())
                .set(REASON, photo.processing().reason().orElse(null))
                .set(CREATED, LocalDateTime.ofInstant(photo.createdAt(), ZoneOffset.UTC))
                .set(UPDATED, LocalDateTime.ofInstant(photo.updatedAt(), ZoneOffset.UTC))
                .set(VERSION, photo.version());
    }

    /** The schema's tag rows: the owner on each, the value again on its first row of the photo (the search key). */
    private static Query insertTags(DSLContext tx, UUID owner, UUID photo, List<Tag> tags) {
        InsertValuesStep7<Record, UUID, Integer, String, String, Double, UUID, String> insert =
                tx.insertInto(TAG, TAG_PHOTO, TAG_SEQ, TAG_VALUE, TAG_SOURCE, TAG_CONFIDENCE, TAG_OWNER, TAG_KEY);
        Set<String> keyed = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            Tag tag = tags.get(i);
            insert = insert.values(photo, i, tag.value(), tag.source().name(), tag.confidence().orElse(null), owner,
                    keyed.add(tag.value()) ? tag.value() : null);
        }
        return insert;
    }

    private static Query insertDerivatives(DSLContext tx, Photo photo) {
        InsertValuesStep8<Record, UUID, Integer, String, String, String, Long, Integer, Integer> insert =
                tx.insertInto(DERIVATIVE, D_PHOTO, D_SEQ, D_NAME, D_KEY, D_TYPE, D_SIZE, D_WIDTH, D_HEIGHT);
        for (int i = 0; i < photo.derivatives().size(); i++) {
            Derivative d = photo.derivatives().get(i);
            Dimensions size = d.dimensions().orElse(null);
            insert = insert.values(photo.id().value(), i, d.name(), d.blobKey(), d.contentType(), d.size(),
                    size == null ? null : size.width(), size == null ? null : size.height());
        }
        return insert;
    }
}
