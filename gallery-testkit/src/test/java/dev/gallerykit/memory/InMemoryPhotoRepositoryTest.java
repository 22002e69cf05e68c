package dev.gallerykit.memory;

import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.testkit.contract.PhotoRepositoryContract;

/** One store for all tests, as a real database would be: the contract must not need an empty one. */
class InMemoryPhotoRepositoryTest extends PhotoRepositoryContract {

    private static final InMemoryAlbumRepository ALBUMS = new InMemoryAlbumRepository();
    private static final PhotoRepository REPOSITORY = new InMemoryPhotoRepository(ALBUMS);

    @Override
    protected PhotoRepository photos() {
        return REPOSITORY;
    }

    @Override
    protected AlbumRepository albums() {
        return ALBUMS;
    }
}
