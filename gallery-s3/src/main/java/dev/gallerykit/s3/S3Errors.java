package dev.gallerykit.s3;

import dev.gallerykit.error.GalleryException;
import dev.gallerykit.error.StorageUnavailableException;
import java.io.IOException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Turns SDK exceptions into ours at the port, so that none crosses it. */
final class S3Errors {

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
     */
    static GalleryException translate(String operation, SdkException e) {
        if (e instanceof AwsServiceException service) {
            int status = service.statusCode();
            String code = code(service);
            String message = "S3 " + operation + " failed: " + code + " (" + status + ")"
                    + detail(service);
            if (status >= 500 || status == 429 || service.isThrottlingException()) {
                return new StorageUnavailableException(message, e);
            }
            return new S3StorageException(message, code, status, e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
                || e instanceof AbortedException || causedByIo(e)) {
            return new StorageUnavailableException("S3 " + operation + " failed: " + e.getMessage(), e);
        }
        String message = "S3 " + operation + " failed: " + e.getMessage();
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
