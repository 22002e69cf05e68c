package dev.gallerykit.dynamodb;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Counts the DynamoDB calls a client makes, by operation and by operation on a table. */
final class CallCounter implements ExecutionInterceptor {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        counts.computeIfAbsent(operation, key -> new AtomicInteger()).incrementAndGet();
        context.request().getValueForField("TableName", String.class).ifPresent(table ->
                counts.computeIfAbsent(operation + " " + table, key -> new AtomicInteger()).incrementAndGet());
    }

    int count(String operation) {
        AtomicInteger count = counts.get(operation);
        return count == null ? 0 : count.get();
    }

    int count(String operation, String table) {
        return count(operation + " " + table);
    }

    void reset() {
        counts.clear();
    }

    /** Operation names alone (no per-table entries), for a readable assertion message. */
    Map<String, Integer> byOperation() {
        Map<String, Integer> result = new TreeMap<>();
        counts.forEach((key, value) -> {
            if (!key.contains(" ")) {
                result.put(key, value.get());
            }
        });
        return result;
    }
}
