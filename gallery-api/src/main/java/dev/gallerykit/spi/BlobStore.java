package dev.gallerykit.spi;

import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.StorageException;
import dev.gallerykit.error.StorageUnavailableException;
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
 *   <li>{@link #list} returns keys in ascending order; a page's {@link Slice#next()} is present
 *       exactly when another key follows.</li>
 *   <li>Keys are 1 to 1024 UTF-8 bytes, no leading {@code /}, no empty, {@code .} or {@code ..}
 *       segments; other keys are an {@code InvalidInputException} naming {@code key}.</li>
 * </ul>
 *
 * <p>Failures, the same on every adapter: no SDK exception escapes. A store that cannot be reached,
 * times out or throttles is a retryable {@link StorageUnavailableException}; a store that refuses for
 * a lasting reason (a missing bucket or permission, bad credentials) is a {@link StorageException}
 * that is not retryable, never an empty result. Adapter-specific exceptions extend one of them.
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
     * @throws InvalidInputException naming {@code key} when it breaks the key rules, or naming
     *         {@code content} when the stream is shorter or longer than {@code length}
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles,
     *         or the stream fails (retryable); no object is left
     * @throws StorageException when the store refuses for a lasting reason, such as a missing bucket (not retryable)
     */
    void put(String key, InputStream content, long length, BlobAttributes attributes);

    /**
     * The whole object; empty when there is none, never null. Close the blob.
     *
     * @throws InvalidInputException naming {@code key} when it breaks the key rules
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing bucket (not retryable)
     */
    Optional<Blob> get(String key);

    /**
     * {@code length} bytes from {@code offset} (fewer at the end of the object); empty when there is
     * no object.
     *
     * @throws InvalidInputException naming {@code key} when it breaks the key rules, or naming
     *         {@code offset} or {@code length} when one is negative
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing bucket (not retryable)
     */
    Optional<Blob> get(String key, long offset, long length);

    /**
     * What is known of the object without its bytes; empty when there is none, never null.
     *
     * @throws InvalidInputException naming {@code key} when it breaks the key rules
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing bucket (not retryable)
     */
    Optional<BlobInfo> head(String key);

    /**
     * Removes the object; does nothing when there is none.
     *
     * @throws InvalidInputException naming {@code key} when it breaks the key rules
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing bucket (not retryable)
     */
    void delete(String key);

    /**
     * Deletes many keys in as few requests as the store allows; absent keys count as deleted.
     *
     * @return the keys that could not be deleted, with the store's reason; empty when all went
     * @throws InvalidInputException naming {@code key} when it breaks the key rules
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing bucket (not retryable)
     */
    Map<String, String> deleteAll(Collection<String> keys);

    /**
     * Objects whose key starts with {@code prefix}, in key order, after position {@code after}. Listings
     * of some stores (S3) carry no content type: {@code application/octet-stream} stands in for it
     * there, and {@link #head} has the real one. A {@code limit} below 1 is an
     * {@code InvalidInputException} naming {@code limit} (see {@link #checkListing}).
     *
     * @throws InvalidInputException naming {@code limit} when it is below 1
     * @throws StorageUnavailableException when the store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when the store refuses for a lasting reason, such as a missing bucket (not retryable)
     */
    Slice<BlobInfo> list(String prefix, int limit, Optional<String> after);

    /**
     * A GET of the object that works without credentials until {@code ttl} has passed. Signing needs
     * no request to the store; whether the object exists shows when the GET is made.
     *
     * @throws InvalidInputException naming {@code key} when it breaks the key rules, or naming
     *         {@code ttl} when it is not positive or longer than the store can sign for
     * @throws StorageException when the request cannot be signed (no credentials, say)
     */
    PresignedRequest presignGet(String key, Duration ttl, Optional<String> contentDisposition);

    /**
     * A PUT of exactly {@code length} bytes of {@code contentType}, valid for {@code ttl}.
     *
     * @throws InvalidInputException naming {@code key} when it breaks the key rules; naming
     *         {@code contentType}, {@code length} or {@code ttl} when blank, negative, or longer than
     *         the store can sign for
     * @throws StorageException when the request cannot be signed (no credentials, say)
     */
    PresignedRequest presignPut(String key, String contentType, long length, Duration ttl);
}
