package dev.gallerykit.reliability;

import dev.gallerykit.local.LocalS3;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.testkit.GalleryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link GalleryContract}, unchanged, with the blobs on S3Proxy in a bucket of the class's own and the
 * records wherever a subclass keeps them: every use case, injected fault, race and reconcile of the
 * contract with both halves of the gallery on real servers at once, the presigned URLs followed over
 * HTTP. One instance serves the whole class, so the bucket and the record store are set up once.
 */
@ExtendWith(LocalS3.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BlobsOnS3Gallery extends GalleryContract {

    private ScratchBucket bucket;

    @BeforeAll
    void createTheBucket(LocalS3.Endpoint s3) {
        bucket = ScratchBucket.create(s3, getClass().getSimpleName());
    }

    @AfterAll
    void dropTheBucket() {
        bucket.close();
    }

    @Override
    protected final BlobStore blobStore() {
        return bucket.store();
    }
}
