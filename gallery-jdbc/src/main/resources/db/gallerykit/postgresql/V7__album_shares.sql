-- Who else sees an album: its members and its share links. Both have a foreign key to the album with
-- ON DELETE CASCADE, so neither can outlive it; writes also lock the album row and read its deleting mark.
CREATE TABLE gallery_album_member (
    album_id   UUID NOT NULL,
    owner_id   UUID NOT NULL,
    member_id  UUID NOT NULL,
    member_role VARCHAR(16) NOT NULL,
    originals  BOOLEAN NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT gallery_album_member_pk PRIMARY KEY (album_id, member_id),
    CONSTRAINT gallery_album_member_album_fk FOREIGN KEY (owner_id, album_id)
        REFERENCES gallery_album (owner_id, id) ON DELETE CASCADE
);
-- "Shared with me", newest album first.
CREATE INDEX gallery_album_member_member_ix ON gallery_album_member (member_id, album_id);
-- The owner's list of an album's members.
CREATE INDEX gallery_album_member_owner_ix ON gallery_album_member (owner_id, album_id, member_id);

-- The token is never stored, only its SHA-256; the password only as a slow-KDF hash.
CREATE TABLE gallery_share_link (
    id                   UUID NOT NULL,
    album_id             UUID NOT NULL,
    owner_id             UUID NOT NULL,
    token_hash           VARCHAR(128) NOT NULL,
    expires_at           TIMESTAMP(6) NULL,
    password_hash        VARCHAR(1000) NULL,
    allow_originals      BOOLEAN NOT NULL,
    show_location        BOOLEAN NOT NULL,
    created_at           TIMESTAMP(6) NOT NULL,
    revoked_at           TIMESTAMP(6) NULL,
    views                BIGINT NOT NULL,
    failed_guesses       INTEGER NOT NULL,
    last_failed_guess_at TIMESTAMP(6) NULL,
    version              BIGINT NOT NULL,
    CONSTRAINT gallery_share_link_pk PRIMARY KEY (id),
    CONSTRAINT gallery_share_link_token_uq UNIQUE (token_hash),
    CONSTRAINT gallery_share_link_album_fk FOREIGN KEY (owner_id, album_id)
        REFERENCES gallery_album (owner_id, id) ON DELETE CASCADE
);
CREATE INDEX gallery_share_link_album_ix ON gallery_share_link (owner_id, album_id, id);
