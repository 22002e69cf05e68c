-- Claims that keep photo writes right when they race (see PhotoClaims).

-- The claim of DuplicatePolicy.REJECT: the SHA-256 once more, set only on photos created claiming it.
-- NULLs never collide in a unique index, so photos stored without the claim (ALLOW) are not limited.
-- The claim lives and dies with its row: it is never left behind by a deleted photo.
ALTER TABLE gallery_photo ADD COLUMN content_claim VARCHAR(128) NULL;
CREATE UNIQUE INDEX gallery_photo_content_claim_uq ON gallery_photo (owner_id, content_claim);

-- Ids of direct uploads, kept after their photo is deleted (no foreign key) until the upload's token
-- expires, so that the token cannot make the photo a second time.
CREATE TABLE gallery_photo_id_hold (
    id         UUID NOT NULL,
    owner_id   UUID NOT NULL,
    held_until TIMESTAMP(6) NOT NULL,
    CONSTRAINT gallery_photo_id_hold_pk PRIMARY KEY (id)
);
