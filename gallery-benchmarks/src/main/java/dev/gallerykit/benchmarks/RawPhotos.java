package dev.gallerykit.benchmarks;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.UserId;
import java.time.Instant;
import java.util.List;

/**
 * The hand-written baseline of {@link StoreOverheadBenchmark}: the photo table(s) of an adapter read and written
 * directly, with the same keys, conditions and transactions that the adapter needs for the same guarantees,
 * returning the store's own shapes (jOOQ records, Enhanced Client items) rather than domain records.
 */
interface RawPhotos {

    /** Writes the photos in as few round trips as the store allows (setup only, not measured). */
    void seed(List<Photo> photos);

    /** The owner's photo with its tags and derivatives, or null. */
    Object get(UserId owner, PhotoId id);

    /** Stores a new photo in its album, refused when the photo exists or the album is not open. */
    void save(Photo photo);

    /**
     * Replaces the photo's tags if it still has {@code version}, as its next version.
     *
     * @return the next version
     * @throws IllegalStateException when the version moved on
     */
    long updateTags(UserId owner, PhotoId id, long version, List<Tag> tags, Instant at);

    /** The album's newest {@code limit} photos, read with one more to tell whether another page follows. */
    default List<?> listPage(UserId owner, AlbumId album, int limit) {
        return pageAfter(owner, album, limit, null).items();
    }

    /**
     * As {@link #listPage}, from a position of the store's own ({@code null}: the first page), with the
     * position after the page's last photo, or null when no photo follows: how a hand-written listing
     * walks to a deep page.
     */
    Page pageAfter(UserId owner, AlbumId album, int limit, Object position);

    /**
     * The position {@link #pageAfter} hands on after a page whose last photo is {@code last}: where a walk
     * through the pages before it arrives, for a benchmark that knows the album's order without walking.
     */
    Object positionAfter(UserId owner, AlbumId album, PhotoId last);

    /** The id of one of a page's items. */
    PhotoId idOf(Object item);

    /** A page and the position after it (null after the last page). */
    record Page(List<?> items, Object next) {
    }
}
