package dev.gallerykit.reliability;

import dev.gallerykit.DuplicatePolicy;
import dev.gallerykit.Gallery;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.ShareRepository;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The adapters one JVM opened on a {@link Wiring}, and galleries over them. Closing it closes the
 * adapters (pools, SDK clients) in the reverse order of opening.
 */
final class Stores implements AutoCloseable {

    private final AlbumRepository albums;
    private final PhotoRepository photos;
    private final ShareRepository shares;
    private final BlobStore blobs;
    private final List<AutoCloseable> resources;

    Stores(AlbumRepository albums, PhotoRepository photos, ShareRepository shares, BlobStore blobs,
           AutoCloseable... resources) {
        this.albums = albums;
        this.photos = photos;
        this.shares = shares;
        this.blobs = blobs;
        this.resources = List.of(resources);
    }

    AlbumRepository albums() {
        return albums;
    }

    PhotoRepository photos() {
        return photos;
    }

    ShareRepository shares() {
        return shares;
    }

    BlobStore blobs() {
        return blobs;
    }

    /** The resource of that type that was opened with the adapters (the SQL repositories, say), if any. */
    <T> Optional<T> resource(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /**
     * One gallery per duplicate policy over these adapters, all reading {@code clock} and signing with
     * {@code cursorSecret}, as every instance of one deployment would.
     */
    Map<DuplicatePolicy, Gallery> galleries(Clock clock, byte[] cursorSecret) {
        Map<DuplicatePolicy, Gallery> galleries = new EnumMap<>(DuplicatePolicy.class);
        for (DuplicatePolicy policy : DuplicatePolicy.values()) {
            galleries.put(policy, Gallery.builder().albums(albums).photos(photos).shares(shares).blobs(blobs).clock(clock)
                    .duplicates(policy).cursorSecret(cursorSecret).build());
        }
        return galleries;
    }

    @Override
    public void close() {
        IllegalStateException failure = null;
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("could not close " + resources.get(i), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
