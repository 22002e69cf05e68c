package dev.gallerykit.dynamodb;

import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.spi.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Newest-first keyset pages over one partition (of the table or of an index): sort key = a
 * time-ordered id, {@code ScanIndexForward=false}, the position a serialised key.
 *
 * <p>Without a filter a page is one Query with {@code Limit = limit + 1}: the extra item, if any, says
 * that another page follows. With a filter DynamoDB applies {@code Limit} before filtering, so we query
 * again, doubling the number of items evaluated each time (up to {@value #MAX_EVALUATED}), until
 * {@code limit + 1} items matched or the partition ended. The position is the key of the page's last
 * item, never the response's {@code LastEvaluatedKey}, so that nothing is skipped and a page that ends
 * the partition has no next position.
 *
 * @param index        empty for the table itself (then reads are strongly consistent)
 * @param partition    the partition key's attribute name and value
 * @param keyNames     every attribute of a position for this table or index
 * @param filter       empty for a plain list
 */
record Pages<I>(
        DynamoDbTable<I> table,
        Optional<String> index,
        String partitionName,
        String partitionValue,
        List<String> keyNames,
        Optional<Expression> filter) {

    static final int MAX_EVALUATED = 1_000;

    <T> Slice<T> page(int limit, Optional<String> after, Function<I, T> toDomain, Predicate<T> keep) {
        if (limit < 1) {
            throw new InvalidInputException("limit", "must be at least 1, was " + limit);
        }
        Map<String, AttributeValue> start = after
                .map(position -> Positions.decode(position, keyNames, Map.of(partitionName, partitionValue)))
                .orElse(null);
        // One item more than the page: a LastEvaluatedKey only says that DynamoDB stopped, not that
        // anything follows, and a page must have a next position exactly when another item follows.
        int lookAhead = limit == Integer.MAX_VALUE ? limit : limit + 1;
        int evaluate = lookAhead;
        List<T> items = new ArrayList<>(Math.min(limit, MAX_EVALUATED));
        I lastKept = null;
        while (true) {
            Page<I> page = query(start, evaluate);
            for (I found : page.items()) {
                T value = toDomain.apply(found);
                if (!keep.test(value)) {
                    continue;
                }
                if (items.size() == limit) {
                    // The position is the last item of the page, not the response's LastEvaluatedKey,
                    // so that the item just seen starts the next page.
                    return new Slice<>(items,
                            Optional.of(Positions.encode(table.tableSchema().itemToMap(lastKept, keyNames))));
                }
                items.add(value);
                lastKept = found;
            }
            if (!hasMore(page)) {
                return Slice.last(items);
            }
            start = page.lastEvaluatedKey();
            evaluate = (int) Math.min(2L * evaluate, Math.max(MAX_EVALUATED, lookAhead));
        }
    }

    private Page<I> query(Map<String, AttributeValue> start, int evaluate) {
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(partitionValue).build()))
                .scanIndexForward(false)
                .limit(evaluate)
                .exclusiveStartKey(start);
        filter.ifPresent(request::filterExpression);
        if (index.isPresent()) {
            return table.index(index.get()).query(request.build()).iterator().next();
        }
        return table.query(request.consistentRead(true).build()).iterator().next();
    }

    private static boolean hasMore(Page<?> page) {
        return page.lastEvaluatedKey() != null && !page.lastEvaluatedKey().isEmpty();
    }
}
