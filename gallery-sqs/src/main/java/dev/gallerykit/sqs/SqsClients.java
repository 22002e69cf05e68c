package dev.gallerykit.sqs;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * The SDK client an adapter builds for itself: the SDK defaults (credentials and region chains, an
 * endpoint from {@code AWS_ENDPOINT_URL_SQS} or {@code AWS_ENDPOINT_URL}) with the builder's endpoint,
 * region and credentials on top, and the Apache HTTP client. Unset settings are null.
 */
final class SqsClients {

    private SqsClients() {
    }

    /** @throws IllegalStateException when the SDK defaults do not make a client (no region, typically) */
    static SqsClient client(String adapter, URI endpoint, Region region, AwsCredentialsProvider credentials) {
        SqsClientBuilder builder = SqsClient.builder().httpClientBuilder(ApacheHttpClient.builder());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        if (region != null) {
            builder.region(region);
        }
        if (credentials != null) {
            builder.credentialsProvider(credentials);
        }
        try {
            return builder.build();
        } catch (SdkException e) {
            throw new IllegalStateException(adapter + " could not build an SQS client from the SDK defaults: "
                    + e.getMessage() + " (set AWS_REGION, or call region(...) or client(...))", e);
        }
    }
}
