package dev.gallerykit.jdbc;

import static dev.gallerykit.jdbc.Db.instant;
import static dev.gallerykit.jdbc.Db.utc;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.domain.GeoPoint;
import dev.gallerykit.domain.ImageMetadata;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.PhotoStatus;
import dev.gallerykit.domain.Processing;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.TagSource;
import dev.gallerykit.domain.TakenAt;
import dev.gallerykit.domain.TextMatch;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.jdbc.Schema.Derivatives;
import dev.gallerykit.jdbc.Schema.Photos;
import dev.gallerykit.jdbc.Schema.Tags;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep7;
import org.jooq.InsertValuesStep8;
import org.jooq.Record;
import org.jooq.TableLike;

/** A photo's rows: the columns of its own row, its tag and derivative rows, and reading them back. */
final class PhotoRows {

    private PhotoRows() {
    }

    /** Every column of a photo's row except its key (owner, id) and its version. */
    static Map<Field<?>, Object> columns(Photo photo) {
        return changes(null, photo);
    }

    /**
     * The columns of {@code photo}'s row whose part of the photo differs from {@code current} (every
     * column when {@code current} is null), except the key and the version: compared part by part, so
     * that a change of tags costs the one column of its time, not a copy of the whole row.
     */
    static Map<Field<?>, Object> changes(Photo current, Photo photo) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        if (current == null || !current.albumId().equals(photo.albumId())) {
            values.put(Photos.ALBUM_ID, photo.albumId().value());
        }
        if (current == null || !current.originalFileName().equals(photo.originalFileName())
                || !current.contentType().equals(photo.contentType()) || current.size() != photo.size()
                || !current.sha256().equals(photo.sha256())) {
            values.put(Photos.ORIGINAL_FILE_NAME, photo.originalFileName());
            values.put(Photos.CONTENT_TYPE, photo.contentType());
            values.put(Photos.SIZE, photo.size());
            values.put(Photos.SHA256, photo.sha256());
        }
        if (current == null || !current.metadata().equals(photo.metadata())) {
            ImageMetadata m = photo.metadata();
            values.put(Photos.WIDTH, m.dimensions().map(Dimensions::width).orElse(null));
            values.put(Photos.HEIGHT, m.dimensions().map(Dimensions::height).orElse(null));
            values.put(Photos.ORIENTATION, m.orientation());
            values.put(Photos.TAKEN_AT, m.takenAt().map(TakenAt::local).orElse(null));
            values.put(Photos.TAKEN_OFFSET, m.takenAt().flatMap(TakenAt::offset).map(ZoneOffset::getTotalSeconds)
                    .orElse(null));
            values.put(Photos.CAMERA_MAKE, m.cameraMake().orElse(null));
            values.put(Photos.CAMERA_MODEL, m.cameraModel().orElse(null));
            values.put(Photos.LENS, m.lens().orElse(null));
            values.put(Photos.FOCAL_LENGTH, m.focalLength().orElse(null));
            values.put(Photos.APERTURE, m.aperture().orElse(null));
            values.put(Photos.EXPOSURE_TIME, m.exposureTime().orElse(null));
            values.put(Photos.ISO, m.iso().orElse(null));
            values.put(Photos.LATITUDE, m.location().map(GeoPoint::latitude).orElse(null));
            values.put(Photos.LONGITUDE, m.location().map(GeoPoint::longitude).orElse(null));
            values.put(Photos.ALTITUDE, m.location().flatMap(GeoPoint::altitude).orElse(null));
        }
        if (current == null || !current.title().equals(photo.title())) {
            values.put(Photos.TITLE, photo.title());
            values.put(Photos.TITLE_FOLD, TextMatch.fold(photo.title()));
        }
        if (current == null || !current.description().equals(photo.description())) {
            values.put(Photos.DESCRIPTION, photo.description());
            values.put(Photos.DESCRIPTION_FOLD, TextMatch.fold(photo.description()));
        }
        if (current == null || !current.createdAt().equals(photo.createdAt())) {
            values.put(Photos.CREATED_AT, utc(photo.createdAt()));
        }
        if (current == null || !current.updatedAt().equals(photo.updatedAt())) {
            values.put(Photos.UPDATED_AT, utc(photo.updatedAt()));
        }
        if (current == null || !current.uploaderId().equals(photo.uploaderId())) {
            values.put(Photos.UPLOADER_ID, photo.uploaderId().value());
        }
        if (current == null || !current.processing().equals(photo.processing())) {
            values.put(Photos.PROCESSING_STATUS, photo.processing().status().name());
            values.put(Photos.PROCESSING_ATTEMPTS, photo.processing().attempts());
            values.put(Photos.PROCESSING_REASON, photo.processing().reason().orElse(null));
        }
        return values;
    }

    /** How often a read starts again because the photos changed while it read them. */
    private static final int READ_TRIES = 20;

    /**
     * The photos matching {@code where}, newest first, with their tags and derivatives, each as one
     * version: the rows, their children, then the rows' versions again. Every write of a photo or of
     * its children raises its version in the same transaction, so versions that did not change mean
     * the children read in between belong to the rows read; otherwise the read starts again. This
     * holds under READ COMMITTED on every database, without a transaction held open across queries.
     */
    static List<Photo> load(DSLContext dsl, Condition where, int limit) {
        return load(dsl, Photos.TABLE, where, Photos.ID, limit);
    }

    /**
     * As {@link #load(DSLContext, Condition, int)}, the photo rows read from {@code from} (the photo table
     * or a join that drives it) in descending order of {@code order}, a column equal to the photo's id.
     */
    static List<Photo> load(DSLContext dsl, TableLike<?> from, Condition where, Field<UUID> order, int limit) {
        for (int attempt = 1; ; attempt++) {
            List<Record> rows = dsl.select(Photos.ALL).from(from).where(where).orderBy(order.desc())
                    .limit(limit).fetch();
            if (rows.isEmpty()) {
                return List.of();
            }
            List<Photo> photos = withChildren(dsl, rows);
            Map<UUID, Long> read = new HashMap<>();
            rows.forEach(row -> read.put(row.get(Photos.ID), row.get(Photos.VERSION)));
            Map<UUID, Long> now = dsl.select(Photos.ID, Photos.VERSION).from(Photos.TABLE)
                    .where(Photos.ID.in(read.keySet())).fetchMap(Photos.ID, Photos.VERSION);
            if (now.equals(read)) {
                return photos;
            }
            if (attempt == READ_TRIES) {
                throw new ConcurrentModificationException("photos kept changing while they were read; try again");
            }
            // Writers of the same photos commit meanwhile: a pause of a few random milliseconds, growing with the
            // tries, lets the read fall between their commits rather than keep overlapping them.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextInt(attempt + 1)));
        }
    }

    private static List<Photo> withChildren(DSLContext dsl, List<Record> rows) {
        List<UUID> ids = rows.stream().map(row -> row.get(Photos.ID)).toList();
        Map<UUID, List<Tag>> tags = new HashMap<>();
        dsl.select(Tags.PHOTO_ID, Tags.TAG, Tags.SOURCE, Tags.CONFIDENCE).from(Tags.TABLE)
                .where(Tags.PHOTO_ID.in(ids)).orderBy(Tags.PHOTO_ID, Tags.SEQ)
                .forEach(row -> tags.computeIfAbsent(row.get(Tags.PHOTO_ID), id -> new ArrayList<>())
                        .add(new Tag(row.get(Tags.TAG), TagSource.valueOf(row.get(Tags.SOURCE)),
                                Optional.ofNullable(row.get(Tags.CONFIDENCE)))));
        Map<UUID, List<Derivative>> derivatives = new HashMap<>();
        dsl.select(Derivatives.PHOTO_ID, Derivatives.NAME, Derivatives.BLOB_KEY, Derivatives.CONTENT_TYPE,
                        Derivatives.SIZE, Derivatives.WIDTH, Derivatives.HEIGHT)
                .from(Derivatives.TABLE).where(Derivatives.PHOTO_ID.in(ids))
                .orderBy(Derivatives.PHOTO_ID, Derivatives.SEQ)
                .forEach(row -> derivatives.computeIfAbsent(row.get(Derivatives.PHOTO_ID), id -> new ArrayList<>())
                        .add(new Derivative(row.get(Derivatives.NAME), row.get(Derivatives.BLOB_KEY),
                                row.get(Derivatives.CONTENT_TYPE), row.get(Derivatives.SIZE),
                                dimensions(row.get(Derivatives.WIDTH), row.get(Derivatives.HEIGHT)))));
        return rows.stream().map(row -> toPhoto(row,
                tags.getOrDefault(row.get(Photos.ID), List.of()),
                derivatives.getOrDefault(row.get(Photos.ID), List.of()))).toList();
    }

    static void insertChildren(DSLContext dsl, Photo photo) {
        insertTags(dsl, photo);
        insertDerivatives(dsl, photo);
    }

    /** The photo's tag rows: the owner on each, and the value as the search key on its first row in the photo. */
    static void insertTags(DSLContext dsl, Photo photo) {
        UUID id = photo.id().value();
        if (!photo.tags().isEmpty()) {
            UUID owner = photo.ownerId().value();
            InsertValuesStep7<Record, UUID, Integer, String, String, Double, UUID, String> insert = dsl.insertInto(
                    Tags.TABLE, Tags.PHOTO_ID, Tags.SEQ, Tags.TAG, Tags.SOURCE, Tags.CONFIDENCE, Tags.OWNER_ID,
                    Tags.TAG_KEY);
            Set<String> keyed = new HashSet<>();
            for (int i = 0; i < photo.tags().size(); i++) {
                Tag tag = photo.tags().get(i);
                String key = keyed.add(tag.value()) ? tag.value() : null;
                insert = insert.values(id, i, tag.value(), tag.source().name(), tag.confidence().orElse(null), owner,
                        key);
            }
            insert.execute();
        }
    }

    static void insertDerivatives(DSLContext dsl, Photo photo) {
        UUID id = photo.id().value();
        if (!photo.derivatives().isEmpty()) {
            InsertValuesStep8<Record, UUID, Integer, String, String, String, Long, Integer, Integer> insert =
                    dsl.insertInto(Derivatives.TABLE, Derivatives.PHOTO_ID, Derivatives.SEQ, Derivatives.NAME,
                            Derivatives.BLOB_KEY, Derivatives.CONTENT_TYPE, Derivatives.SIZE, Derivatives.WIDTH,
                            Derivatives.HEIGHT);
            for (int i = 0; i < photo.derivatives().size(); i++) {
                Derivative d = photo.derivatives().get(i);
                insert = insert.values(id, i, d.name(), d.blobKey(), d.contentType(), d.size(),
                        d.dimensions().map(Dimensions::width).orElse(null),
                        d.dimensions().map(Dimensions::height).orElse(null));
            }
            insert.execute();
        }
    }

    static Optional<Dimensions> dimensions(Integer width, Integer height) {
        return width == null || height == null ? Optional.empty() : Optional.of(new Dimensions(width, height));
    }

    /**
     * The photo of {@code row} with its children: through the records' own constructors, not their builders,
     * since a page maps a hundred of them and the builders would be garbage made for each.
     */
    static Photo toPhoto(Record row, List<Tag> tags, List<Derivative> derivatives) {
        Integer offset = row.get(Photos.TAKEN_OFFSET);
        Double latitude = row.get(Photos.LATITUDE);
        Double longitude = row.get(Photos.LONGITUDE);
        ImageMetadata metadata = new ImageMetadata(
                dimensions(row.get(Photos.WIDTH), row.get(Photos.HEIGHT)),
                row.get(Photos.ORIENTATION),
                row.get(Photos.TAKEN_AT) == null ? Optional.empty() : Optional.of(new TakenAt(row.get(Photos.TAKEN_AT),
                        offset == null ? Optional.empty() : Optional.of(ZoneOffset.ofTotalSeconds(offset)))),
                Optional.ofNullable(row.get(Photos.CAMERA_MAKE)),
                Optional.ofNullable(row.get(Photos.CAMERA_MODEL)),
                Optional.ofNullable(row.get(Photos.LENS)),
                Optional.ofNullable(row.get(Photos.FOCAL_LENGTH)),
                Optional.ofNullable(row.get(Photos.APERTURE)),
                Optional.ofNullable(row.get(Photos.EXPOSURE_TIME)),
                Optional.ofNullable(row.get(Photos.ISO)),
                latitude == null || longitude == null ? Optional.empty()
                        : Optional.of(new GeoPoint(latitude, longitude, Optional.ofNullable(row.get(Photos.ALTITUDE)))));
        UserId owner = new UserId(row.get(Photos.OWNER_ID));
        UUID uploader = row.get(Photos.UPLOADER_ID);
        return new Photo(
                new PhotoId(row.get(Photos.ID)),
                new AlbumId(row.get(Photos.ALBUM_ID)),
                owner,
                uploader == null || uploader.equals(owner.value()) ? owner : new UserId(uploader),
                row.get(Photos.TITLE),
                row.get(Photos.DESCRIPTION),
                tags,
                row.get(Photos.ORIGINAL_FILE_NAME),
                row.get(Photos.CONTENT_TYPE),
                row.get(Photos.SIZE),
                row.get(Photos.SHA256),
                metadata,
                derivatives,
                processing(row),
                instant(row.get(Photos.CREATED_AT)),
                instant(row.get(Photos.UPDATED_AT)),
                row.get(Photos.VERSION));
    }

    private static Processing processing(Record row) {
        String status = row.get(Photos.PROCESSING_STATUS);
        Integer attempts = row.get(Photos.PROCESSING_ATTEMPTS);
        String reason = row.get(Photos.PROCESSING_REASON);
        if (status == null || (status.equals(Processing.READY.status().name()) && (attempts == null || attempts == 0)
                && reason == null)) {
            return Processing.READY;
        }
        return new Processing(PhotoStatus.valueOf(status), attempts == null ? 0 : attempts, Optional.ofNullable(reason));
    }
}
