package dev.gallerykit.examples;

import dev.gallerykit.Gallery;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.memory.InMemoryAlbumRepository;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.memory.InMemoryPhotoRepository;
import dev.gallerykit.spi.PresignedRequest;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

/** The wiring example of the README, compiled and run by the build so that it stays true. */
public final class QuickStart {

    private QuickStart() {
    }

    // README:begin
    static Photo addToNewAlbum(UserId me, InputStream jpeg) {
        InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
        Gallery gallery = Gallery.builder()
                .albums(albums)                          // or the JDBC / DynamoDB adapters
                .photos(new InMemoryPhotoRepository(albums))
                .blobs(new InMemoryBlobStore())          // or the S3 adapter
                .build();

        Album trip = gallery.albums().create(me, "Lisbon 2026", "Tiles and trams");
        Photo photo = gallery.photos().upload(me, trip.id(), Upload.builder()
                .content(jpeg).fileName("IMG_0001.jpg").tags(List.of("tram")).build());

        PresignedRequest thumbnail = gallery.photos().url(me, photo.id(), "thumb-256", Duration.ofMinutes(10));
        List<Photo> trams = gallery.photos()
                .search(me, PhotoQuery.of(q -> q.tags("tram")), PageRequest.first(20)).items();
        System.out.println(thumbnail.uri() + " " + trams.size());
        return photo;
    }
    // README:end
}
