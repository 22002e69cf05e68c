package dev.gallerykit.internal;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.GalleryEvent;
import dev.gallerykit.domain.IdGenerator;
import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.image.Rendition;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.BlobAttributes;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.EventPublisher;
import dev.gallerykit.spi.JobQueue;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.spi.Slice;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the use cases share: the ports, time, ids, cursors, and the steps several of them take. */
final class Core {

    private static final Logger LOG = LoggerFactory.getLogger(Core.class);

    final AlbumRepository albums;
    final PhotoRepository photos;
    final ShareRepository shares;
    final Access access;
    final BlobStore blobs;
    /** Where asynchronous ingest sends its jobs; empty for synchronous ingest. */
    final Optional<JobQueue> jobs;
    final EventPublisher events;
    final Clock clock;
    final IdGenerator ids;
    private final CursorCodec cursors;
    private final int maxPageSize;

    Core(AlbumRepository albums, PhotoRepository photos, ShareRepository shares, BlobStore blobs, Optional<JobQueue> jobs,
         EventPublisher events, Clock clock, byte[] cursorSecret, int maxPageSize) {
        this.albums = albums;
        this.photos = photos;
        this.shares = shares;
        this.access = new Access(albums, photos, shares);
        this.blobs = blobs;
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
        this.ids = IdGenerator.timeOrdered(clock);
        this.cursors = new CursorCodec(cursorSecret);
        this.maxPageSize = maxPageSize;
    }

    Instant now() {
        return clock.instant();
    }

    Album album(UserId owner, AlbumId id) {
        Validation.required("actor", owner);
        Validation.required("albumId", id);
        return albums.find(owner, id).orElseThrow(() -> new NotFoundException("album", id));
    }

    Photo photo(UserId owner, PhotoId id) {
        Validation.required("actor", owner);
        Validation.required("photoId", id);
        return photos.find(owner, id).orElseThrow(() -> new NotFoundException("photo", id));
    }

    /**
     * Runs one page of a repository query: checks the limit, turns the caller's cursor back into
     * the repository's position (refusing one from another scope) and seals the next position.
     */
    <T> Page<T> page(String scope, PageRequest request, BiFunction<Integer, Optional<String>, Slice<T>> query) {
        Validation.required("page", request);
        int limit = Validation.limit(request.limit(), maxPageSize);
        Optional<String> position = cursors.open(scope, request.cursor());
        Slice<T> slice = query.apply(limit, position);
        return new Page<>(slice.items(), cursors.seal(scope, slice.next()));
    }

    String seal(String scope, String text) {
        return cursors.seal(scope, Optional.of(text)).orElseThrow();
    }

    String open(String field, String scope, String sealed) {
        return cursors.open(field, scope, sealed);
    }

    /** Keys never get new bytes (each attempt at a photo has keys of its own), so the files can be cached for good. */
    static final Optional<String> IMMUTABLE = Optional.of("private, max-age=31536000, immutable");

    /**
     * Writes the renditions of a photo under the keys of {@code attempt}, adding each one written to
     * {@code written}, so that a failure part way leaves the caller knowing what to remove.
     */
    void putRenditions(UserId owner, PhotoId photo, String attempt, List<Rendition> renditions, List<Derivative> written) {
        for (Rendition rendition : renditions) {
            String name = Derivative.thumbnailName(rendition.longEdge());
            String key = BlobLayout.rendition(owner, photo, attempt, name);
            blobs.put(key, new ByteArrayInputStream(rendition.jpeg()), rendition.jpeg().length,
                    new BlobAttributes(Rendition.CONTENT_TYPE, IMMUTABLE));
            written.add(new Derivative(name, key, Rendition.CONTENT_TYPE, rendition.jpeg().length,
                    Optional.of(rendition.dimensions())));
        }
    }

    /** Removes blobs nothing points at (a failed attempt's); what cannot be removed is logged for reconcile. */
    void removeUnreferenced(PhotoId photo, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try {
            blobs.deleteAll(keys).forEach((key, reason) ->
                    LOG.warn("blob {} of photo {} could not be removed ({}); reconcile will", key, photo, reason));
        } catch (RuntimeException e) {
            LOG.warn("the blobs of a failed attempt at photo {} could not be removed; reconcile will", photo, e);
        }
    }

    /** Publishes events of what already happened: a failure is logged, never thrown at the use case. */
    void publish(GalleryEvent... happened) {
        try {
            events.publish(List.of(happened));
        } catch (RuntimeException e) {
            LOG.warn("could not publish {} event(s), first {} {}", happened.length, happened[0].type(), happened[0].id(), e);
        }
    }

    /**
     * Deletes the blobs of photos whose records are already gone. A blob that cannot be deleted is
     * logged and left to {@code reconcile}: the records no longer point at it, so nobody sees it.
     */
    int deleteBlobsOf(Collection<Photo> removed) {
        return deleteBlobs(BlobDeletes.keysOf(removed));
    }

    /** As {@link #deleteBlobsOf}, by key. */
    int deleteBlobs(List<String> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        Map<String, String> failed = blobs.deleteAll(keys);
        failed.forEach((key, reason) -> LOG.warn("could not delete blob {} ({}); reconcile will remove it", key, reason));
        return keys.size() - failed.size();
    }
}
