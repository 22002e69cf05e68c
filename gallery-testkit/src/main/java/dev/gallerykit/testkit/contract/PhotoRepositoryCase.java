package dev.gallerykit.testkit.contract;

import static dev.gallerykit.testkit.contract.Records.aPhoto;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.PhotoRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the test groups nested in {@link PhotoRepositoryContract}: the repository under test
 * (built by the contract before each test) and the helpers that write photos into it, each in an
 * album the contract's {@link PhotoRepositoryContract#albumFor} hook provides.
 */
abstract class PhotoRepositoryCase {

    /** The contract this group is nested in. */
    abstract PhotoRepositoryContract contract();

    PhotoRepository repository;
    AlbumRepository albums;

    @BeforeEach
    void readTheRepository() {
        repository = contract().repository();
        albums = contract().albumRepository();
    }

    AlbumId albumFor(UserId owner) {
        return contract().albumFor(owner);
    }

    /** A photo of {@code owner} in an album of its own. */
    Photo create(UserId owner) {
        return create(owner, albumFor(owner));
    }

    /** A photo of {@code owner}, with {@code changes}, in an album of its own. */
    Photo create(UserId owner, Consumer<Photo.Builder> changes) {
        return create(owner, albumFor(owner), changes);
    }

    Photo create(UserId owner, AlbumId album, Consumer<Photo.Builder> changes) {
        return repository.create(aPhoto(owner, album, changes));
    }

    Photo create(UserId owner, AlbumId album) {
        return repository.create(aPhoto(owner, album));
    }

    /** Creates {@code count} photos in {@code album}, oldest first. */
    List<Photo> createPhotos(UserId owner, AlbumId album, int count) {
        List<Photo> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            created.add(create(owner, album));
        }
        return created;
    }

    static List<PhotoId> newestFirst(List<Photo> photos) {
        return photos.stream().map(Photo::id).sorted(Comparator.reverseOrder()).toList();
    }
}
