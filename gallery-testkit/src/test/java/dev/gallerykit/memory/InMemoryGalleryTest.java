package dev.gallerykit.memory;

import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.testkit.GalleryContract;

class InMemoryGalleryTest extends GalleryContract {

    @Override
    protected AlbumRepository albumRepository() {
        return new InMemoryAlbumRepository();
    }

    @Override
    protected PhotoRepository photoRepository() {
        return new InMemoryPhotoRepository();
    }

    @Override
    protected BlobStore blobStore() {
        return new InMemoryBlobStore();
    }
}
