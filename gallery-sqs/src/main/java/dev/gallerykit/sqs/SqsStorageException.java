package dev.gallerykit.sqs;

import dev.gallerykit.error.StorageException;

/**
 * SQS refused a request for a reason that retrying will not fix: a missing queue, denied access, bad
 * credentials, a KMS key it cannot use. A {@link StorageException}, not retryable. The message names
 * the operation, the queue and SQS's error code, which {@link #errorCode()} also gives.
 */
public class SqsStorageException extends StorageException {

    private final String errorCode;
    private final int statusCode;

    public SqsStorageException(String message, String errorCode, int statusCode, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.statusCode = statusCode;
    }

    /** SQS's error code, such as {@code AccessDenied} or {@code QueueDoesNotExist}; {@code "ClientError"} for SDK-side failures. */
    public String errorCode() {
        return errorCode;
    }

    /** The HTTP status of SQS's answer, or 0 when there was none. */
    public int statusCode() {
        return statusCode;
    }
}
