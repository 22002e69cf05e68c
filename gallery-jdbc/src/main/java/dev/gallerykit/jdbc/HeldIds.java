package dev.gallerykit.jdbc;

import static dev.gallerykit.jdbc.Db.utc;

import dev.gallerykit.domain.UserId;
import dev.gallerykit.jdbc.Schema.IdHolds;
import java.time.Instant;

/** The rows of {@code gallery_photo_id_hold} whose time is up: one indexed delete per owner. */
final class HeldIds {

    private HeldIds() {
    }

    static int removeExpired(Db db, UserId owner, Instant before) {
        return db.call("remove expired id holds", dsl -> dsl.deleteFrom(IdHolds.TABLE)
                .where(IdHolds.OWNER_ID.eq(owner.value()).and(IdHolds.HELD_UNTIL.lt(utc(before))))
                .execute());
    }
}
