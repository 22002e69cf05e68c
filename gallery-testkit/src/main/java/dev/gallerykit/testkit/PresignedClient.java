package dev.gallerykit.testkit;

import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PresignedRequest;

/**
 * Makes a store's presigned requests as a client without credentials would: a browser, a phone. A
 * request the store refuses (bad signature, expired, wrong type or length) throws, so a test can
 * tell a refusal from an answer.
 *
 * <pre>{@code
 * PresignedRequest url = gallery.photos().url(owner, photo, "thumb-256", Duration.ofMinutes(10));
 * byte[] thumbnail = PresignedClient.forStore(blobs).get(url);
 * }</pre>
 */
public interface PresignedClient {

    /**
     * Makes a presigned GET.
     *
     * @return the body of the answer
     * @throws RuntimeException (any) when the request is refused
     */
    byte[] get(PresignedRequest request);

    /**
     * Makes a presigned PUT of {@code body}, sending the request's headers as given.
     *
     * @throws RuntimeException (any) when the request is refused
     */
    void put(PresignedRequest request, byte[] body);

    /** Sends requests over HTTP with {@code java.net.http}, for stores that sign http(s) URLs (S3). */
    static PresignedClient overHttp() {
        return HttpPresignedClient.INSTANCE;
    }

    /**
     * Resolves the {@code memory://} URLs of {@code store} through the store itself, since no server
     * answers them; the store checks signature, expiry, type and length as a server would.
     */
    static PresignedClient inMemory(InMemoryBlobStore store) {
        return new InMemoryPresignedClient(store);
    }

    /** {@link #inMemory} for an {@link InMemoryBlobStore}, {@link #overHttp()} for any other store. */
    static PresignedClient forStore(BlobStore store) {
        return store instanceof InMemoryBlobStore memory ? inMemory(memory) : overHttp();
    }
}
