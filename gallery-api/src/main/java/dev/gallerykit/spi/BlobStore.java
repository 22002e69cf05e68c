package dev.gallerykit.spi;

import dev.gallerykit.error.InvalidInputException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores the bytes of originals and renditions under string keys.
 *
 * <p>Guarantees, checked by {@code BlobStoreContract}:
 * <ul>
 *   <li>{@link #put} is all or nothing: if the stream fails or is shorter or longer than the
 *       declared length, no object is left (and for S3 no multipart upload either).</li>
 *   <li>Reads return empty when absent, never null; {@link #delete} and {@link #deleteAll} are idempotent.</li>
 *   <li>{@link #list} returns keys in ascending order.</li>
 *   <li>Keys are 1 to 1024 UTF-8 bytes, no leading {@code /}, no empty, {@code .} or {@code ..}
 *       segments; other keys are an {@code InvalidInputException} naming {@code key}.</li>
 * </ul>
 */
public interface BlobStore {

    /** Unknown length for {@link #put}. */
    long UNKNOWN_LENGTH = -1;

    /** Longest key, in UTF-8 bytes (S3's limit). */
    int MAX_KEY_BYTES = 1024;

    /**
     * Checks {@code key} against the rules above, for adapters to call first thing.
     *
     * @return the key
     * @throws InvalidInputException naming {@code key} and the rule it breaks
     */
    static String checkKey(String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException("key", "must not be blank");
        }
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_KEY_BYTES) {
            throw new InvalidInputException("key", "is " + bytes + " UTF-8 bytes long, more than " + MAX_KEY_BYTES);
        }
        if (key.startsWith("/")) {
            throw new InvalidInputException("key", "must not start with '/'");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new InvalidInputException("key", "must not have empty, '.' or '..' segments");
            }
        }
        return key;
    }

    /**
     * Checks the arguments of {@link #list}, for adapters to call first thing.
     *
     * @throws NullPointerException if {@code prefix} or {@code after} is null
     * @throws InvalidInputException naming {@code limit} if it is below 1
     */
    static void checkListing(String prefix, int limit, Optional<String> after) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(after, "after");
        if (limit < 1) {
            throw new InvalidInputException("limit", "must be at least 1, was " + limit);
        }
    }

    /**
     * Stores {@code content} under {@code key}, replacing any object there. The stream is read to
     * its end, not closed.
     *
     * @param length the exact number of bytes, or {@link #UNKNOWN_LENGTH}
     */
    void put(String key, InputStream content, long length, BlobAttributes attributes);

    Optional<Blob> get(String key);

    /** {@code length} bytes from {@code offset} (fewer at the end of the object). */
    Optional<Blob> get(String key, long offset, long length);

    Optional<BlobInfo> head(String key);

    void delete(String key);

    /**
     * Deletes many keys in as few requests as the store allows.
     *
     * @return the keys that could not be deleted, with the store's reason; empty when all went
     */
    Map<String, String> deleteAll(Collection<String> keys);

    /**
     * Objects whose key starts with {@code prefix}, in key order, after position {@code after}. Listings
     * of some stores (S3) carry no content type: {@code application/octet-stream} stands in for it
     * there, and {@link #head} has the real one. A {@code limit} below 1 is an
     * {@code InvalidInputException} naming {@code limit} (see {@link #checkListing}).
     */
    Slice<BlobInfo> list(String prefix, int limit, Optional<String> after);

    /** A GET of the object that works without credentials until {@code ttl} has passed. */
    PresignedRequest presignGet(String key, Duration ttl, Optional<String> contentDisposition);

    /** A PUT of exactly {@code length} bytes of {@code contentType}, valid for {@code ttl}. */
    PresignedRequest presignPut(String key, String contentType, long length, Duration ttl);
}
