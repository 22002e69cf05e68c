package dev.gallerykit.examples;

import dev.gallerykit.Gallery;
import dev.gallerykit.SharedAlbum;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumRole;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.memory.InMemoryAlbumRepository;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.memory.InMemoryPhotoRepository;
import dev.gallerykit.memory.InMemoryShareRepository;
import java.io.InputStream;
import java.util.List;

/** The sharing example of the README, compiled and run by the build so that it stays true. */
public final class SharingExample {

    private SharingExample() {
    }

    // README:begin
    static List<Photo> shareWithFamily(UserId me, UserId sister, InputStream mine, InputStream hers) {
        InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
        Gallery gallery = Gallery.builder()
                .albums(albums).photos(new InMemoryPhotoRepository(albums))
                .shares(new InMemoryShareRepository(albums))   // or db.shares() of JdbcRepositories / DynamoDbRepositories
                .blobs(new InMemoryBlobStore())
                .build();

        Album summer = gallery.albums().create(me, "Summer", "");
        gallery.photos().upload(me, summer.id(), Upload.of(mine, "beach.jpg"));
        gallery.sharing().share(me, summer.id(), sister, AlbumRole.CONTRIBUTOR, true);   // true: originals too

        // She sees the album among those shared with her, and adds to it: the photo is mine, uploaded by her.
        for (SharedAlbum shared : gallery.sharing().sharedWithMe(sister, PageRequest.first(20)).items()) {
            gallery.photos().upload(sister, shared.album().id(), Upload.of(hers, "picnic.jpg"));
        }

        gallery.sharing().unshare(me, summer.id(), sister);   // from now on the album is "not found" for her
        return gallery.photos().list(me, summer.id(), PageRequest.first(20)).items();
    }
    // README:end
}
