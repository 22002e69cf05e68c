package dev.gallerykit.examples;

import dev.gallerykit.Gallery;
import dev.gallerykit.IssuedLink;
import dev.gallerykit.LinkSettings;
import dev.gallerykit.LinkVisit;
import dev.gallerykit.PublicPhoto;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.memory.InMemoryAlbumRepository;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.memory.InMemoryPhotoRepository;
import dev.gallerykit.memory.InMemoryShareRepository;
import dev.gallerykit.spi.PresignedRequest;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The share-link example of the README, compiled and run by the build so that it stays true. */
public final class LinkExample {

    private LinkExample() {
    }

    // README:begin
    static List<PublicPhoto> showToGuests(UserId me, InputStream jpeg) {
        InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
        Gallery gallery = Gallery.builder().albums(albums).photos(new InMemoryPhotoRepository(albums))
                .shares(new InMemoryShareRepository(albums)).blobs(new InMemoryBlobStore()).build();
        Album party = gallery.albums().create(me, "Party", "");
        gallery.photos().upload(me, party.id(), Upload.of(jpeg, "cake.jpg"));

        IssuedLink link = gallery.sharing().createLink(me, party.id(), LinkSettings.defaults()
                .expiringAt(Instant.now().plus(Duration.ofDays(7))).withPassword("balloons"));
        String url = "https://photos.example.com/s/" + link.token();   // the only copy of the token

        // A guest with no account opens it: the album, its photos' public fields, presigned thumbnails.
        LinkVisit visit = gallery.links().open(link.token(), Optional.of("balloons"));
        List<PublicPhoto> photos = gallery.links().photos(visit.ticket(), PageRequest.first(50)).items();
        PresignedRequest thumbnail = gallery.links().url(visit.ticket(), photos.get(0).id(), "thumb-256",
                Duration.ofMinutes(10));
        System.out.println(url + " shows " + visit.album().name() + ", " + thumbnail.uri());

        gallery.sharing().revokeLink(me, party.id(), link.link().id());   // the link and its tickets stop at once
        return photos;
    }
    // README:end
}
