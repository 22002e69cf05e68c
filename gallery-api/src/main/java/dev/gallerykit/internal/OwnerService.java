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
        int albumCount = 0;
        int photoCount = 0;
        int blobCount = 0;
        Slice<Album> batch;
        do {
            batch = core.albums.list(owner, BATCH, Optional.empty());
            for (Album album : batch.items()) {
                AlbumService.Deleted deleted = albums.deleteWithContents(album);
                albumCount++;
                photoCount += deleted.photos();
                blobCount += deleted.blobs();
            }
        } while (!batch.items().isEmpty());
        return new PurgeReport(albumCount, photoCount, blobCount);
    }
}
