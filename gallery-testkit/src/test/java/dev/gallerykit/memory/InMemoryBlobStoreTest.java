package dev.gallerykit.memory;

import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PresignedRequest;
import dev.gallerykit.testkit.MutableClock;
import dev.gallerykit.testkit.PresignedClient;
import dev.gallerykit.testkit.contract.BlobStoreContract;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One store for all tests, as a real bucket would be: the contract must not need an empty one. The
 * store runs on a clock that stands still, so it must date every object exactly by that clock.
 */
class InMemoryBlobStoreTest extends BlobStoreContract {

    private static final MutableClock CLOCK = MutableClock.at(Instant.parse("2024-05-04T10:15:30.250Z"));
    private static final InMemoryBlobStore STORE = new InMemoryBlobStore(CLOCK);
    private static final PresignedClient CLIENT = PresignedClient.inMemory(STORE);

    @Override
    protected BlobStore blobs() {
        return STORE;
    }

    @Override
    protected byte[] fetch(PresignedRequest request) {
        return CLIENT.get(request);
    }

    @Override
    protected void upload(PresignedRequest request, byte[] body) {
        CLIENT.put(request, body);
    }

    @Override
    protected Clock clock() {
        return CLOCK;
    }

    @Override
    protected Duration clockSkew() {
        return Duration.ZERO;
    }
}
