package dev.gallerykit.internal;

import dev.gallerykit.Owners;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.spi.Slice;
import java.util.Optional;

final class OwnerService implements Owners {

    private static final int BATCH = 100;

    private final Core core;
    private final AlbumService albums;

    OwnerService(Core core, AlbumService albums) {
        this.core = core;
        this.albums = albums;
    }

    @Override
    public PurgeReport purge(UserId owner) {
        Validation.required("owner", owner);
        // One queue of blobs for every album: full DeleteObjects batches, not one short batch per album.
        BlobDeletes blobs = new BlobDeletes(core);
        int albumCount = 0;
        int photoCount = 0;
        try {
            Slice<Album> batch;
            do {
                batch = core.albums.list(owner, BATCH, Optional.empty());
                for (Album album : batch.items()) {
                    // Empty when another call deleted the album meanwhile: not ours to count.
                    Optional<Integer> deleted = albums.deleteWithContents(owner, album.id(), blobs);
                    if (deleted.isPresent()) {
                        albumCount++;
                        photoCount += deleted.get();
                    }
                }
            } while (!batch.items().isEmpty());
        } catch (RuntimeException e) {
            blobs.flushAfter(e);
            throw e;
        }
        int blobCount = blobs.flush();
        // Their uploads into other people's albums stay: those photos belong to the albums' owners.
        core.shares.removeMemberships(owner);
        return new PurgeReport(albumCount, photoCount, blobCount);
    }
}
