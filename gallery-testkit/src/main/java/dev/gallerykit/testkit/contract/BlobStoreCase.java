package dev.gallerykit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.spi.Blob;
import dev.gallerykit.spi.BlobAttributes;
import dev.gallerykit.spi.BlobInfo;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PresignedRequest;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the test groups nested in {@link BlobStoreContract}: the store and key prefix the
 * contract made for the running test, the contract's hooks, and the helpers the groups share.
 */
abstract class BlobStoreCase {

    static final int MIB = 1024 * 1024;
    static final Duration TTL = Duration.ofMinutes(10);

    /** The contract this group is nested in. */
    abstract BlobStoreContract contract();

    BlobStore store;
    String prefix;

    @BeforeEach
    void readTheStore() {
        store = contract().store();
        prefix = contract().prefix();
    }

    byte[] fetch(PresignedRequest request) {
        return contract().fetch(request);
    }

    void upload(PresignedRequest request, byte[] body) {
        contract().upload(request, body);
    }

    Clock clock() {
        return contract().clock();
    }

    Duration clockSkew() {
        return contract().clockSkew();
    }

    String key(String name) {
        return prefix + name;
    }

    static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    void put(String key, byte[] content, String contentType) {
        store.put(key, new ByteArrayInputStream(content), content.length, BlobAttributes.of(contentType));
    }

    byte[] read(String key) {
        try (Blob blob = store.get(key).orElseThrow(() -> new AssertionError("no object under " + key))) {
            return blob.readAllBytes();
        }
    }

    /** The object was dated between two readings of the contract's clock, give or take the skew. */
    void assertDatedBetween(BlobInfo info, Instant before, Instant after) {
        // Stores may keep whole seconds (S3's Last-Modified), hence the truncated lower bound.
        assertThat(info.lastModified()).as("lastModified of %s", info.key())
                .isBetween(before.minus(clockSkew()).truncatedTo(ChronoUnit.SECONDS), after.plus(clockSkew()));
    }

    List<String> listAll(String listPrefix, int limit) {
        return Paging.allItems(limit, after -> store.list(listPrefix, limit, after), BlobInfo::key);
    }
}
