package dev.gallerykit.testkit;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.Slice;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A photo repository whose album listing lags, as an eventually consistent index does: the first
 * {@code lagging} listings leave out the album's newest photo. Everything else is the store's own.
 */
final class LaggingListingPhotoRepository extends ForwardingPhotoRepository {

    private final AtomicInteger lagging;

    LaggingListingPhotoRepository(PhotoRepository delegate, int lagging) {
        super(delegate);
        this.lagging = new AtomicInteger(lagging);
    }

    @Override
    public Slice<Photo> listByAlbum(UserId owner, AlbumId album, int limit, Optional<String> after) {
        Slice<Photo> slice = super.listByAlbum(owner, album, limit, after);
        if (after.isPresent() || slice.items().isEmpty() || lagging.getAndDecrement() <= 0) {
            return slice;
        }
        List<Photo> seen = slice.items().subList(1, slice.items().size());
        return new Slice<>(seen, slice.next());
    }
}
