package dev.gallerykit.error;

/** A configured limit (bytes per upload, pixels per image, ...) would be exceeded. */
public class LimitExceededException extends GalleryException {

    private final String limit;
    private final long maximum;

    public LimitExceededException(String limit, long maximum, String detail) {
        super(limit + " exceeds the limit of " + maximum + ": " + detail);
        this.limit = limit;
        this.maximum = maximum;
    }

    /** Which limit: {@code "bytes"}, {@code "pixels"}, ... */
    public String limit() {
        return limit;
    }

    public long maximum() {
        return maximum;
    }
}
