package dev.gallerykit.sqs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends bodies in {@code SendMessageBatch} requests of up to ten. The entries a batch did not take are
 * sent once more on their own; those refused again fail the call, naming how many.
 */
final class MessageSender {

    /** SQS's limit of entries per batch request. */
    static final int BATCH = 10;

    private final QueueRef queue;

    MessageSender(QueueRef queue) {
        this.queue = queue;
    }

    /**
     * Sends every body, batch after batch, even when an earlier batch kept some back.
     *
     * @param what what the bodies are, for messages: {@code "jobs"}, {@code "events"}
     * @throws SqsUnavailableException naming how many were not sent; all the others were
     */
    void send(List<String> bodies, String what) {
        int notSent = 0;
        BatchResultErrorEntry firstRefusal = null;
        for (int from = 0; from < bodies.size(); from += BATCH) {
            List<String> batch = bodies.subList(from, Math.min(bodies.size(), from + BATCH));
            Map<String, String> pending = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                pending.put("m" + i, batch.get(i));
            }
            List<BatchResultErrorEntry> refused = sendBatch(pending);
            if (!refused.isEmpty()) {
                Map<String, String> again = new LinkedHashMap<>();
                refused.forEach(entry -> again.put(entry.id(), pending.get(entry.id())));
                refused = sendBatch(again);
            }
            if (!refused.isEmpty()) {
                notSent += refused.size();
                firstRefusal = firstRefusal != null ? firstRefusal : refused.get(0);
            }
        }
        if (firstRefusal != null) {
            throw new SqsUnavailableException("SQS SendMessageBatch " + queue.name() + " did not take " + notSent
                    + " of " + bodies.size() + " " + what + ", even when sent again (" + firstRefusal.code() + ": "
                    + firstRefusal.message() + "); the others were sent", firstRefusal.code(), 0, null);
        }
    }

    private List<BatchResultErrorEntry> sendBatch(Map<String, String> entries) {
        List<SendMessageBatchRequestEntry> request = new ArrayList<>(entries.size());
        entries.forEach((id, body) -> request.add(SendMessageBatchRequestEntry.builder().id(id).messageBody(body).build()));
        SendMessageBatchResponse response;
        try {
            response = queue.client().sendMessageBatch(b -> b.queueUrl(queue.url()).entries(request));
        } catch (SdkException e) {
            throw SqsErrors.translate("SendMessageBatch " + queue.name(), e);
        }
        return response.failed();
    }
}
