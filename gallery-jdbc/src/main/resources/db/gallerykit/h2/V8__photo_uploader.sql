-- Who uploaded a photo: its owner, or a contributor of a shared album (the photo still belongs to the
-- album's owner). Null for the photos stored before: their owner uploaded them.
ALTER TABLE gallery_photo ADD COLUMN uploader_id UUID NULL;
