package dev.gallerykit.dynamodb;

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
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The translation table for answers DynamoDB Local cannot be made to give (throttling, 5xx, denied
 * access, an unknown access key), on exceptions shaped as the SDK shapes them. Missing tables and
 * refused connections are exercised against the server in {@code DynamoDbRepositoriesBehaviourTest}.
 */
class DynamoDbErrorsTest {

    private static DynamoDbException answer(int status, String code) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("said the server").build())
                .build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"400, ProvisionedThroughputExceededException", "400, ThrottlingException",
            "400, RequestLimitExceeded", "500, InternalServerError", "503, ServiceUnavailable"})
    @DisplayName("throttling and server errors are retryable StorageUnavailableExceptions")
    void throttlingAndServerErrorsAreRetryable(int status, String code) {
        GalleryException translated = Errors.translate("listing albums", answer(status, code));

        assertThat(translated).isInstanceOf(StorageUnavailableException.class).hasMessageContaining("listing albums");
        assertThat(translated.retryable()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"400, AccessDeniedException", "400, UnrecognizedClientException", "400, InvalidSignatureException",
            "400, ValidationException"})
    @DisplayName("denied access, bad credentials and refused requests are StorageExceptions that are not retryable")
    void configurationProblemsAreNotRetryable(int status, String code) {
        GalleryException translated = Errors.translate("listing albums", answer(status, code));

        assertThat(translated).isInstanceOf(StorageException.class).isNotInstanceOf(StorageUnavailableException.class);
        assertThat(translated.retryable()).isFalse();
    }

    @Test
    @DisplayName("timeouts and failed connections are retryable; a client that cannot sign is not")
    void clientSideFailures() {
        assertThat(Errors.translate("x", ApiCallTimeoutException.create(1000)))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(Errors.translate("x", SdkClientException.create("Unable to execute HTTP request",
                new IOException(new ConnectException("Connection refused")))))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(Errors.translate("x", SdkClientException.create("Unable to load credentials from any provider")))
                .isInstanceOf(StorageException.class).isNotInstanceOf(StorageUnavailableException.class);
    }
}
