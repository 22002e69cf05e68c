package dev.gallerykit.s3;

import dev.gallerykit.local.LocalS3;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PresignedRequest;
import dev.gallerykit.testkit.contract.BlobStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The blob store contract, unchanged, on one bucket shared by all its tests (as in production). */
@ExtendWith(LocalS3.class)
class S3BlobStoreContractTest extends BlobStoreContract {

    private static TestBucket bucket;

    @BeforeAll
    static void connect(LocalS3.Endpoint s3) {
        bucket = TestBucket.create(s3, "contract");
    }

    @AfterAll
    static void disconnect() {
        bucket.close();
    }

    @Override
    protected BlobStore blobs() {
        return bucket.store();
    }

    @Override
    protected byte[] fetch(PresignedRequest request) {
        return S3Connection.expectSuccess(request, null);
    }

    @Override
    protected void upload(PresignedRequest request, byte[] body) {
        S3Connection.expectSuccess(request, body);
    }
}
