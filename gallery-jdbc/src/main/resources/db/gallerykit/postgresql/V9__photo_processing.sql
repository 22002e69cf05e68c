-- Where a photo's processing stands (asynchronous ingest): PROCESSING, READY or FAILED, how many times a
-- worker started on it, and why it failed. Null status for the photos stored before: they are READY.
ALTER TABLE gallery_photo ADD COLUMN processing_status VARCHAR(16) NULL;
ALTER TABLE gallery_photo ADD COLUMN processing_attempts INT NOT NULL DEFAULT 0;
ALTER TABLE gallery_photo ADD COLUMN processing_reason VARCHAR(500) NULL;
