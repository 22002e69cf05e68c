package dev.gallerykit.testkit;

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

/** A photo repository that hands every call to another: the base of decorators that replay one interleaving. */
abstract class ForwardingPhotoRepository implements PhotoRepository {

    private final PhotoRepository delegate;

    ForwardingPhotoRepository(PhotoRepository delegate) {
        this.delegate = delegate;
    }

    @Override
    public Photo create(Photo photo, PhotoClaims claims) {
        return delegate.create(photo, claims);
    }

    @Override
    public Optional<Photo> find(UserId owner, PhotoId id) {
        return delegate.find(owner, id);
    }

    @Override
    public Optional<Photo> findBySha256(UserId owner, String sha256) {
        return delegate.findBySha256(owner, sha256);
    }

    @Override
    public Photo update(Photo photo) {
        return delegate.update(photo);
    }

    @Override
    public Photo update(Photo current, Photo changed) {
        return delegate.update(current, changed);
    }

    @Override
    public Slice<Photo> listByAlbum(UserId owner, AlbumId album, int limit, Optional<String> after) {
        return delegate.listByAlbum(owner, album, limit, after);
    }

    @Override
    public Slice<Photo> search(UserId owner, PhotoQuery query, int limit, Optional<String> after) {
        return delegate.search(owner, query, limit, after);
    }

    @Override
    public void delete(UserId owner, PhotoId id) {
        delegate.delete(owner, id);
    }

    @Override
    public void deleteAll(UserId owner, Collection<PhotoId> ids) {
        delegate.deleteAll(owner, ids);
    }

    @Override
    public int removeExpiredHolds(UserId owner, Instant before) {
        return delegate.removeExpiredHolds(owner, before);
    }
}
