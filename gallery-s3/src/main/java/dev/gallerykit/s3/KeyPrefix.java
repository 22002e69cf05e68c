package dev.gallerykit.s3;

import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.spi.BlobStore;
import java.nio.charset.StandardCharsets;

/**
 * The optional tenant prefix a store writes in front of every caller's key, and takes off again
 * before a key reaches a caller.
 */
record KeyPrefix(String value) {

    /** The caller's key, checked, with the prefix in front; the 1024-byte limit holds for both together. */
    String objectKey(String key) {
        BlobStore.checkKey(key);
        if (value.isEmpty()) {
            return key;
        }
        String objectKey = value + key;
        int bytes = objectKey.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > BlobStore.MAX_KEY_BYTES) {
            throw new InvalidInputException("key", "is " + bytes + " UTF-8 bytes long with the key prefix \""
                    + value + "\", more than " + BlobStore.MAX_KEY_BYTES);
        }
        return objectKey;
    }

    /** The key as the caller knows it, for results and messages. */
    String callerKey(String objectKey) {
        return objectKey.startsWith(value) ? objectKey.substring(value.length()) : objectKey;
    }
}
