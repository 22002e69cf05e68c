package dev.gallerykit.dynamodb;

import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.GalleryException;
import dev.gallerykit.error.StorageException;
import dev.gallerykit.error.StorageUnavailableException;
import java.io.IOException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * Translates SDK exceptions at the port, so that none of them reaches a caller; nor does the
 * {@link IllegalStateException} of a closed client, which becomes a {@link StorageException}.
 */
final class Errors {

    private Errors() {
    }

    static <T> T call(String doing, Supplier<T> body) {
        try {
            return body.get();
        } catch (SdkException e) {
            throw translate(doing, e);
        } catch (IllegalStateException e) {
            // What the SDK's HTTP client throws once closed ("Connection pool shut down"): no retry can cure it.
            throw new StorageException("the DynamoDB client is closed while " + doing + ": DynamoDbRepositories is "
                    + "closed, or the host closed the client it passed (" + e.getMessage() + ")", e);
        }
    }

    static void run(String doing, Runnable body) {
        call(doing, () -> {
            body.run();
            return null;
        });
    }

    /**
     * What a failure that the repository did not handle itself means to the caller. Conditional
     * failures are handled where the condition is known; one that gets here lost a race. Missing
     * tables, denied access, bad credentials and refused requests are a {@link StorageException}
     * (repeating the call cannot help); throttling, 5xx answers, timeouts and failed connections a
     * {@link StorageUnavailableException}.
     */
    static GalleryException translate(String doing, SdkException e) {
        if (e instanceof ConditionalCheckFailedException || e instanceof TransactionConflictException) {
            return new ConcurrentModificationException("a concurrent write got in the way while " + doing);
        }
        if (e instanceof ResourceNotFoundException) {
            return new StorageException("a DynamoDB table is missing while " + doing
                    + " (create the tables with DynamoDbRepositories.createTablesIfMissing())", e);
        }
        if (e instanceof SdkServiceException service) {
            if (service.isThrottlingException() || service.statusCode() >= 500) {
                return new StorageUnavailableException("DynamoDB is throttling or unavailable while " + doing, e);
            }
            // Validation, access denied, an unknown access key, a bad signature: still ours to report.
            return new StorageException("DynamoDB refused the request while " + doing + ": " + e.getMessage(), e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
                || e instanceof AbortedException || causedByIo(e)) {
            return new StorageUnavailableException("DynamoDB could not be reached while " + doing, e);
        }
        // An SDK-side failure without a request sent, such as credentials that cannot be loaded.
        return new StorageException("the DynamoDB client failed while " + doing + ": " + e.getMessage(), e);
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
