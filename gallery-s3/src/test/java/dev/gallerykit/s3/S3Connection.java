package dev.gallerykit.s3;

import dev.gallerykit.local.LocalS3;
import dev.gallerykit.spi.PresignedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Clients for the endpoint of {@link LocalS3}, and a client without credentials for presigned requests. */
final class S3Connection {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** java.net.http sets these itself and refuses them from us. */
    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade");

    private S3Connection() {
    }

    static S3Client client(LocalS3.Endpoint endpoint, ExecutionInterceptor... interceptors) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(ApacheHttpClient.builder())
                .region(Region.of(endpoint.region()))
                .forcePathStyle(endpoint.uri().isPresent())
                .overrideConfiguration(o -> List.of(interceptors).forEach(o::addExecutionInterceptor));
        endpoint.uri().ifPresent(builder::endpointOverride);
        builder.credentialsProvider(endpoint.credentials()
                .<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build()));
        return builder.build();
    }

    /** Sends a presigned request as a browser would: no credentials, the given headers. */
    static HttpResponse<byte[]> send(PresignedRequest request, byte[] body) {
        HttpRequest.Builder http = HttpRequest.newBuilder(request.uri())
                .method(request.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            if (!RESTRICTED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                http.header(header.getKey(), header.getValue());
            }
        }
        try {
            return HTTP.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body of a 2xx answer; anything else is an exception with the server's answer in it. */
    static byte[] expectSuccess(PresignedRequest request, byte[] body) {
        HttpResponse<byte[]> response = send(request, body);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("presigned " + request.method() + " refused with "
                    + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }
}
