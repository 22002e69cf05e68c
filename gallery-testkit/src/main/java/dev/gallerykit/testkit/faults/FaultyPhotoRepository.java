package dev.gallerykit.testkit.faults;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.spi.PhotoClaims;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.Slice;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

final class FaultyPhotoRepository implements PhotoRepository {

    private final PhotoRepository delegate;
    private final Faults faults;

    FaultyPhotoRepository(PhotoRepository delegate, Faults faults) {
        this.delegate = delegate;
        this.faults = faults;
    }

    @Override
    public Photo create(Photo photo, PhotoClaims claims) {
        return faults.call(Operation.PHOTO_CREATE, () -> delegate.create(photo, claims));
    }

    @Override
    public Optional<Photo> find(UserId owner, PhotoId id) {
        return faults.call(Operation.PHOTO_FIND, () -> delegate.find(owner, id));
    }

    @Override
    public Optional<Photo> findBySha256(UserId owner, String sha256) {
        return faults.call(Operation.PHOTO_FIND_BY_SHA256, () -> delegate.findBySha256(owner, sha256));
    }

    @Override
    public Photo update(Photo photo) {
        return faults.call(Operation.PHOTO_UPDATE, () -> delegate.update(photo));
    }

    /** The same operation as a whole update: a fault planned for an update strikes either form. */
    @Override
    public Photo update(Photo current, Photo changed) {
        return faults.call(Operation.PHOTO_UPDATE, () -> delegate.update(current, changed));
    }

    @Override
    public Slice<Photo> listByAlbum(UserId owner, AlbumId album, int limit, Optional<String> after) {
        return faults.call(Operation.PHOTO_LIST_BY_ALBUM, () -> delegate.listByAlbum(owner, album, limit, after));
    }

    @Override
    public Slice<Photo> search(UserId owner, PhotoQuery query, int limit, Optional<String> after) {
        return faults.call(Operation.PHOTO_SEARCH, () -> delegate.search(owner, query, limit, after));
    }

    @Override
    public void delete(UserId owner, PhotoId id) {
        faults.run(Operation.PHOTO_DELETE, () -> delegate.delete(owner, id));
    }

    @Override
    public void deleteAll(UserId owner, Collection<PhotoId> ids) {
        faults.run(Operation.PHOTO_DELETE_ALL, () -> delegate.deleteAll(owner, ids));
    }

    @Override
    public int removeExpiredHolds(UserId owner, Instant before) {
        return faults.call(Operation.PHOTO_REMOVE_EXPIRED_HOLDS, () -> delegate.removeExpiredHolds(owner, before));
    }
}
