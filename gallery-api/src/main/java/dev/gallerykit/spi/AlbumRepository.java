package dev.gallerykit.spi;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.UserId;
import java.util.Optional;

/**
 * Stores albums. Every read is scoped by owner: an album of another owner is simply absent.
 *
 * <p>Guarantees, checked by {@code AlbumRepositoryContract}: {@link #update} is conditional on the
 * version; lists are newest first (descending id, ids being time-ordered) and stable under
 * concurrent inserts; {@link #delete} is idempotent and does not touch photos (the gallery deletes
 * them first).
 */
public interface AlbumRepository {

    /** Stores a new album with version 1 and returns it. */
    Album create(Album album);

    /** The album, if it exists and belongs to {@code owner}. */
    Optional<Album> find(UserId owner, AlbumId id);

    /**
     * Replaces the stored album if its version still equals {@code album.version()}.
     *
     * @throws dev.gallerykit.error.NotFoundException when there is no such album for its owner
     * @throws dev.gallerykit.error.ConcurrentModificationException when the version moved on
     */
    Album update(Album album);

    /** The owner's albums, newest first, at most {@code limit}, after position {@code after}. */
    Slice<Album> list(UserId owner, int limit, Optional<String> after);

    /**
     * The owner's albums whose name or description contains {@code text}, ignoring case, newest first.
     */
    Slice<Album> search(UserId owner, String text, int limit, Optional<String> after);

    /** Removes the album record; does nothing when absent. */
    void delete(UserId owner, AlbumId id);
}
