package dev.gallerykit.jdbc;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.Slice;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * The photo contract puts photos in albums it never creates (its in-memory model has no albums);
 * our schema requires the album (a foreign key). Before a write this creates the album the photo
 * names, as the gallery always would have, and otherwise passes every call through unchanged.
 */
final class AlbumsOnDemand implements PhotoRepository {

    private final PhotoRepository photos;
    private final AlbumRepository albums;

    AlbumsOnDemand(JdbcRepositories db) {
        this.photos = db.photos();
        this.albums = db.albums();
    }

    private void ensureAlbum(UserId owner, AlbumId id) {
        if (albums.find(owner, id).isEmpty()) {
            try {
                Instant now = Instant.parse("2024-05-04T10:15:30Z");
                albums.create(new Album(id, owner, "Album " + id, "", Optional.empty(), now, now, 0));
            } catch (ConflictException takenByAnotherOwner) {
                // The write then fails as it should: the album is not this owner's.
            }
        }
    }

    @Override
    public Photo create(Photo photo) {
        ensureAlbum(photo.ownerId(), photo.albumId());
        return photos.create(photo);
    }

    @Override
    public Optional<Photo> find(UserId owner, PhotoId id) {
        return photos.find(owner, id);
    }

    @Override
    public Optional<Photo> findBySha256(UserId owner, String sha256) {
        return photos.findBySha256(owner, sha256);
    }

    @Override
    public Photo update(Photo photo) {
        ensureAlbum(photo.ownerId(), photo.albumId());
        return photos.update(photo);
    }

    @Override
    public Slice<Photo> listByAlbum(UserId owner, AlbumId album, int limit, Optional<String> after) {
        return photos.listByAlbum(owner, album, limit, after);
    }

    @Override
    public Slice<Photo> search(UserId owner, PhotoQuery query, int limit, Optional<String> after) {
        return photos.search(owner, query, limit, after);
    }

    @Override
    public void delete(UserId owner, PhotoId id) {
        photos.delete(owner, id);
    }

    @Override
    public void deleteAll(UserId owner, Collection<PhotoId> ids) {
        photos.deleteAll(owner, ids);
    }
}
