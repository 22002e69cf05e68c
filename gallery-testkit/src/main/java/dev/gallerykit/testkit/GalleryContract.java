package dev.gallerykit.testkit;

import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.memory.InMemoryJobQueue;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.JobQueue;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.ShareRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * The use cases end to end over real adapters: albums, uploads through the image pipeline, search,
 * ownership, deletes, purge and reconcile. An adapter module runs it by saying how to build its
 * repositories and blob store:
 *
 * <pre>{@code
 * class JdbcGalleryTest extends GalleryContract {
 *     protected AlbumRepository albumRepository() { return db.albums(); }
 *     protected PhotoRepository photoRepository() { return db.photos(); }
 *     protected BlobStore blobStore() { return new InMemoryBlobStore(); }
 * }
 * }</pre>
 *
 * <p>Before each test this class builds one fixture (a gallery over those adapters, its clock, two
 * users who own nothing yet); each use case is a contract of its own, nested here so that it runs
 * on that fixture. Users are fresh in every test, so adapters may share one store between tests.
 */
public abstract class GalleryContract {

    protected abstract AlbumRepository albumRepository();

    protected abstract PhotoRepository photoRepository();

    protected abstract BlobStore blobStore();

    /** The memberships and links of the albums of {@link #albumRepository()}: the same store's. */
    protected abstract ShareRepository shareRepository();

    /**
     * How the suite makes the store's presigned requests, as a browser would: through the store itself
     * for an {@code InMemoryBlobStore}, over HTTP for any other. Override for a store whose URLs need
     * something else to resolve them.
     */
    protected PresignedClient presignedClient(BlobStore blobs) {
        return PresignedClient.forStore(blobs);
    }

    /**
     * A new, empty job queue for asynchronous ingest, one per call: in this process by default.
     * Override to run the asynchronous use cases over a real queue.
     */
    protected JobQueue jobQueue() {
        return new InMemoryJobQueue();
    }

    private GalleryFixture fixture;

    @BeforeEach
    void buildTheFixture() {
        BlobStore blobs = blobStore();
        fixture = GalleryFixture.over(albumRepository(), photoRepository(), shareRepository(), blobs, presignedClient(blobs),
                this::jobQueue);
    }

    @Nested
    @DisplayName("Sharing an album with members")
    class Sharing extends SharingContract {
        @Override
        GalleryFixture fixture() {
            return fixture;
        }
    }

    @Nested
    @DisplayName("Who may do what: every use case by the owner, a contributor, a viewer and a stranger")
    class AccessMatrix extends AccessMatrixContract {
        @Override
        GalleryFixture fixture() {
            return fixture;
        }
    }

    @Nested
    @DisplayName("Memberships changing while members use them")
    class SharingUnderRaces extends SharingRaces {
        @Override
        GalleryFixture fixture() {
            return fixture;
        }
    }

    @Nested
    @DisplayName("Share links for visitors without an account")
    class Links extends LinkContract {
        @Override
        GalleryFixture fixture() {
            return fixture;
        }
    }

    @Nested
    @DisplayName("Asynchronous ingest: uploads answer at once, workers finish them")
    class AsynchronousIngest extends AsyncIngestContract {
        @Override
        GalleryFixture fixture() {
            return fixture;
        }
    }

    @Nested
    @DisplayName("Albums")
    class Albums extends AlbumContract {
        @Override
        GalleryFixture fixture() {
            return fixture;
        }
    }

    @Nested
    @DisplayName("Uploading a photo")
    class Uploading extends UploadContract {
        @Override
        GalleryFixture fixture() {
            return fixture;
        }
    }

    @Nested
    @DisplayName("A rejected upload leaves no record and no blob")
    class RejectedUploads extends RejectedUploadContract {
        @Override
        GalleryFixture fixture() {
            return fixture;
        }
    }

    @Nested
    @DisplayName("Photos")
    class Photos extends PhotoContract {
        @Override
        GalleryFixture fixture() {
            return fixture;
        }
    }

    @Nested
    @DisplayName("Listing and searching photos")
    class Searching extends SearchContract {
        @Override
        GalleryFixture fixture() {
            return fixture;
        }
    }

    @Nested
    @DisplayName("Deleting albums and owners")
    class BulkDeletes extends BulkDeleteContract {
        @Override
        GalleryFixture fixture() {
            return fixture;
        }
    }

    @Nested
    @DisplayName("Direct upload")
    class DirectUploads extends DirectUploadContract {
        @Override
        GalleryFixture fixture() {
            return fixture;
        }
    }

    @Nested
    @DisplayName("Album integrity under concurrent deletes, purges and covers")
    class AlbumIntegrity extends AlbumRaces {
        @Override
        GalleryFixture fixture() {
            return fixture;
        }
    }

    @Nested
    @DisplayName("Photo writes racing each other")
    class PhotoRaces extends PhotoRaceContract {
        @Override
        GalleryFixture fixture() {
            return fixture;
        }
    }

    @Nested
    @DisplayName("Concurrent updates of one photo")
    class UpdateRaces extends PhotoUpdateRaces {
        @Override
        GalleryFixture fixture() {
            return fixture;
        }
    }

    @Nested
    @DisplayName("Reconcile")
    class Reconcile extends ReconcileContract {
        @Override
        GalleryFixture fixture() {
            return fixture;
        }
    }

    @Nested
    @DisplayName("Injected faults")
    class FaultInjection extends FaultInjectionContract {
        @Override
        GalleryFixture fixture() {
            return fixture;
        }
    }
}
