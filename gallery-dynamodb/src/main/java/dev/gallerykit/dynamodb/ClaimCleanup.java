package dev.gallerykit.dynamodb;

import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.dynamodb.Items.ClaimItem;
import dev.gallerykit.dynamodb.Items.PhotoItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Claim items that outlive what they stand for: the content claims of photos removed in bulk, and id
 * holds whose time is up. Both are found by key or by one owner's partition, never by a Scan.
 *
 * <p>A content claim is removed only while it still names the deleted photo: a conditional delete,
 * in transactions of up to {@value #MAX_ACTIONS} claims, because {@code BatchWriteItem} has no
 * conditions and a create may take a released claim over at any moment.
 */
final class ClaimCleanup {

    private static final int MAX_READS = 100;
    private static final int MAX_ACTIONS = 100;

    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbClient client;
    private final DynamoDbTable<PhotoItem> photos;
    private final DynamoDbTable<ClaimItem> claims;

    ClaimCleanup(DynamoDbEnhancedClient enhanced, DynamoDbClient client, DynamoDbTable<PhotoItem> photos) {
        this.enhanced = enhanced;
        this.client = client;
        this.photos = photos;
        this.claims = enhanced.table(photos.tableName(), Schemas.CLAIM);
    }

    /** The content-claim keys of those photos that exist, read consistently before they are deleted. */
    Map<PhotoId, Key> contentClaimsOf(UserId owner, List<Key> photoKeys) {
        Map<PhotoId, Key> found = new LinkedHashMap<>();
        for (PhotoItem item : readAll(photos, photoKeys)) {
            if (item.sha256 != null) {
                found.put(PhotoId.parse(item.id), PhotoClaimWrites.contentKey(owner, item.sha256));
            }
        }
        return found;
    }

    /** Removes each of these claims that still names its photo; idempotent. */
    void release(Map<PhotoId, Key> claimsOfDeletedPhotos) {
        // By partition value: a content claim's sort key is always the same.
        Map<String, PhotoId> holders = new HashMap<>();
        Map<String, Key> keys = new LinkedHashMap<>();
        claimsOfDeletedPhotos.forEach((photo, key) -> {
            String partition = key.partitionKeyValue().s();
            holders.putIfAbsent(partition, photo);
            keys.putIfAbsent(partition, key);
        });
        List<Key> named = new ArrayList<>();
        for (ClaimItem claim : readAll(claims, new ArrayList<>(keys.values()))) {
            if (holders.get(claim.owner).toString().equals(claim.photoId)) {
                named.add(keys.get(claim.owner));
            }
        }
        for (int from = 0; from < named.size(); from += MAX_ACTIONS) {
            List<Key> pending = new ArrayList<>(named.subList(from, Math.min(named.size(), from + MAX_ACTIONS)));
            while (!pending.isEmpty()) {
                List<CancellationReason> reasons = Transactions.tryWrite(client, deletes(pending, holders),
                        "releasing the content claims of deleted photos");
                if (reasons.isEmpty()) {
                    break;
                }
                // Taken over since we read it: that claim is another photo's now; send the rest again.
                List<Key> still = new ArrayList<>();
                for (int i = 0; i < pending.size(); i++) {
                    if (!Transactions.failed(reasons, i)) {
                        still.add(pending.get(i));
                    }
                }
                pending = still;
            }
        }
    }

    /** Deletes the owner's id holds that ended before {@code before}; returns how many. */
    int removeExpiredHolds(UserId owner, Instant before) {
        List<Key> ended = new ArrayList<>();
        claims.query(r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(
                PhotoClaimWrites.holdPartition(owner)))).consistentRead(true))
                .items().forEach(hold -> {
                    if (hold.heldUntil != null && hold.heldUntil.isBefore(before)) {
                        ended.add(Key.builder().partitionValue(hold.owner).sortValue(hold.id).build());
                    }
                });
        Batches.deleteAll(enhanced, claims, ended);
        return ended.size();
    }

    private TransactWriteItemsRequest deletes(List<Key> keys, Map<String, PhotoId> holders) {
        List<TransactWriteItem> actions = new ArrayList<>();
        for (Key key : keys) {
            actions.add(TransactWriteItem.builder().delete(Delete.builder().tableName(claims.tableName())
                    .key(key.keyMap(Schemas.CLAIM, TableMetadata.primaryIndexName()))
                    .conditionExpression("attribute_not_exists(photoId) OR photoId = :holder")
                    .expressionAttributeValues(Map.of(":holder", AttributeValue.fromS(
                            holders.get(key.partitionKeyValue().s()).toString())))
                    .build()).build());
        }
        return TransactWriteItemsRequest.builder().transactItems(actions).build();
    }

    /** Consistent reads of these keys, 100 per BatchGetItem; absent ones are skipped. */
    private <I> List<I> readAll(DynamoDbTable<I> table, List<Key> keys) {
        List<I> items = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += MAX_READS) {
            ReadBatch.Builder<I> batch = ReadBatch.builder(table.tableSchema().itemType().rawClass())
                    .mappedTableResource(table);
            keys.subList(from, Math.min(keys.size(), from + MAX_READS))
                    .forEach(key -> batch.addGetItem(GetItemEnhancedRequest.builder().key(key).consistentRead(true).build()));
            ReadBatch read = batch.build();
            enhanced.batchGetItem(r -> r.readBatches(read)).resultsForTable(table).forEach(items::add);
        }
        return items;
    }
}
