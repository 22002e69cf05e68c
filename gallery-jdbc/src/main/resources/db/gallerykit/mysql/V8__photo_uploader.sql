-- Who uploaded a photo: its owner, or a contributor of a shared album (the photo still belongs to the
-- album's owner). Null for the photos stored before: their owner uploaded them.
ALTER TABLE gallery_photo ADD COLUMN uploader_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NULL;
