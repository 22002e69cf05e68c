package dev.gallerykit.jdbc;

import dev.gallerykit.jdbc.Schema.Albums;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The album-row steps that photo and cover writes take inside their transactions. Every such
 * transaction locks the album rows it depends on first and photo rows after them, always in that
 * order, so that two of them never wait for each other in a circle.
 */
final class AlbumRows {

    /** Whether an album that exists is being deleted. */
    enum State { OPEN, DELETING }

    private AlbumRows() {
    }

    /** Locks the owner's album row until the transaction ends; empty when there is no such album. */
    static Optional<State> lock(DSLContext dsl, UUID owner, UUID album) {
        return dsl.select(Albums.DELETING).from(Albums.TABLE)
                .where(Albums.OWNER_ID.eq(owner).and(Albums.ID.eq(album)))
                .forUpdate()
                .fetchOptional(Albums.DELETING)
                .map(deleting -> deleting ? State.DELETING : State.OPEN);
    }

    /** Takes {@code photo} off the album's cover if it is there, as a new version of the album. */
    static void uncover(DSLContext dsl, UUID owner, UUID album, UUID photo) {
        dsl.update(Albums.TABLE)
                .set(Albums.COVER_PHOTO_ID, (UUID) null)
                .set(Albums.VERSION, Albums.VERSION.plus(1))
                .where(Albums.OWNER_ID.eq(owner).and(Albums.ID.eq(album)).and(Albums.COVER_PHOTO_ID.eq(photo)))
                .execute();
    }

    /** An id-ordered pair, so that two transactions lock two albums in the same order. */
    static UUID[] inLockOrder(UUID a, UUID b) {
        return a.compareTo(b) <= 0 ? new UUID[] {a, b} : new UUID[] {b, a};
    }
}
