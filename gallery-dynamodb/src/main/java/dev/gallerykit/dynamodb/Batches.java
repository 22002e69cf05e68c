package dev.gallerykit.dynamodb;

import dev.gallerykit.error.StorageUnavailableException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteResult;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;

/**
 * Deletes by key with {@code BatchWriteItem}, 25 keys per call (DynamoDB's limit, which the enhanced
 * client does not split for us). Unprocessed keys are sent again after a bounded exponential backoff.
 * Deleting an absent key succeeds, so this is idempotent.
 */
final class Batches {

    static final int MAX_BATCH = 25;

    private Batches() {
    }

    static <I> void deleteAll(DynamoDbEnhancedClient enhanced, DynamoDbTable<I> table, List<Key> keys) {
        for (int from = 0; from < keys.size(); from += MAX_BATCH) {
            List<Key> pending = new ArrayList<>(keys.subList(from, Math.min(keys.size(), from + MAX_BATCH)));
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt == Backoff.MAX_ATTEMPTS) {
                    throw new StorageUnavailableException("DynamoDB left " + pending.size()
                            + " deletes unprocessed after " + attempt + " attempts (throttled?)", null);
                }
                if (attempt > 0) {
                    Backoff.pause(attempt);
                }
                WriteBatch.Builder<I> batch = WriteBatch.builder(table.tableSchema().itemType().rawClass())
                        .mappedTableResource(table);
                pending.forEach(batch::addDeleteItem);
                BatchWriteResult result = enhanced.batchWriteItem(request -> request.addWriteBatch(batch.build()));
                pending = new ArrayList<>(result.unprocessedDeleteItemsForTable(table));
            }
        }
    }
}
