package dev.gallerykit.memory;

import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.testkit.GalleryContract;

class InMemoryGalleryTest extends GalleryContract {

    /** A new test instance per test: fresh repositories, the photos filed in these albums. */
    private final InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
    private final InMemoryPhotoRepository photos = new InMemoryPhotoRepository(albums);

    @Override
    protected AlbumRepository albumRepository() {
        return albums;
    }

    @Override
    protected PhotoRepository photoRepository() {
        return photos;
    }

    @Override
    protected BlobStore blobStore() {
        return new InMemoryBlobStore();
    }

    @Override
    protected ShareRepository shareRepository() {
        return new InMemoryShareRepository(albums);
    }
}
