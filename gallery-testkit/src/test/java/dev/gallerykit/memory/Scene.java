package dev.gallerykit.memory;

import dev.gallerykit.DirectUpload;
import dev.gallerykit.DirectUploadRequest;
import dev.gallerykit.Gallery;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.spi.BlobInfo;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A fresh in-memory gallery for one hostile case: Alice, who tries the input in her album, and Bob,
 * whose album and photo nothing Alice does may change or show.
 */
final class Scene {

    final InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
    final InMemoryPhotoRepository photos = new InMemoryPhotoRepository(albums);
    final InMemoryBlobStore blobs = new InMemoryBlobStore();
    final Gallery gallery = Gallery.builder().albums(albums).photos(photos).blobs(blobs).build();
    final UserId alice = new UserId(UUID.randomUUID());
    final UserId bob = new UserId(UUID.randomUUID());
    final Album album = gallery.albums().create(alice, "Uploads", "");
    final Album bobsAlbum = gallery.albums().create(bob, "Bob's secret album", "");
    final Photo bobsPhoto = gallery.photos().upload(bob, bobsAlbum.id(),
            Upload.builder().content(PhotoFixtures.aJpeg(64, 48, 99).stream()).fileName("bob-private.jpg")
                    .title("Bob's private photo").build());
    final List<String> bobsBlobs = blobKeys(bob);

    /** Uploads {@code file} under its own name. */
    Photo upload(Fixture file) {
        return gallery.photos().upload(alice, album.id(), Upload.of(file.stream(), file.fileName()));
    }

    /** Uploads {@code file} with what {@code details} sets (file name, title, tags ...) over its own name. */
    Photo upload(Fixture file, Consumer<Upload.Builder> details) {
        Upload.Builder upload = Upload.builder().content(file.stream()).fileName(file.fileName());
        details.accept(upload);
        return gallery.photos().upload(alice, album.id(), upload.build());
    }

    /** Starts a direct upload declaring {@code contentType}, PUTs {@code file} as the client would, completes it. */
    Photo direct(Fixture file, String contentType) {
        DirectUpload started = gallery.photos().startDirectUpload(alice, album.id(),
                DirectUploadRequest.of(file.fileName(), contentType, file.size()));
        blobs.putPresigned(started.put().uri(), contentType, file.bytes());
        return gallery.photos().completeDirectUpload(alice, started.token());
    }

    /** Alice's photos, all of them. */
    List<Photo> alicesPhotos() {
        return gallery.photos().search(alice, PhotoQuery.builder().build(), PageRequest.first(100)).items();
    }

    List<String> blobKeys(UserId owner) {
        return blobs.list(owner + "/", 1000, Optional.empty()).items().stream().map(BlobInfo::key).toList();
    }

    /** What of Bob's must never appear in anything Alice is told. */
    List<String> bobsSecrets() {
        return List.of(bob.toString(), bobsAlbum.id().toString(), bobsPhoto.id().toString(), bobsAlbum.name(),
                bobsPhoto.title(), bobsPhoto.sha256());
    }
}
