package dev.gallerykit.s3;

import dev.gallerykit.error.StorageException;

/**
 * S3 refused a request for a reason that retrying will not fix (access denied, bad credentials, a
 * missing bucket, a KMS key it cannot use, ...). A {@link StorageException}, so a host that catches
 * that catches this too. The message names the operation, the bucket and key, and S3's error code,
 * which {@link #errorCode()} also gives. Throttling, 5xx answers, timeouts and connection failures
 * are the retryable {@link S3UnavailableException} instead.
 */
public class S3StorageException extends StorageException {

    private final String errorCode;
    private final int statusCode;

    public S3StorageException(String message, String errorCode, int statusCode, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.statusCode = statusCode;
    }

    /** S3's error code, such as {@code AccessDenied} or {@code NoSuchBucket}; {@code "ClientError"} for SDK-side failures. */
    public String errorCode() {
        return errorCode;
    }

    /** The HTTP status of S3's answer, or 0 when there was none. */
    public int statusCode() {
        return statusCode;
    }
}
