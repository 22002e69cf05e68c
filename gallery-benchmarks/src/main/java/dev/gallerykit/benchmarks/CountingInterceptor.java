package dev.gallerykit.benchmarks;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Counts the HTTP requests an AWS SDK client transmits, per operation; each retry is another attempt, counted. */
final class CountingInterceptor implements ExecutionInterceptor {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        counts.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                name -> new AtomicInteger()).incrementAndGet();
    }

    int count(String operation) {
        AtomicInteger count = counts.get(operation);
        return count == null ? 0 : count.get();
    }

    Map<String, Integer> byOperation() {
        Map<String, Integer> result = new TreeMap<>();
        counts.forEach((operation, count) -> result.put(operation, count.get()));
        return result;
    }

    void reset() {
        counts.clear();
    }
}
