package dev.gallerykit.memory;

import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.testkit.contract.AlbumRepositoryContract;

/** One store for all tests, as a real database would be: the contract must not need an empty one. */
class InMemoryAlbumRepositoryTest extends AlbumRepositoryContract {

    private static final AlbumRepository REPOSITORY = new InMemoryAlbumRepository();

    @Override
    protected AlbumRepository albums() {
        return REPOSITORY;
    }
}
