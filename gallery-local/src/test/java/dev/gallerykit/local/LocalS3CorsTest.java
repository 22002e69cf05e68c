package dev.gallerykit.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A web page on another origin PUTs a direct upload to a presigned URL of the local S3: the browser
 * first asks with a CORS preflight, which the server must answer as a bucket with an allow-all rule.
 */
@DisplayName("The local S3 server and browsers on other origins")
class LocalS3CorsTest {

    @Test
    @DisplayName("a preflight for a PUT with the signed headers from another origin is allowed")
    void allowsPreflightOfPut() throws Exception {
        try (LocalS3.Server server = LocalS3.start(); S3Client s3 = AtomicObjectsTest.s3Client(server.endpoint())) {
            String bucket = server.endpoint().newBucketName("cors");
            s3.createBucket(b -> b.bucket(bucket));
            URI object = server.endpoint().uri().orElseThrow().resolve("/" + bucket + "/photo/upload");
            HttpRequest preflight = HttpRequest.newBuilder(object)
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "http://localhost:8080")
                    .header("Access-Control-Request-Method", "PUT")
                    .header("Access-Control-Request-Headers", "content-type,x-amz-server-side-encryption")
                    .build();
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(preflight, HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValueSatisfying(
                    origin -> assertThat(origin).isIn("*", "http://localhost:8080"));
            assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                    methods -> assertThat(methods).contains("PUT"));
            assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                    .contains("content-type");
        }
    }
}
