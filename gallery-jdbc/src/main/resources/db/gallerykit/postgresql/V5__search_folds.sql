-- Text search compares folded copies of names, titles and descriptions that the library computes
-- (TextMatch.fold: one definition on every store), never the database's LOWER() or collation. A fold
-- can be much longer than its text (NFKC expands some characters), hence the wide types. The next
-- migration (a Java one, FoldSearchText) fills them for rows written before.
ALTER TABLE gallery_album ADD COLUMN name_fold TEXT NULL;
ALTER TABLE gallery_album ADD COLUMN description_fold TEXT NULL;
ALTER TABLE gallery_photo ADD COLUMN title_fold TEXT NULL;
ALTER TABLE gallery_photo ADD COLUMN description_fold TEXT NULL;
