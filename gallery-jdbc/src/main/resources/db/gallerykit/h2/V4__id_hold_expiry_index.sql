-- Reconcile removes each owner's ended id holds (PhotoRepository.removeExpiredHolds): one range of this
-- index per owner, never a scan of the table.
CREATE INDEX gallery_photo_id_hold_owner_until ON gallery_photo_id_hold (owner_id, held_until);
