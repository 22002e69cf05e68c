package dev.gallerykit.internal;

import dev.gallerykit.AlbumUpdate;
import dev.gallerykit.Albums;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.GalleryEvent;
import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.spi.OwnerCheck;
import dev.gallerykit.spi.Slice;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

final class AlbumService implements Albums {

    /** Photos removed per round while deleting an album: one repository batch (their blobs go in {@link BlobDeletes}). */
    private static final int DELETE_BATCH = 100;
    /** Listings of an album that its store still refuses to delete, before the delete reports a retryable failure. */
    private static final int LISTING_TRIES = 8;
    private static final int COVER_RETRIES = 5;

    private final Core core;
    private final OwnerCheck owners;

    AlbumService(Core core, OwnerCheck owners) {
        this.core = core;
        this.owners = owners;
    }

    @Override
    public Album create(UserId actor, String name, String description) {
        Validation.required("actor", actor);
        String checkedName = Validation.line("name", name, Validation.MAX_NAME);
        String checkedDescription = Validation.description("description", description);
        requireOwner(actor);
        Instant now = core.now();
        Album album = core.albums.create(new Album(core.ids.nextAlbumId(), actor, checkedName, checkedDescription,
                Optional.empty(), now, now, 0));
        // Asked again after the write: an account deletion marks the account, then purges. If the
        // mark came after the first check, either the purge lists this album or this check sees the
        // mark and takes the album back (see OwnerCheck).
        try {
            requireOwner(actor);
        } catch (NotFoundException gone) {
            core.albums.delete(actor, album.id());
            throw gone;
        }
        return album;
    }

    /** @throws NotFoundException naming the user when the gallery's {@link OwnerCheck} turns it down */
    private void requireOwner(UserId actor) {
        if (!owners.mayOwn(actor)) {
            throw new NotFoundException("user", actor);
        }
    }

    @Override
    public Album get(UserId actor, AlbumId id) {
        return core.access.album(actor, id, Access.Right.READ).album();
    }

    @Override
    public Album rename(UserId actor, AlbumId id, String name) {
        String checked = Validation.line("name", name, Validation.MAX_NAME);
        return core.albums.update(manage(actor, id).withName(checked, core.now()));
    }

    @Override
    public Album describe(UserId actor, AlbumId id, String description) {
        String checked = Validation.description("description", description);
        return core.albums.update(manage(actor, id).withDescription(checked, core.now()));
    }

    @Override
    public Album update(UserId actor, AlbumId id, AlbumUpdate update) {
        Validation.required("update", update);
        Optional<String> name = update.name().map(value -> Validation.line("name", value, Validation.MAX_NAME));
        Optional<String> description = update.description().map(value -> Validation.description("description", value));
        Album album = manage(actor, id);
        if (update.isEmpty()) {
            return album;
        }
        Instant now = core.now();
        Album changed = album;
        if (name.isPresent()) {
            changed = changed.withName(name.get(), now);
        }
        if (description.isPresent()) {
            changed = changed.withDescription(description.get(), now);
        }
        return core.albums.update(changed);
    }

    @Override
    public Album setCover(UserId actor, AlbumId id, PhotoId photoId) {
        Validation.required("photoId", photoId);
        for (int attempt = 1; ; attempt++) {
            Album album = manage(actor, id);
            Photo photo = core.photo(actor, photoId);
            if (!photo.albumId().equals(id)) {
                throw new NotFoundException("photo", photoId + " in album " + id);
            }
            try {
                // The store checks again, atomically, that the photo is still in the album.
                return core.albums.setCover(album.withCover(Optional.of(photo.id()), core.now()));
            } catch (ConcurrentModificationException e) {
                // Setting a cover does not depend on what else changed: read again and retry.
                if (attempt == COVER_RETRIES) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Album clearCover(UserId actor, AlbumId id) {
        return core.albums.update(manage(actor, id).withCover(Optional.empty(), core.now()));
    }

    @Override
    public Page<Album> list(UserId actor, PageRequest page) {
        Validation.required("actor", actor);
        return core.page(CursorCodec.scope("albums", actor), page, (limit, after) -> core.albums.list(actor, limit, after));
    }

    @Override
    public Page<Album> search(UserId actor, String text, PageRequest page) {
        Validation.required("actor", actor);
        String needle = Validation.line("text", text, Validation.MAX_SEARCH_TEXT);
        return core.page(CursorCodec.scope("albums.search", actor, needle), page,
                (limit, after) -> core.albums.search(actor, needle, limit, after));
    }

    /** The actor's album, for a change only its owner may make. */
    private Album manage(UserId actor, AlbumId id) {
        return core.access.album(actor, id, Access.Right.MANAGE).album();
    }

    @Override
    public void delete(UserId actor, AlbumId id) {
        Validation.required("actor", actor);
        Validation.required("albumId", id);
        if (deleteWithContents(actor, id).isEmpty()) {
            // Absent or gone for its owner: nothing to do, unless the actor is a member, who may not.
            core.shares.findMember(id, actor).ifPresent(member -> manage(actor, id));
        } else {
            core.publish(GalleryEvent.ofAlbum(GalleryEvent.Type.ALBUM_DELETED, core.now(), actor, id));
        }
    }

    /**
     * Marks the album as being deleted (from then on no photo goes into or out of it, so the loop
     * below ends with the album empty), removes the photos in batches (records first, then their
     * blobs) and the album record last, so that a crash at any point leaves an album that a repeated
     * delete finishes. Does nothing (empty) when the album is absent.
     */
    Optional<Deleted> deleteWithContents(UserId owner, AlbumId id) {
        BlobDeletes blobs = new BlobDeletes(core);
        Optional<Integer> photos;
        try {
            photos = deleteWithContents(owner, id, blobs);
        } catch (RuntimeException e) {
            blobs.flushAfter(e);
            throw e;
        }
        int deletedBlobs = blobs.flush();
        return photos.map(count -> new Deleted(count, deletedBlobs));
    }

    /**
     * As {@link #deleteWithContents(UserId, AlbumId)}, leaving the photos' blobs in {@code blobs} for
     * the caller to flush (a purge sends those of all albums in full batches); returns how many photos
     * it deleted.
     */
    Optional<Integer> deleteWithContents(UserId owner, AlbumId id, BlobDeletes blobs) {
        if (!core.albums.markDeleting(owner, id)) {
            return Optional.empty();
        }
        // Nothing can share the album any more once it is marked: its memberships and links go first.
        core.shares.removeAlbum(owner, id);
        int photos = 0;
        for (int attempt = 1; ; attempt++) {
            Slice<Photo> batch;
            do {
                batch = core.photos.listByAlbum(owner, id, DELETE_BATCH, Optional.empty());
                core.photos.deleteAll(owner, batch.items().stream().map(Photo::id).toList());
                blobs.addBlobsOf(batch.items());
                photos += batch.items().size();
            } while (!batch.items().isEmpty());
            try {
                core.albums.delete(owner, id);
                return Optional.of(photos);
            } catch (ConflictException stillFilled) {
                // The listing has not caught up with a photo written just before the mark (an eventually
                // consistent index): list again, a little later, until the store lets the album go.
                // 50, 100, 200 ... ms apart.
                if (attempt == LISTING_TRIES || !Pause.before(Duration.ofMillis(50L << Math.min(attempt - 1, 6)))) {
                    throw new StorageUnavailableException("album " + id + " still has photos its listing does not"
                            + " show yet; deleting it again finishes the job", stillFilled);
                }
            }
        }
    }

    record Deleted(int photos, int blobs) {
    }
}
