package dev.gallerykit.dynamodb;

import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.StorageException;
import dev.gallerykit.error.StorageUnavailableException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Runs a {@code TransactWriteItems} and reads why it was cancelled. A cancellation only for
 * {@code TransactionConflict} (another transaction held one of our items) changed nothing and is
 * tried again after a short backoff; once the other writer is done, our conditions decide.
 */
final class Transactions {

    /** Cancellation reasons that say "not now": {@code None} marks the actions that were fine. */
    private static final Set<String> PASSING_REASONS = Set.of("None", "ThrottlingError",
            "ProvisionedThroughputExceeded", "RequestLimitExceeded", "TransactionConflict");

    private Transactions() {
    }

    /**
     * @param onConditionFailed gets the reasons, one per action in request order, when a condition
     *                          failed; it must throw the exception the port promises
     */
    static void write(DynamoDbEnhancedClient enhanced, TransactWriteItemsEnhancedRequest request, String doing,
            Consumer<List<CancellationReason>> onConditionFailed) {
        for (int attempt = 0; ; attempt++) {
            try {
                enhanced.transactWriteItems(request);
                return;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                if (reasons.stream().anyMatch(reason -> failed(reason))) {
                    onConditionFailed.accept(reasons);
                    throw new ConcurrentModificationException("a condition failed while " + doing);
                }
                boolean conflict = reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
                if (!conflict) {
                    throw cancelled(reasons, doing, e);
                }
                if (attempt + 1 == Backoff.MAX_ATTEMPTS) {
                    throw new ConcurrentModificationException("concurrent transactions kept getting in the way while "
                            + doing);
                }
                Backoff.pause(attempt);
            }
        }
    }

    /**
     * Runs a low-level {@code TransactWriteItems} (for actions the enhanced client cannot express,
     * such as {@code REMOVE}), retrying conflicts as {@link #write} does.
     *
     * @return empty when it was written, else the cancellation reasons, one per action in order,
     *         of a transaction in which a condition failed
     */
    static List<CancellationReason> tryWrite(DynamoDbClient client, TransactWriteItemsRequest request, String doing) {
        for (int attempt = 0; ; attempt++) {
            try {
                client.transactWriteItems(request);
                return List.of();
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                if (reasons.stream().anyMatch(reason -> failed(reason))) {
                    return reasons;
                }
                if (reasons.stream().noneMatch(r -> "TransactionConflict".equals(r.code()))) {
                    throw cancelled(reasons, doing, e);
                }
                if (attempt + 1 == Backoff.MAX_ATTEMPTS) {
                    throw new ConcurrentModificationException("concurrent transactions kept getting in the way while "
                            + doing);
                }
                Backoff.pause(attempt);
            }
        }
    }

    /** Throttling reasons may pass; any other (a validation error, an item too large) will not. */
    private static StorageException cancelled(List<CancellationReason> reasons, String doing,
            TransactionCanceledException e) {
        String message = "DynamoDB cancelled the transaction while " + doing + ": " + e.getMessage();
        boolean lasting = reasons.stream().map(CancellationReason::code)
                .anyMatch(code -> code != null && !PASSING_REASONS.contains(code));
        return lasting ? new StorageException(message, e) : new StorageUnavailableException(message, e);
    }

    static boolean failed(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code());
    }

    /** Whether action {@code index} of the transaction failed its condition. */
    static boolean failed(List<CancellationReason> reasons, int index) {
        return index < reasons.size() && failed(reasons.get(index));
    }
}
