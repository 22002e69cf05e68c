-- GalleryKit tables for PostgreSQL 13+.
-- Ids are native UUIDs, which compare byte by byte: ORDER BY id DESC is newest first for UUIDv7.
-- Instants are UTC in TIMESTAMP(6) WITHOUT TIME ZONE, so the session time zone never shifts them.

CREATE TABLE gallery_user (
    id              UUID NOT NULL,
    email           VARCHAR(320) NOT NULL,
    email_key       VARCHAR(320) NOT NULL,
    display_name    VARCHAR(1000) NOT NULL,
    password_hash   VARCHAR(1000) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    failed_sign_ins INTEGER NOT NULL,
    locked_until    TIMESTAMP(6) NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    updated_at      TIMESTAMP(6) NOT NULL,
    confirmed_at    TIMESTAMP(6) NULL,
    version         BIGINT NOT NULL,
    CONSTRAINT gallery_user_pk PRIMARY KEY (id),
    CONSTRAINT gallery_user_email_key_uq UNIQUE (email_key)
);

-- The owner is a user id without a foreign key: users may be kept in another store.
-- The cover is a photo id without a foreign key: the gallery clears it when the photo goes.
CREATE TABLE gallery_album (
    id             UUID NOT NULL,
    owner_id       UUID NOT NULL,
    name           VARCHAR(1000) NOT NULL,
    description    TEXT NOT NULL,
    cover_photo_id UUID NULL,
    created_at     TIMESTAMP(6) NOT NULL,
    updated_at     TIMESTAMP(6) NOT NULL,
    version        BIGINT NOT NULL,
    CONSTRAINT gallery_album_pk PRIMARY KEY (id),
    -- Finds and lists by owner, newest first; the target of the photos' foreign key.
    CONSTRAINT gallery_album_owner_id_uq UNIQUE (owner_id, id)
);

CREATE TABLE gallery_photo (
    id                   UUID NOT NULL,
    owner_id             UUID NOT NULL,
    album_id             UUID NOT NULL,
    title                VARCHAR(1000) NOT NULL,
    description          TEXT NOT NULL,
    original_file_name   VARCHAR(1000) NOT NULL,
    content_type         VARCHAR(255) NOT NULL,
    size_bytes           BIGINT NOT NULL,
    sha256               VARCHAR(128) NOT NULL,
    width                INTEGER NULL,
    height               INTEGER NULL,
    orientation          INTEGER NOT NULL,
    taken_at             TIMESTAMP(6) NULL,
    taken_offset_seconds INTEGER NULL,
    camera_make          VARCHAR(1000) NULL,
    camera_model         VARCHAR(1000) NULL,
    lens                 VARCHAR(1000) NULL,
    focal_length         DOUBLE PRECISION NULL,
    aperture             DOUBLE PRECISION NULL,
    exposure_time        DOUBLE PRECISION NULL,
    iso                  INTEGER NULL,
    latitude             DOUBLE PRECISION NULL,
    longitude            DOUBLE PRECISION NULL,
    altitude             DOUBLE PRECISION NULL,
    created_at           TIMESTAMP(6) NOT NULL,
    updated_at           TIMESTAMP(6) NOT NULL,
    version              BIGINT NOT NULL,
    CONSTRAINT gallery_photo_pk PRIMARY KEY (id),
    CONSTRAINT gallery_photo_album_fk FOREIGN KEY (owner_id, album_id) REFERENCES gallery_album (owner_id, id)
);
CREATE INDEX gallery_photo_owner_id_ix ON gallery_photo (owner_id, id);
CREATE INDEX gallery_photo_owner_album_ix ON gallery_photo (owner_id, album_id, id);
CREATE INDEX gallery_photo_owner_taken_at_ix ON gallery_photo (owner_id, taken_at);
CREATE INDEX gallery_photo_owner_location_ix ON gallery_photo (owner_id, latitude, longitude);
CREATE INDEX gallery_photo_owner_sha256_ix ON gallery_photo (owner_id, sha256);

CREATE TABLE gallery_photo_tag (
    photo_id   UUID NOT NULL,
    seq        INTEGER NOT NULL,
    tag        VARCHAR(255) NOT NULL,
    source     VARCHAR(16) NOT NULL,
    confidence DOUBLE PRECISION NULL,
    CONSTRAINT gallery_photo_tag_pk PRIMARY KEY (photo_id, seq),
    CONSTRAINT gallery_photo_tag_photo_fk FOREIGN KEY (photo_id) REFERENCES gallery_photo (id) ON DELETE CASCADE
);
CREATE INDEX gallery_photo_tag_tag_ix ON gallery_photo_tag (tag, photo_id);

CREATE TABLE gallery_photo_derivative (
    photo_id     UUID NOT NULL,
    seq          INTEGER NOT NULL,
    name         VARCHAR(255) NOT NULL,
    blob_key     VARCHAR(1024) NOT NULL,
    content_type VARCHAR(255) NOT NULL,
    size_bytes   BIGINT NOT NULL,
    width        INTEGER NULL,
    height       INTEGER NULL,
    CONSTRAINT gallery_photo_derivative_pk PRIMARY KEY (photo_id, seq),
    CONSTRAINT gallery_photo_derivative_photo_fk FOREIGN KEY (photo_id) REFERENCES gallery_photo (id) ON DELETE CASCADE
);

-- The user is an id without a foreign key, as for albums.
CREATE TABLE gallery_session (
    id         UUID NOT NULL,
    family_id  UUID NOT NULL,
    user_id    UUID NOT NULL,
    token_hash VARCHAR(255) NOT NULL,
    issued_at  TIMESTAMP(6) NOT NULL,
    expires_at TIMESTAMP(6) NOT NULL,
    rotated_at TIMESTAMP(6) NULL,
    revoked_at TIMESTAMP(6) NULL,
    CONSTRAINT gallery_session_pk PRIMARY KEY (id),
    CONSTRAINT gallery_session_token_hash_uq UNIQUE (token_hash)
);
CREATE INDEX gallery_session_family_ix ON gallery_session (family_id);
CREATE INDEX gallery_session_user_ix ON gallery_session (user_id);
