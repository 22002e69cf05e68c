-- An album being deleted takes no photo in and lets none out: photo writes lock the album row and
-- read this mark, so that deleting its photos always ends with the album empty.
ALTER TABLE gallery_album ADD COLUMN deleting BOOLEAN DEFAULT FALSE NOT NULL;
