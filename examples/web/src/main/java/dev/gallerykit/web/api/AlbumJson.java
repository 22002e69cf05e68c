package dev.gallerykit.web.api;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.PhotoId;

/** An album as the API shows it; {@code coverPhotoId} is null when the album has no cover. */
record AlbumJson(String id, String name, String description, String coverPhotoId, String createdAt,
                 String updatedAt) {

    static AlbumJson of(Album album) {
        return new AlbumJson(album.id().toString(), album.name(), album.description(),
                album.cover().map(PhotoId::toString).orElse(null), album.createdAt().toString(),
                album.updatedAt().toString());
    }
}
