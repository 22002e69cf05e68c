package dev.gallerykit.jdbc;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * The tables of {@code db/gallerykit/*} as jOOQ names, written by hand instead of generated: seven
 * tables do not pay for a code generator in the build. Columns are qualified by their table so
 * that subqueries can refer to the outer row.
 */
final class Schema {

    private static final DataType<UUID> ID = SQLDataType.UUID;
    private static final DataType<LocalDateTime> TIME = SQLDataType.LOCALDATETIME(6);

    private Schema() {
    }

    private static <T> Field<T> column(Table<?> table, String column, DataType<T> type) {
        return field(name(table.getName(), column), type);
    }

    static final class Users {
        static final Table<Record> TABLE = table(name("gallery_user"));
        static final Field<UUID> ID = column(TABLE, "id", Schema.ID);
        static final Field<String> EMAIL = column(TABLE, "email", SQLDataType.VARCHAR);
        static final Field<String> EMAIL_KEY = column(TABLE, "email_key", SQLDataType.VARCHAR);
        static final Field<String> DISPLAY_NAME = column(TABLE, "display_name", SQLDataType.VARCHAR);
        static final Field<String> PASSWORD_HASH = column(TABLE, "password_hash", SQLDataType.VARCHAR);
        static final Field<String> STATUS = column(TABLE, "status", SQLDataType.VARCHAR);
        static final Field<Integer> FAILED_SIGN_INS = column(TABLE, "failed_sign_ins", SQLDataType.INTEGER);
        static final Field<LocalDateTime> LOCKED_UNTIL = column(TABLE, "locked_until", TIME);
        static final Field<LocalDateTime> CREATED_AT = column(TABLE, "created_at", TIME);
        static final Field<LocalDateTime> UPDATED_AT = column(TABLE, "updated_at", TIME);
        static final Field<LocalDateTime> CONFIRMED_AT = column(TABLE, "confirmed_at", TIME);
        static final Field<Long> VERSION = column(TABLE, "version", SQLDataType.BIGINT);

        static final List<Field<?>> ALL = List.of(ID, EMAIL, EMAIL_KEY, DISPLAY_NAME, PASSWORD_HASH, STATUS, FAILED_SIGN_INS, LOCKED_UNTIL, CREATED_AT, UPDATED_AT, CONFIRMED_AT, VERSION);

        private Users() {
        }
    }

    static final class Albums {
        static final Table<Record> TABLE = table(name("gallery_album"));
        static final Field<UUID> ID = column(TABLE, "id", Schema.ID);
        static final Field<UUID> OWNER_ID = column(TABLE, "owner_id", Schema.ID);
        static final Field<String> NAME = column(TABLE, "name", SQLDataType.VARCHAR);
        static final Field<String> DESCRIPTION = column(TABLE, "description", SQLDataType.VARCHAR);
        /** {@link dev.gallerykit.domain.TextMatch#fold} of the name: what search compares. */
        static final Field<String> NAME_FOLD = column(TABLE, "name_fold", SQLDataType.VARCHAR);
        static final Field<String> DESCRIPTION_FOLD = column(TABLE, "description_fold", SQLDataType.VARCHAR);
        static final Field<UUID> COVER_PHOTO_ID = column(TABLE, "cover_photo_id", Schema.ID);
        static final Field<LocalDateTime> CREATED_AT = column(TABLE, "created_at", TIME);
        static final Field<LocalDateTime> UPDATED_AT = column(TABLE, "updated_at", TIME);
        static final Field<Long> VERSION = column(TABLE, "version", SQLDataType.BIGINT);
        /** Set by {@code markDeleting} (V3): photo writes into or out of the album are refused. */
        static final Field<Boolean> DELETING = column(TABLE, "deleting", SQLDataType.BOOLEAN);

        static final List<Field<?>> ALL = List.of(ID, OWNER_ID, NAME, DESCRIPTION, COVER_PHOTO_ID, CREATED_AT, UPDATED_AT, VERSION);

        private Albums() {
        }
    }

    static final class Photos {
        static final Table<Record> TABLE = table(name("gallery_photo"));
        static final Field<UUID> ID = column(TABLE, "id", Schema.ID);
        static final Field<UUID> OWNER_ID = column(TABLE, "owner_id", Schema.ID);
        static final Field<UUID> ALBUM_ID = column(TABLE, "album_id", Schema.ID);
        /** Null for the photos stored before migration 8: their owner uploaded them. */
        static final Field<UUID> UPLOADER_ID = column(TABLE, "uploader_id", Schema.ID);
        static final Field<String> TITLE = column(TABLE, "title", SQLDataType.VARCHAR);
        static final Field<String> DESCRIPTION = column(TABLE, "description", SQLDataType.VARCHAR);
        /** {@link dev.gallerykit.domain.TextMatch#fold} of the title: what search compares. */
        static final Field<String> TITLE_FOLD = column(TABLE, "title_fold", SQLDataType.VARCHAR);
        static final Field<String> DESCRIPTION_FOLD = column(TABLE, "description_fold", SQLDataType.VARCHAR);
        static final Field<String> ORIGINAL_FILE_NAME = column(TABLE, "original_file_name", SQLDataType.VARCHAR);
        static final Field<String> CONTENT_TYPE = column(TABLE, "content_type", SQLDataType.VARCHAR);
        static final Field<Long> SIZE = column(TABLE, "size_bytes", SQLDataType.BIGINT);
        static final Field<String> SHA256 = column(TABLE, "sha256", SQLDataType.VARCHAR);
        static final Field<Integer> WIDTH = column(TABLE, "width", SQLDataType.INTEGER);
        static final Field<Integer> HEIGHT = column(TABLE, "height", SQLDataType.INTEGER);
        static final Field<Integer> ORIENTATION = column(TABLE, "orientation", SQLDataType.INTEGER);
        static final Field<LocalDateTime> TAKEN_AT = column(TABLE, "taken_at", TIME);
        static final Field<Integer> TAKEN_OFFSET = column(TABLE, "taken_offset_seconds", SQLDataType.INTEGER);
        static final Field<String> CAMERA_MAKE = column(TABLE, "camera_make", SQLDataType.VARCHAR);
        static final Field<String> CAMERA_MODEL = column(TABLE, "camera_model", SQLDataType.VARCHAR);
        static final Field<String> LENS = column(TABLE, "lens", SQLDataType.VARCHAR);
        static final Field<Double> FOCAL_LENGTH = column(TABLE, "focal_length", SQLDataType.DOUBLE);
        static final Field<Double> APERTURE = column(TABLE, "aperture", SQLDataType.DOUBLE);
        static final Field<Double> EXPOSURE_TIME = column(TABLE, "exposure_time", SQLDataType.DOUBLE);
        static final Field<Integer> ISO = column(TABLE, "iso", SQLDataType.INTEGER);
        static final Field<Double> LATITUDE = column(TABLE, "latitude", SQLDataType.DOUBLE);
        static final Field<Double> LONGITUDE = column(TABLE, "longitude", SQLDataType.DOUBLE);
        static final Field<Double> ALTITUDE = column(TABLE, "altitude", SQLDataType.DOUBLE);
        static final Field<LocalDateTime> CREATED_AT = column(TABLE, "created_at", TIME);
        static final Field<LocalDateTime> UPDATED_AT = column(TABLE, "updated_at", TIME);
        static final Field<Long> VERSION = column(TABLE, "version", SQLDataType.BIGINT);
        /** Null for the photos stored before migration 9: they are READY. */
        static final Field<String> PROCESSING_STATUS = column(TABLE, "processing_status", SQLDataType.VARCHAR);
        static final Field<Integer> PROCESSING_ATTEMPTS = column(TABLE, "processing_attempts", SQLDataType.INTEGER);
        static final Field<String> PROCESSING_REASON = column(TABLE, "processing_reason", SQLDataType.VARCHAR);
        /** The SHA-256 again when the photo claims it (unique per owner), else null; never read into a Photo. */
        static final Field<String> CONTENT_CLAIM = column(TABLE, "content_claim", SQLDataType.VARCHAR);

        static final List<Field<?>> ALL = List.of(ID, OWNER_ID, ALBUM_ID, UPLOADER_ID, TITLE, DESCRIPTION, ORIGINAL_FILE_NAME, CONTENT_TYPE, SIZE, SHA256, WIDTH, HEIGHT, ORIENTATION, TAKEN_AT, TAKEN_OFFSET, CAMERA_MAKE, CAMERA_MODEL, LENS, FOCAL_LENGTH, APERTURE, EXPOSURE_TIME, ISO, LATITUDE, LONGITUDE, ALTITUDE, PROCESSING_STATUS, PROCESSING_ATTEMPTS, PROCESSING_REASON, CREATED_AT, UPDATED_AT, VERSION);

        private Photos() {
        }
    }

    /** Ids kept taken after their photo is gone (direct uploads), until {@code held_until}. */
    static final class IdHolds {
        static final Table<Record> TABLE = table(name("gallery_photo_id_hold"));
        static final Field<UUID> ID = column(TABLE, "id", Schema.ID);
        static final Field<UUID> OWNER_ID = column(TABLE, "owner_id", Schema.ID);
        static final Field<LocalDateTime> HELD_UNTIL = column(TABLE, "held_until", TIME);

        private IdHolds() {
        }
    }

    static final class Tags {
        static final Table<Record> TABLE = table(name("gallery_photo_tag"));
        static final Field<UUID> PHOTO_ID = column(TABLE, "photo_id", Schema.ID);
        static final Field<Integer> SEQ = column(TABLE, "seq", SQLDataType.INTEGER);
        static final Field<String> TAG = column(TABLE, "tag", SQLDataType.VARCHAR);
        /** The photo's owner, leading the search index. */
        static final Field<UUID> OWNER_ID = column(TABLE, "owner_id", Schema.ID);
        /** The tag on the first row of its value in a photo, null on a repeat: the search index lists a photo once. */
        static final Field<String> TAG_KEY = column(TABLE, "tag_key", SQLDataType.VARCHAR);
        static final Field<String> SOURCE = column(TABLE, "source", SQLDataType.VARCHAR);
        static final Field<Double> CONFIDENCE = column(TABLE, "confidence", SQLDataType.DOUBLE);

        /** A column of this table under another name for it, as a search that reads the table twice needs. */
        static <T> Field<T> in(Table<?> alias, Field<T> column) {
            return column(alias, column.getName(), column.getDataType());
        }

        private Tags() {
        }
    }

    static final class Derivatives {
        static final Table<Record> TABLE = table(name("gallery_photo_derivative"));
        static final Field<UUID> PHOTO_ID = column(TABLE, "photo_id", Schema.ID);
        static final Field<Integer> SEQ = column(TABLE, "seq", SQLDataType.INTEGER);
        static final Field<String> NAME = column(TABLE, "name", SQLDataType.VARCHAR);
        static final Field<String> BLOB_KEY = column(TABLE, "blob_key", SQLDataType.VARCHAR);
        static final Field<String> CONTENT_TYPE = column(TABLE, "content_type", SQLDataType.VARCHAR);
        static final Field<Long> SIZE = column(TABLE, "size_bytes", SQLDataType.BIGINT);
        static final Field<Integer> WIDTH = column(TABLE, "width", SQLDataType.INTEGER);
        static final Field<Integer> HEIGHT = column(TABLE, "height", SQLDataType.INTEGER);

        private Derivatives() {
        }
    }

    static final class Sessions {
        static final Table<Record> TABLE = table(name("gallery_session"));
        static final Field<UUID> ID = column(TABLE, "id", Schema.ID);
        static final Field<UUID> FAMILY_ID = column(TABLE, "family_id", Schema.ID);
        static final Field<UUID> USER_ID = column(TABLE, "user_id", Schema.ID);
        static final Field<String> TOKEN_HASH = column(TABLE, "token_hash", SQLDataType.VARCHAR);
        static final Field<LocalDateTime> ISSUED_AT = column(TABLE, "issued_at", TIME);
        static final Field<LocalDateTime> EXPIRES_AT = column(TABLE, "expires_at", TIME);
        static final Field<LocalDateTime> ROTATED_AT = column(TABLE, "rotated_at", TIME);
        static final Field<LocalDateTime> REVOKED_AT = column(TABLE, "revoked_at", TIME);

        static final List<Field<?>> ALL = List.of(ID, FAMILY_ID, USER_ID, TOKEN_HASH, ISSUED_AT, EXPIRES_AT, ROTATED_AT, REVOKED_AT);

        private Sessions() {
        }
    }

    static final class Members {
        static final Table<Record> TABLE = table(name("gallery_album_member"));
        static final Field<UUID> ALBUM_ID = column(TABLE, "album_id", Schema.ID);
        static final Field<UUID> OWNER_ID = column(TABLE, "owner_id", Schema.ID);
        static final Field<UUID> MEMBER_ID = column(TABLE, "member_id", Schema.ID);
        static final Field<String> ROLE = column(TABLE, "member_role", SQLDataType.VARCHAR);
        static final Field<Boolean> ORIGINALS = column(TABLE, "originals", SQLDataType.BOOLEAN);
        static final Field<LocalDateTime> CREATED_AT = column(TABLE, "created_at", TIME);
        static final Field<LocalDateTime> UPDATED_AT = column(TABLE, "updated_at", TIME);

        static final List<Field<?>> ALL = List.of(ALBUM_ID, OWNER_ID, MEMBER_ID, ROLE, ORIGINALS, CREATED_AT, UPDATED_AT);

        private Members() {
        }
    }

    static final class Links {
        static final Table<Record> TABLE = table(name("gallery_share_link"));
        static final Field<UUID> ID = column(TABLE, "id", Schema.ID);
        static final Field<UUID> ALBUM_ID = column(TABLE, "album_id", Schema.ID);
        static final Field<UUID> OWNER_ID = column(TABLE, "owner_id", Schema.ID);
        static final Field<String> TOKEN_HASH = column(TABLE, "token_hash", SQLDataType.VARCHAR);
        static final Field<LocalDateTime> EXPIRES_AT = column(TABLE, "expires_at", TIME);
        static final Field<String> PASSWORD_HASH = column(TABLE, "password_hash", SQLDataType.VARCHAR);
        static final Field<Boolean> ALLOW_ORIGINALS = column(TABLE, "allow_originals", SQLDataType.BOOLEAN);
        static final Field<Boolean> SHOW_LOCATION = column(TABLE, "show_location", SQLDataType.BOOLEAN);
        static final Field<LocalDateTime> CREATED_AT = column(TABLE, "created_at", TIME);
        static final Field<LocalDateTime> REVOKED_AT = column(TABLE, "revoked_at", TIME);
        static final Field<Long> VIEWS = column(TABLE, "views", SQLDataType.BIGINT);
        static final Field<Integer> FAILED_GUESSES = column(TABLE, "failed_guesses", SQLDataType.INTEGER);
        static final Field<LocalDateTime> LAST_FAILED_GUESS_AT = column(TABLE, "last_failed_guess_at", TIME);
        static final Field<Long> VERSION = column(TABLE, "version", SQLDataType.BIGINT);

        static final List<Field<?>> ALL = List.of(ID, ALBUM_ID, OWNER_ID, TOKEN_HASH, EXPIRES_AT, PASSWORD_HASH,
                ALLOW_ORIGINALS, SHOW_LOCATION, CREATED_AT, REVOKED_AT, VIEWS, FAILED_GUESSES, LAST_FAILED_GUESS_AT,
                VERSION);

        private Links() {
        }
    }
}
