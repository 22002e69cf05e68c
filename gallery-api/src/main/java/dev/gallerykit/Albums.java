package dev.gallerykit;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;

/**
 * Album use cases. Every call names the acting user; another user's album is
 * {@link dev.gallerykit.error.NotFoundException not found}, never forbidden.
 *
 * <pre>{@code
 * Album trip = gallery.albums().create(me, "Lisbon 2026", "Tiles and trams");
 * Page<Album> first = gallery.albums().list(me, PageRequest.first(20));
 * }</pre>
 */
public interface Albums {

    /**
     * @param name        1 to 200 characters, not blank (surrounding white space is dropped)
     * @param description up to 5,000 characters; may be empty
     */
    Album create(UserId actor, String name, String description);

    Album get(UserId actor, AlbumId id);

    Album rename(UserId actor, AlbumId id, String name);

    Album describe(UserId actor, AlbumId id, String description);

    /** Shows {@code photo}, which must be in this album, for the album. */
    Album setCover(UserId actor, AlbumId id, PhotoId photo);

    Album clearCover(UserId actor, AlbumId id);

    /** The actor's albums, newest first. */
    Page<Album> list(UserId actor, PageRequest page);

    /** The actor's albums whose name or description contains {@code text}, ignoring case, newest first. */
    Page<Album> search(UserId actor, String text, PageRequest page);

    /**
     * Deletes the album with every photo in it and every blob of those photos. Idempotent: deleting
     * an album that is gone (or not the actor's) does nothing, and a delete that failed half-way can
     * simply be repeated.
     */
    void delete(UserId actor, AlbumId id);
}
