package dev.gallerykit.reliability;

import dev.gallerykit.memory.InMemoryAlbumRepository;
import dev.gallerykit.memory.InMemoryPhotoRepository;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.PhotoRepository;
import org.junit.jupiter.api.DisplayName;

/** The hostile search texts on the in-memory repositories, whose matching is the definition. */
@DisplayName("Hostile search texts in memory")
class HostileSearchInMemoryTest extends HostileSearch {

    private final InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
    private final InMemoryPhotoRepository photos = new InMemoryPhotoRepository(albums);

    @Override
    protected AlbumRepository albums() {
        return albums;
    }

    @Override
    protected PhotoRepository photos() {
        return photos;
    }
}
