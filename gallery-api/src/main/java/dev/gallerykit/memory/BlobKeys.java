package dev.gallerykit.memory;

import dev.gallerykit.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/** The key rules of {@link dev.gallerykit.spi.BlobStore}, and the order S3 lists keys in. */
final class BlobKeys {

    static final int MAX_BYTES = 1024;

    /** UTF-8 byte order, which is code point order (not {@link String#compareTo}'s UTF-16 order). */
    static final Comparator<String> ORDER = BlobKeys::compareCodePoints;

    private BlobKeys() {
    }

    static String check(String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException("key", "must not be blank");
        }
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new InvalidInputException("key", "is " + bytes + " UTF-8 bytes long, more than " + MAX_BYTES);
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

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
