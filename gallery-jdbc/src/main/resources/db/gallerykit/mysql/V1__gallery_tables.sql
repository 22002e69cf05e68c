-- GalleryKit tables for MySQL 8 and MariaDB 10.6+.
-- Ids are UUIDv7 as lower-case text in an ASCII binary column: byte order is creation order, so
-- ORDER BY id DESC is newest first. Text columns use utf8mb4_bin: the default *_ai_ci collations
-- would make 'jose' equal 'José' in the unique email key and in LIKE, unlike the domain's rules.
-- Instants are UTC in DATETIME(6) (microseconds; no time-zone conversion, no 2038 limit).

CREATE TABLE gallery_user (
    id              CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    email           VARCHAR(320) NOT NULL,
    email_key       VARCHAR(320) NOT NULL,
    display_name    VARCHAR(1000) NOT NULL,
    password_hash   VARCHAR(1000) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    failed_sign_ins INT NOT NULL,
    locked_until    DATETIME(6) NULL,
    created_at      DATETIME(6) NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    confirmed_at    DATETIME(6) NULL,
    version         BIGINT NOT NULL,
    CONSTRAINT gallery_user_pk PRIMARY KEY (id),
    CONSTRAINT gallery_user_email_key_uq UNIQUE (email_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The owner is a user id without a foreign key: users may be kept in another store.
-- The cover is a photo id without a foreign key: the gallery clears it when the photo goes.
CREATE TABLE gallery_album (
    id             CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    owner_id       CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name           VARCHAR(1000) NOT NULL,
    description    TEXT NOT NULL,
    cover_photo_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NULL,
    created_at     DATETIME(6) NOT NULL,
    updated_at     DATETIME(6) NOT NULL,
    version        BIGINT NOT NULL,
    CONSTRAINT gallery_album_pk PRIMARY KEY (id),
    -- Finds and lists by owner, newest first; the target of the photos' foreign key.
    CONSTRAINT gallery_album_owner_id_uq UNIQUE (owner_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE gallery_photo (
    id                   CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    owner_id             CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    album_id             CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    title                VARCHAR(1000) NOT NULL,
    description          TEXT NOT NULL,
    original_file_name   VARCHAR(1000) NOT NULL,
    content_type         VARCHAR(255) NOT NULL,
    size_bytes           BIGINT NOT NULL,
    sha256               VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    width                INT NULL,
    height               INT NULL,
    orientation          INT NOT NULL,
    taken_at             DATETIME(6) NULL,
    taken_offset_seconds INT NULL,
    camera_make          VARCHAR(1000) NULL,
    camera_model         VARCHAR(1000) NULL,
    lens                 VARCHAR(1000) NULL,
    focal_length         DOUBLE NULL,
    aperture             DOUBLE NULL,
    exposure_time        DOUBLE NULL,
    iso                  INT NULL,
    latitude             DOUBLE NULL,
    longitude            DOUBLE NULL,
    altitude             DOUBLE NULL,
    created_at           DATETIME(6) NOT NULL,
    updated_at           DATETIME(6) NOT NULL,
    version              BIGINT NOT NULL,
    CONSTRAINT gallery_photo_pk PRIMARY KEY (id),
    CONSTRAINT gallery_photo_album_fk FOREIGN KEY (owner_id, album_id) REFERENCES gallery_album (owner_id, id),
    INDEX gallery_photo_owner_id_ix (owner_id, id),
    INDEX gallery_photo_owner_album_ix (owner_id, album_id, id),
    INDEX gallery_photo_owner_taken_at_ix (owner_id, taken_at),
    INDEX gallery_photo_owner_location_ix (owner_id, latitude, longitude),
    INDEX gallery_photo_owner_sha256_ix (owner_id, sha256)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE gallery_photo_tag (
    photo_id   CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    seq        INT NOT NULL,
    tag        VARCHAR(255) NOT NULL,
    source     VARCHAR(16) NOT NULL,
    confidence DOUBLE NULL,
    CONSTRAINT gallery_photo_tag_pk PRIMARY KEY (photo_id, seq),
    CONSTRAINT gallery_photo_tag_photo_fk FOREIGN KEY (photo_id) REFERENCES gallery_photo (id) ON DELETE CASCADE,
    INDEX gallery_photo_tag_tag_ix (tag, photo_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE gallery_photo_derivative (
    photo_id     CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    seq          INT NOT NULL,
    name         VARCHAR(255) NOT NULL,
    blob_key     VARCHAR(1024) NOT NULL,
    content_type VARCHAR(255) NOT NULL,
    size_bytes   BIGINT NOT NULL,
    width        INT NULL,
    height       INT NULL,
    CONSTRAINT gallery_photo_derivative_pk PRIMARY KEY (photo_id, seq),
    CONSTRAINT gallery_photo_derivative_photo_fk FOREIGN KEY (photo_id) REFERENCES gallery_photo (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The user is an id without a foreign key, as for albums.
CREATE TABLE gallery_session (
    id         CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    family_id  CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    user_id    CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    token_hash VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    issued_at  DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    rotated_at DATETIME(6) NULL,
    revoked_at DATETIME(6) NULL,
    CONSTRAINT gallery_session_pk PRIMARY KEY (id),
    CONSTRAINT gallery_session_token_hash_uq UNIQUE (token_hash),
    INDEX gallery_session_family_ix (family_id),
    INDEX gallery_session_user_ix (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
