package dev.gallerykit.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.error.GalleryException;
import dev.gallerykit.error.StorageException;
import dev.gallerykit.error.StorageUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The translation table for answers S3Proxy cannot be made to give (throttling, 5xx), on exceptions
 * shaped as the SDK shapes them. Everything else is exercised against the server in the other tests.
 */
class S3ErrorsTest {

    private static S3Exception answer(int status, String code) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("said the server").build())
                .build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"503, SlowDown", "500, InternalError", "502, BadGateway", "429, TooManyRequests",
            "400, RequestTimeout", "409, OperationAborted"})
    @DisplayName("throttling, server errors and 'try again' answers are retryable S3UnavailableExceptions")
    void throttlingAndServerErrorsAreRetryable(int status, String code) {
        GalleryException translated = S3Errors.translate("PutObject b/k", answer(status, code));

        assertThat(translated).isInstanceOfSatisfying(S3UnavailableException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(status);
        }).isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining(code).hasMessageContaining("PutObject b/k");
        assertThat(translated.retryable()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"403, AccessDenied", "403, InvalidAccessKeyId", "403, SignatureDoesNotMatch", "404, NoSuchBucket",
            "400, KMS.NotFoundException"})
    @DisplayName("missing buckets, permissions and credentials are StorageExceptions that are not retryable")
    void configurationProblemsAreStorageExceptions(int status, String code) {
        GalleryException translated = S3Errors.translate("PutObject b/k", answer(status, code));

        assertThat(translated).isInstanceOf(StorageException.class).isNotInstanceOf(StorageUnavailableException.class);
        assertThat(translated.retryable()).isFalse();
    }

    @Test
    @DisplayName("other refusals are S3StorageExceptions with S3's code, not retryable")
    void otherRefusalsKeepTheirCode() {
        GalleryException translated = S3Errors.translate("GetObject b/k", answer(403, "AccessDenied"));

        assertThat(translated).isInstanceOfSatisfying(S3StorageException.class, e -> {
            assertThat(e.errorCode()).isEqualTo("AccessDenied");
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.retryable()).isFalse();
        }).hasMessage("S3 GetObject b/k failed: AccessDenied (403): said the server");
    }

    @Test
    @DisplayName("timeouts and connection failures are retryable")
    void timeoutsAndConnectionFailuresAreRetryable() {
        assertThat(S3Errors.translate("x", ApiCallTimeoutException.create(1000)))
                .isInstanceOf(S3UnavailableException.class);
        assertThat(S3Errors.translate("x", SdkClientException.create("Unable to execute HTTP request",
                new IOException(new ConnectException("Connection refused")))))
                .isInstanceOf(S3UnavailableException.class);
        assertThat(S3Errors.translate("x", SdkClientException.create("Unable to load credentials from any provider")))
                .isInstanceOfSatisfying(S3StorageException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    @DisplayName("a 404 is an absent object unless the bucket is what is missing")
    void aMissingBucketIsNotAnAbsentObject() {
        assertThat(S3Errors.isAbsentObject(answer(404, "NoSuchKey"))).isTrue();
        assertThat(S3Errors.isAbsentObject(answer(404, "NoSuchBucket"))).isFalse();
    }
}
