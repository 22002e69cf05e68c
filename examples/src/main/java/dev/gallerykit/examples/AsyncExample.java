package dev.gallerykit.examples;

import dev.gallerykit.Gallery;
import dev.gallerykit.GalleryWorker;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.GalleryEvent;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.memory.InMemoryAlbumRepository;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.memory.InMemoryJobQueue;
import dev.gallerykit.memory.InMemoryPhotoRepository;
import dev.gallerykit.memory.InProcessEventPublisher;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The asynchronous-ingest example of the README, compiled and run by the build so that it stays true. */
public final class AsyncExample {

    private AsyncExample() {
    }

    // README:begin
    static Photo uploadNowProcessLater(UserId me, InputStream jpeg) throws Exception {
        InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
        InMemoryJobQueue queue = new InMemoryJobQueue();                      // or SqsJobQueue (gallery-sqs)
        CompletableFuture<GalleryEvent> ready = new CompletableFuture<>();
        InProcessEventPublisher events = new InProcessEventPublisher()          // or SqsEventPublisher
                .listen(event -> {
                    if (event.type() == GalleryEvent.Type.PHOTO_READY) {
                        ready.complete(event);
                    }
                });
        Gallery gallery = Gallery.builder().albums(albums).photos(new InMemoryPhotoRepository(albums))
                .blobs(new InMemoryBlobStore()).asynchronous(queue).events(events).build();
        Album album = gallery.albums().create(me, "Holidays", "");

        // Answers as soon as the checked original and the record are stored: PROCESSING, no thumbnails yet.
        Photo accepted = gallery.photos().upload(me, album.id(), Upload.of(jpeg, "beach.jpg"));

        // Workers run here or in other processes; each job is idempotent under redelivery.
        GalleryWorker worker = GalleryWorker.builder(gallery).threads(2).build().start();
        try (worker) {
            ready.get(1, TimeUnit.MINUTES);                                   // the event comes as the job ends
        }
        System.out.println("photos made ready: " + worker.metrics().ready()); // counted once closed
        return gallery.photos().get(me, accepted.id());                       // READY, with its thumbnails
    }
    // README:end
}
