package dev.gallerykit.s3;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Makes the SDK client and presigner that a store builds for itself: the SDK defaults (credentials
 * and region chains, Apache HTTP client) with the builder's endpoint, region and credentials on top.
 * Unset settings are null.
 */
final class S3Clients {

    private final URI endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final Boolean pathStyleAccess;

    S3Clients(URI endpoint, Region region, AwsCredentialsProvider credentials, Boolean pathStyleAccess) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.pathStyleAccess = pathStyleAccess;
    }

    /** @throws IllegalStateException when the SDK defaults do not make a client (no region, typically) */
    S3Client client() {
        Optional<URI> endpointOverride = endpointOverride();
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(ApacheHttpClient.builder())
                .forcePathStyle(pathStyle(endpointOverride));
        endpointOverride.ifPresent(builder::endpointOverride);
        if (region != null) {
            builder.region(region);
        }
        if (credentials != null) {
            builder.credentialsProvider(credentials);
        }
        try {
            return builder.build();
        } catch (SdkException e) {
            throw new IllegalStateException("S3BlobStore could not build an S3 client from the SDK defaults: "
                    + e.getMessage() + " (set AWS_REGION, or call region(...) or client(...))", e);
        }
    }

    /**
     * A presigner with the client's region, credentials and endpoint. The client does not tell
     * whether it uses path-style URLs, hence the path-style setting or the endpoint decides.
     */
    S3Presigner presignerLike(S3Client s3) {
        var config = s3.serviceClientConfiguration();
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(config.region())
                .credentialsProvider(config.credentialsProvider())
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(pathStyle(config.endpointOverride())).build());
        config.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private boolean pathStyle(Optional<URI> endpointOverride) {
        return pathStyleAccess != null ? pathStyleAccess : endpointOverride.isPresent();
    }

    /** The endpoint override: ours, else the SDK's settings, so that the presigner gets it too. */
    private Optional<URI> endpointOverride() {
        if (endpoint != null) {
            return Optional.of(endpoint);
        }
        for (String setting : new String[] {System.getProperty("aws.endpointUrlS3"), System.getenv("AWS_ENDPOINT_URL_S3"),
                System.getProperty("aws.endpointUrl"), System.getenv("AWS_ENDPOINT_URL")}) {
            if (setting != null && !setting.isBlank()) {
                return Optional.of(URI.create(setting.trim()));
            }
        }
        return Optional.empty();
    }
}
