package dev.gallerykit.s3;

import dev.gallerykit.error.GalleryException;
import java.io.IOException;
import java.util.Set;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Turns SDK exceptions into ours at the port, so that none crosses it. */
final class S3Errors {

    /** 4xx codes that mean "not now" rather than "never": the upload was too slow, or a conflicting operation ran. */
    private static final Set<String> RETRYABLE_CODES = Set.of("RequestTimeout", "OperationAborted");

    private S3Errors() {
    }

    /** A 404 that means "no such object", as opposed to "no such bucket" (which must not read as absent). */
    static boolean isAbsentObject(SdkException e) {
        return e instanceof AwsServiceException service && service.statusCode() == 404
                && !"NoSuchBucket".equals(code(service));
    }

    static boolean hasStatus(SdkException e, int status) {
        return e instanceof AwsServiceException service && service.statusCode() == status;
    }

    static boolean hasCode(SdkException e, String code) {
        return e instanceof AwsServiceException service && code.equals(code(service));
    }

    /**
     * @param operation what we were doing, for the message: {@code "PutObject photos/a/b"}
     * @return an {@link S3UnavailableException} (retryable) for throttling, 5xx answers, S3's
     *         {@code RequestTimeout}, timeouts and failed connections; an {@link S3StorageException}
     *         (not retryable) for every other refusal, bad credentials and SDK-side failures included
     */
    static GalleryException translate(String operation, SdkException e) {
        if (e instanceof AwsServiceException service) {
            int status = service.statusCode();
            String code = code(service);
            String message = "S3 " + operation + " failed: " + code + " (" + status + ")"
                    + detail(service);
            if (status >= 500 || status == 429 || service.isThrottlingException() || RETRYABLE_CODES.contains(code)) {
                return new S3UnavailableException(message, code, status, e);
            }
            return new S3StorageException(message, code, status, e);
        }
        String message = "S3 " + operation + " failed: " + e.getMessage();
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
                || e instanceof AbortedException || causedByIo(e)) {
            return new S3UnavailableException(message, "ClientError", 0, e);
        }
        if (e instanceof SdkClientException) {
            return new S3StorageException(message, "ClientError", 0, e);
        }
        return new S3StorageException(message, "SdkError", 0, e);
    }

    private static String code(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code == null || code.isBlank() ? "HTTP " + e.statusCode() : code;
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
