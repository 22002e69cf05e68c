package dev.gallerykit.sqs;

import dev.gallerykit.error.GalleryException;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.MessageNotInflightException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;

/** Turns SDK exceptions into ours at the port, so that none crosses it. */
final class SqsErrors {

    /** 4xx codes that mean "not now" rather than "never". */
    private static final Set<String> RETRYABLE_CODES = Set.of("RequestThrottled", "ThrottlingException", "Throttling",
            "KmsThrottled", "OverLimit", "ServiceUnavailable", "RequestTimeout");

    /**
     * Codes (with or without the {@code AWS.SimpleQueueService.} prefix of the query protocol) that say a
     * receipt handle no longer names a message in flight: the delivery is stale.
     */
    private static final Set<String> STALE_RECEIPT_CODES = Set.of("ReceiptHandleIsInvalid", "MessageNotInflight",
            "InvalidReceiptHandle", "InvalidParameterValue", "MessageDoesNotExist");

    private SqsErrors() {
    }

    /** A refusal that only says the receipt handle is stale: the message was received again, moved or deleted. */
    static boolean isStaleReceipt(SdkException e) {
        return e instanceof ReceiptHandleIsInvalidException || e instanceof MessageNotInflightException
                || e instanceof AwsServiceException service && service.statusCode() == 400
                && isStaleReceiptCode(code(service));
    }

    static boolean isStaleReceiptCode(String code) {
        return code != null && STALE_RECEIPT_CODES.contains(shortCode(code));
    }

    /** CreateQueue of a name taken by a queue with other attributes ({@code QueueNameExists}; ElasticMQ: {@code QueueAlreadyExists}). */
    static boolean isExistingQueueWithOtherAttributes(SdkException e) {
        return e instanceof QueueNameExistsException || e instanceof AwsServiceException service
                && Set.of("QueueNameExists", "QueueAlreadyExists").contains(shortCode(code(service)));
    }

    /**
     * @param operation what we were doing, for the message: {@code "SendMessageBatch photo-jobs"}
     * @return an {@link SqsUnavailableException} (retryable) for throttling, 5xx answers, timeouts and
     *         failed connections; an {@link SqsStorageException} (not retryable) for every other refusal
     */
    static GalleryException translate(String operation, SdkException e) {
        if (e instanceof AwsServiceException service) {
            int status = service.statusCode();
            String code = code(service);
            String message = "SQS " + operation + " failed: " + code + " (" + status + ")" + detail(service);
            if (status >= 500 || status == 429 || service.isThrottlingException()
                    || RETRYABLE_CODES.contains(shortCode(code))) {
                return new SqsUnavailableException(message, code, status, e);
            }
            return new SqsStorageException(message, code, status, e);
        }
        String message = "SQS " + operation + " failed: " + e.getMessage();
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
                || e instanceof AbortedException || causedByIo(e)) {
            return new SqsUnavailableException(message, "ClientError", 0, e);
        }
        if (e instanceof SdkClientException) {
            return new SqsStorageException(message, "ClientError", 0, e);
        }
        return new SqsStorageException(message, "SdkError", 0, e);
    }

    private static String code(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code == null || code.isBlank() ? "HTTP " + e.statusCode() : code;
    }

    /** {@code AWS.SimpleQueueService.NonExistentQueue} and {@code com.amazonaws.sqs#QueueDoesNotExist} without their prefixes. */
    private static String shortCode(String code) {
        String name = code.substring(code.lastIndexOf('#') + 1);
        String prefix = "aws.simplequeueservice.";
        return name.toLowerCase(Locale.ROOT).startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    private static String detail(AwsServiceException e) {
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        return message == null || message.isBlank() ? "" : ": " + message;
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
