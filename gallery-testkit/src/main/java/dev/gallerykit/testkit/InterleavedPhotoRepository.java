package dev.gallerykit.testkit;

import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.spi.PhotoRepository;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A photo repository that plays one interleaving on purpose: just before the first look-up by
 * content it runs {@code meanwhile} (another caller's write), and from then on every look-up by id
 * fails as a busy store's would. What threads hit now and then under load, a test replays at once.
 */
final class InterleavedPhotoRepository extends ForwardingPhotoRepository {

    private final Runnable meanwhile;
    private final AtomicBoolean happened = new AtomicBoolean();

    InterleavedPhotoRepository(PhotoRepository delegate, Runnable meanwhile) {
        super(delegate);
        this.meanwhile = meanwhile;
    }

    @Override
    public Optional<Photo> findBySha256(UserId owner, String sha256) {
        if (happened.compareAndSet(false, true)) {
            meanwhile.run();
        }
        return super.findBySha256(owner, sha256);
    }

    @Override
    public Optional<Photo> find(UserId owner, PhotoId id) {
        if (happened.get()) {
            throw new StorageUnavailableException("injected: the store is too busy to read photo " + id, null);
        }
        return super.find(owner, id);
    }
}
