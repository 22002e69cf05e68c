package dev.gallerykit.testkit.faults;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.Slice;
import java.util.Optional;

final class FaultyAlbumRepository implements AlbumRepository {

    private final AlbumRepository delegate;
    private final Faults faults;

    FaultyAlbumRepository(AlbumRepository delegate, Faults faults) {
        this.delegate = delegate;
        this.faults = faults;
    }

    @Override
    public Album create(Album album) {
        return faults.call(Operation.ALBUM_CREATE, () -> delegate.create(album));
    }

    @Override
    public Optional<Album> find(UserId owner, AlbumId id) {
        return faults.call(Operation.ALBUM_FIND, () -> delegate.find(owner, id));
    }

    @Override
    public Album update(Album album) {
        return faults.call(Operation.ALBUM_UPDATE, () -> delegate.update(album));
    }

    @Override
    public Album setCover(Album album) {
        return faults.call(Operation.ALBUM_SET_COVER, () -> delegate.setCover(album));
    }

    @Override
    public boolean markDeleting(UserId owner, AlbumId id) {
        return faults.call(Operation.ALBUM_MARK_DELETING, () -> delegate.markDeleting(owner, id));
    }

    @Override
    public Slice<Album> list(UserId owner, int limit, Optional<String> after) {
        return faults.call(Operation.ALBUM_LIST, () -> delegate.list(owner, limit, after));
    }

    @Override
    public Slice<Album> search(UserId owner, String text, int limit, Optional<String> after) {
        return faults.call(Operation.ALBUM_SEARCH, () -> delegate.search(owner, text, limit, after));
    }

    @Override
    public void delete(UserId owner, AlbumId id) {
        faults.run(Operation.ALBUM_DELETE, () -> delegate.delete(owner, id));
    }
}
