-- A tag search reads the owner's photos that carry a tag, newest first, straight from an index: the owner
-- on every tag row, and the tag again in tag_key on the first row of each value per photo (null on a
-- repeat of a value the photo already carries), so the unique index lists each photo once per tag.
ALTER TABLE gallery_photo_tag ADD COLUMN owner_id UUID NULL;
ALTER TABLE gallery_photo_tag ADD COLUMN tag_key VARCHAR(255) NULL;
UPDATE gallery_photo_tag SET owner_id = (SELECT p.owner_id FROM gallery_photo p WHERE p.id = gallery_photo_tag.photo_id);
UPDATE gallery_photo_tag SET tag_key = tag WHERE seq = (SELECT MIN(t.seq) FROM gallery_photo_tag t
    WHERE t.photo_id = gallery_photo_tag.photo_id AND t.tag = gallery_photo_tag.tag);
ALTER TABLE gallery_photo_tag ALTER COLUMN owner_id SET NOT NULL;
CREATE UNIQUE INDEX gallery_photo_tag_owner_key_uq ON gallery_photo_tag (owner_id, tag_key, photo_id);
DROP INDEX gallery_photo_tag_tag_ix;
