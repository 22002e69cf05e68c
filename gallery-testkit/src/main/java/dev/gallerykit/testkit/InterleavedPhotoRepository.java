package dev.gallerykit.testkit;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.spi.PhotoClaims;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.Slice;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A photo repository that plays one interleaving on purpose: just before the first look-up by
 * content it runs {@code meanwhile} (another caller's write), and from then on every look-up by id
 * fails as a busy store's would. What threads hit now and then under load, a test replays at once.
 */
final class InterleavedPhotoRepository implements PhotoRepository {

    private final PhotoRepository delegate;
    private final Runnable meanwhile;
    private final AtomicBoolean happened = new AtomicBoolean();

    InterleavedPhotoRepository(PhotoRepository delegate, Runnable meanwhile) {
        this.delegate = delegate;
        this.meanwhile = meanwhile;
    }

    @Override
    public Optional<Photo> findBySha256(UserId owner, String sha256) {
        if (happened.compareAndSet(false, true)) {
            meanwhile.run();
        }
        return delegate.findBySha256(owner, sha256);
    }

    @Override
    public Optional<Photo> find(UserId owner, PhotoId id) {
        if (happened.get()) {
            throw new StorageUnavailableException("injected: the store is too busy to read photo " + id, null);
        }
        return delegate.find(owner, id);
    }

    @Override
    public Photo create(Photo photo, PhotoClaims claims) {
        return delegate.create(photo, claims);
    }

    @Override
    public Photo update(Photo photo) {
        return delegate.update(photo);
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
