package dev.gallerykit.memory;

import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PresignedRequest;
import dev.gallerykit.testkit.contract.BlobStoreContract;

/** One store for all tests, as a real bucket would be: the contract must not need an empty one. */
class InMemoryBlobStoreTest extends BlobStoreContract {

    private static final InMemoryBlobStore STORE = new InMemoryBlobStore();

    @Override
    protected BlobStore blobs() {
        return STORE;
    }

    @Override
    protected byte[] fetch(PresignedRequest request) {
        return STORE.openPresigned(request.uri()).readAllBytes();
    }

    @Override
    protected void upload(PresignedRequest request, byte[] body) {
        STORE.putPresigned(request.uri(), request.headers().get("Content-Type"), body);
    }
}
