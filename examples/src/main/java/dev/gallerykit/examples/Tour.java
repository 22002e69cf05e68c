package dev.gallerykit.examples;

import dev.gallerykit.Gallery;
import dev.gallerykit.PhotoUpdate;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.GeoBox;
import dev.gallerykit.domain.IdGenerator;
import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.GalleryException;
import dev.gallerykit.labeling.DominantColorLabeler;
import dev.gallerykit.memory.InMemoryAlbumRepository;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.memory.InMemoryPhotoRepository;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A tour of the gallery on its in-memory adapters: albums, uploads with EXIF and machine tags,
 * search, a rejected upload, presigned URLs and a purge. Run it with the README's demo command.
 */
public final class Tour {

    private final PrintStream out;

    Tour(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        new Tour(System.out).run();
    }

    void run() {
        InMemoryBlobStore blobs = new InMemoryBlobStore();
        InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
        Gallery gallery = Gallery.builder()
                .albums(albums)
                .photos(new InMemoryPhotoRepository(albums))
                .blobs(blobs)
                .labeler(new DominantColorLabeler())
                .build();
        UserId ann = IdGenerator.timeOrdered(Clock.systemUTC()).nextUserId();
        out.println("GalleryKit tour, in memory, for user " + ann);

        Album paris = gallery.albums().create(ann, "Paris 2024", "A week in July");
        Album home = gallery.albums().create(ann, "Home", "");
        out.println("\n1. Two albums: " + names(gallery.albums().list(ann, PageRequest.first(10))));

        Photo tower = upload(gallery, ann, paris, PhotoFixtures.aJpegWithExif(), List.of("travel", "night"));
        out.println("\n2. Uploaded " + tower.originalFileName() + " as " + tower.contentType());
        out.println("   taken " + tower.takenAt().flatMap(t -> t.withOffset()).map(Object::toString).orElse("?")
                + " with a " + tower.metadata().cameraMake().orElse("?") + " " + tower.metadata().cameraModel().orElse("?")
                + " at " + tower.location().map(p -> String.format("%.4f, %.4f", p.latitude(), p.longitude())).orElse("?"));
        out.println("   stored " + tower.dimensions().map(Object::toString).orElse("?") + " with EXIF orientation "
                + tower.metadata().orientation() + "; renditions (rotated upright, metadata stripped):");
        for (Derivative d : tower.derivatives()) {
            out.println("     " + d.name() + " -> " + d.blobKey() + " (" + d.size() + " bytes"
                    + d.dimensions().map(x -> ", " + x).orElse("") + ")");
        }
        out.println("   tags: " + tags(tower));

        Photo cat = upload(gallery, ann, home, PhotoFixtures.aJpeg(1024, 768, 42), List.of("pets"));
        Photo heic = upload(gallery, ann, home, PhotoFixtures.aHeicWithExif(), List.of());
        out.println("\n3. " + heic.originalFileName() + " is " + heic.contentType() + ": kept with its EXIF (taken "
                + heic.takenAt().map(t -> t.local().toString()).orElse("?") + "), thumbnails: " + heic.hasThumbnails());

        out.println("\n4. Searches");
        out.println("   tag 'travel'        -> " + titles(gallery, ann, PhotoQuery.of(q -> q.tags("travel"))));
        out.println("   text 'photo'        -> " + titles(gallery, ann, PhotoQuery.of(q -> q.text("photo"))));
        out.println("   around Paris (GPS)  -> " + titles(gallery, ann, PhotoQuery.of(q -> q.box(new GeoBox(48.5, 2.0, 49.2, 2.8)))));
        out.println("   taken in July 2024  -> " + titles(gallery, ann, PhotoQuery.of(q -> q.takenBetween(
                PhotoFixtures.EXIF_TAKEN_AT.withDayOfMonth(1), PhotoFixtures.EXIF_TAKEN_AT.withDayOfMonth(31)))));

        out.println("\n5. Bad input is refused and leaves nothing behind");
        for (Fixture bad : List.of(PhotoFixtures.aTextFileNamedJpg(), PhotoFixtures.aHugeHeaderPng(),
                PhotoFixtures.aTruncatedJpeg(), PhotoFixtures.aJpegWithExif())) {
            try {
                upload(gallery, ann, home, bad, List.of());
                out.println("   " + bad.fileName() + ": accepted?!");
            } catch (GalleryException e) {
                out.println("   " + bad.fileName() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }

        Photo renamed = gallery.photos().update(ann, cat.id(), PhotoUpdate.of(u -> u.title("Whiskers")));
        gallery.albums().setCover(ann, home.id(), renamed.id());
        out.println("\n6. Renamed " + cat.title() + " to " + renamed.title() + " and made it the cover of " + home.name());
        out.println("   presigned thumbnail: " + gallery.photos().url(ann, renamed.id(), "thumb-256", Duration.ofMinutes(10)).uri());

        out.println("\n7. Blobs stored: " + blobs.keys().size());
        var report = gallery.owners().purge(ann);
        out.println("   purge removed " + report.albums() + " albums, " + report.photos() + " photos, "
                + report.blobs() + " blobs; blobs left: " + blobs.keys().size());
    }

    private static Photo upload(Gallery gallery, UserId owner, Album album, Fixture fixture, List<String> tags) {
        return gallery.photos().upload(owner, album.id(),
                Upload.builder().content(fixture.stream()).fileName(fixture.fileName()).tags(tags).build());
    }

    private static String names(Page<Album> page) {
        return page.items().stream().map(Album::name).collect(Collectors.joining(", "));
    }

    private static String tags(Photo photo) {
        return photo.tags().stream()
                .map(t -> t.value() + t.confidence().map(c -> String.format(" (%.0f%%)", c * 100)).orElse(""))
                .collect(Collectors.joining(", "));
    }

    private static String titles(Gallery gallery, UserId owner, PhotoQuery query) {
        return gallery.photos().search(owner, query, PageRequest.first(20)).items().stream()
                .map(Photo::title).collect(Collectors.joining(", ", "[", "]"));
    }
}
