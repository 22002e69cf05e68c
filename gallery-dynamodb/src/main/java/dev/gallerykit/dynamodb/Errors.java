package dev.gallerykit.dynamodb;

import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.GalleryException;
import dev.gallerykit.error.StorageException;
import dev.gallerykit.error.StorageUnavailableException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/** Translates SDK exceptions at the port, so that none of them reaches a caller. */
final class Errors {

    private Errors() {
    }

    static <T> T call(String doing, Supplier<T> body) {
        try {
            return body.get();
        } catch (SdkException e) {
            throw translate(doing, e);
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
     * failures are handled where the condition is known; one that gets here lost a race.
     */
    static GalleryException translate(String doing, SdkException e) {
        if (e instanceof ConditionalCheckFailedException || e instanceof TransactionConflictException) {
            return new ConcurrentModificationException("a concurrent write got in the way while " + doing);
        }
        if (e instanceof ResourceNotFoundException) {
            return new StorageException("a DynamoDB table is missing while " + doing
                    + " (create the tables with DynamoDbRepositories.createTablesIfMissing())", e);
        }
        if (e instanceof SdkServiceException service && (service.isThrottlingException() || service.statusCode() >= 500)) {
            return new StorageUnavailableException("DynamoDB is throttling or unavailable while " + doing, e);
        }
        if (e instanceof SdkClientException) {
            return new StorageUnavailableException("DynamoDB could not be reached while " + doing, e);
        }
        // A request DynamoDB refused for a reason we do not expect (validation, access): still ours to report.
        return new StorageException("DynamoDB refused the request while " + doing + ": " + e.getMessage(), e);
    }
}
