package dev.gallerykit.s3;

import dev.gallerykit.local.LocalS3;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PresignedRequest;
import dev.gallerykit.testkit.contract.BlobStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;

/** The blob store contract, unchanged, on one bucket shared by all its tests (as in production). */
@ExtendWith(LocalS3.class)
class S3BlobStoreContractTest extends BlobStoreContract {

    private static LocalS3.Endpoint endpoint;
    private static S3Client client;
    private static S3BlobStore store;

    @BeforeAll
    static void connect(LocalS3.Endpoint s3) {
        endpoint = s3;
        client = S3Connection.client(s3);
        store = S3Connection.newStore(s3, client, "contract");
    }

    @AfterAll
    static void disconnect() {
        S3Connection.dropBucket(endpoint, client, store.bucket());
        store.close();
        client.close();
    }

    @Override
    protected BlobStore blobs() {
        return store;
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
