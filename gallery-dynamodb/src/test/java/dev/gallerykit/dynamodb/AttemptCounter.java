package dev.gallerykit.dynamodb;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the HTTP requests a client transmits, per operation: every attempt, so an SDK retry counts
 * again (unlike {@link CallCounter}, which counts calls).
 */
final class AttemptCounter implements ExecutionInterceptor {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        counts.computeIfAbsent(operation, key -> new AtomicInteger()).incrementAndGet();
    }

    int count(String operation) {
        AtomicInteger count = counts.get(operation);
        return count == null ? 0 : count.get();
    }

    Map<String, Integer> byOperation() {
        Map<String, Integer> result = new TreeMap<>();
        counts.forEach((key, value) -> result.put(key, value.get()));
        return result;
    }

    void reset() {
        counts.clear();
    }
}
