package dev.gallerykit.memory;

import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.testkit.contract.ShareRepositoryContract;

class InMemoryShareRepositoryTest extends ShareRepositoryContract {

    private final InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
    private final InMemoryShareRepository shares = new InMemoryShareRepository(albums);

    @Override
    protected ShareRepository shares() {
        return shares;
    }

    @Override
    protected AlbumRepository albums() {
        return albums;
    }
}
