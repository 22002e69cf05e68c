package dev.gallerykit.s3;

import dev.gallerykit.error.StorageUnavailableException;

/**
 * S3 could not be reached or refused for now: throttling ({@code SlowDown}, 429), a 5xx answer, a
 * timeout or a failed connection. A {@link StorageUnavailableException}, retryable; the same call
 * may succeed later. {@link #errorCode()} gives S3's code when S3 answered.
 */
public class S3UnavailableException extends StorageUnavailableException {

    private final String errorCode;
    private final int statusCode;

    public S3UnavailableException(String message, String errorCode, int statusCode, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.statusCode = statusCode;
    }

    /** S3's error code, such as {@code SlowDown}; {@code "ClientError"} when no answer came. */
    public String errorCode() {
        return errorCode;
    }

    /** The HTTP status of S3's answer, or 0 when there was none. */
    public int statusCode() {
        return statusCode;
    }
}
