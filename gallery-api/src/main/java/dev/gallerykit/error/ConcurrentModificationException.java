package dev.gallerykit.error;

/**
 * Someone else changed the record between our read and our write (its version moved on).
 * Re-read and try again.
 */
public class ConcurrentModificationException extends GalleryException {

    public ConcurrentModificationException(String kind, Object id, long expectedVersion) {
        super(kind + " " + id + " was changed concurrently (expected version " + expectedVersion + ")");
    }

    public ConcurrentModificationException(String message) {
        super(message);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
