package dev.gallerykit.sqs;

import dev.gallerykit.error.StorageUnavailableException;

/**
 * SQS could not be reached or refused for now: throttling, a 5xx answer, a timeout, a failed
 * connection, or messages of a batch it did not take. A {@link StorageUnavailableException},
 * retryable. {@link #errorCode()} gives SQS's code when SQS answered.
 */
public class SqsUnavailableException extends StorageUnavailableException {

    private final String errorCode;
    private final int statusCode;

    public SqsUnavailableException(String message, String errorCode, int statusCode, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.statusCode = statusCode;
    }

    /** SQS's error code, such as {@code RequestThrottled}; {@code "ClientError"} when no answer came. */
    public String errorCode() {
        return errorCode;
    }

    /** The HTTP status of SQS's answer, or 0 when there was none. */
    public int statusCode() {
        return statusCode;
    }
}
