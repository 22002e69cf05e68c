-- A tag search reads the owner's photos that carry a tag, newest first, straight from an index: the owner
-- on every tag row, and the tag again in tag_key on the first row of each value per photo (null on a
-- repeat of a value the photo already carries), so the unique index lists each photo once per tag.
-- (MariaDB ran the former EXISTS over the (tag, photo) index as a semi-join that read every row of the tag.)
ALTER TABLE gallery_photo_tag ADD COLUMN owner_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD COLUMN tag_key VARCHAR(255) NULL;
UPDATE gallery_photo_tag t JOIN gallery_photo p ON p.id = t.photo_id SET t.owner_id = p.owner_id;
UPDATE gallery_photo_tag t JOIN (
    SELECT photo_id, tag, MIN(seq) AS seq FROM gallery_photo_tag GROUP BY photo_id, tag) f
    ON f.photo_id = t.photo_id AND f.seq = t.seq
    SET t.tag_key = t.tag;
ALTER TABLE gallery_photo_tag MODIFY owner_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    ADD CONSTRAINT gallery_photo_tag_owner_key_uq UNIQUE (owner_id, tag_key, photo_id),
    DROP INDEX gallery_photo_tag_tag_ix;
