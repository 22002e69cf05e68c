package dev.gallerykit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Records the DynamoDB requests a client sends between {@link #start()} and {@link #stop()}, for
 * {@link ExplainPlans}: a listing must be Query (or GetItem) on a key or index, never a Scan.
 */
final class ListingRequests implements ExecutionInterceptor {

    private final List<SdkRequest> sent = new ArrayList<>();
    private volatile boolean on;

    synchronized void start() {
        sent.clear();
        on = true;
    }

    /** The requests sent since {@link #start()}, one line each, and the verdict. */
    synchronized String stop() {
        on = false;
        StringBuilder text = new StringBuilder("```\n");
        boolean scanned = false;
        for (SdkRequest request : sent) {
            if (request instanceof QueryRequest query) {
                text.append("Query table=").append(query.tableName())
                        .append(" index=").append(query.indexName() == null ? "(table)" : query.indexName())
                        .append(" key=").append(query.keyConditionExpression())
                        .append(" filter=").append(query.filterExpression())
                        .append(" limit=").append(query.limit())
                        .append(" forward=").append(query.scanIndexForward())
                        .append(" consistent=").append(query.consistentRead())
                        .append(" start=").append(query.hasExclusiveStartKey() ? "a key" : "none").append('\n');
            } else {
                scanned |= request instanceof ScanRequest;
                text.append(request.getClass().getSimpleName().replace("Request", "")).append('\n');
            }
        }
        text.append("```\n").append(sent.size()).append(" requests. Verdict: ")
                .append(scanned ? "a Scan was sent" : "Query on a key or index only, no Scan").append('\n');
        return text.toString();
    }

    @Override
    public synchronized void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (on) {
            sent.add(context.request());
        }
    }
}
