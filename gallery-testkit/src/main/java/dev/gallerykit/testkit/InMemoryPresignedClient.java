package dev.gallerykit.testkit;

import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.spi.Blob;
import dev.gallerykit.spi.PresignedRequest;
import java.util.Map;
import java.util.Objects;

/**
 * {@link PresignedClient#inMemory}: the store plays the server for its own URLs (which name the
 * signed method, so a GET URL sent as a PUT is refused there).
 */
final class InMemoryPresignedClient implements PresignedClient {

    private final InMemoryBlobStore store;

    InMemoryPresignedClient(InMemoryBlobStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public byte[] get(PresignedRequest request) {
        try (Blob blob = store.openPresigned(request.uri())) {
            return blob.readAllBytes();
        }
    }

    @Override
    public void put(PresignedRequest request, byte[] body) {
        String contentType = request.headers().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Content-Type"))
                .map(Map.Entry::getValue)
                .findFirst().orElse("");
        store.putPresigned(request.uri(), contentType, body);
    }
}
