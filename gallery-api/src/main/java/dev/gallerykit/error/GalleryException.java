package dev.gallerykit.error;

/**
 * Root of every exception GalleryKit throws. Unchecked, like jOOQ's {@code DataAccessException}:
 * no SDK, JDBC or SMTP exception crosses a port; adapters translate them into one of these.
 */
public abstract class GalleryException extends RuntimeException {

    protected GalleryException(String message) {
        super(message);
    }

    protected GalleryException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the same call may succeed if repeated later, unchanged. */
    public boolean retryable() {
        return false;
    }
}
