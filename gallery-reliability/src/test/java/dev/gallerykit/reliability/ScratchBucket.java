package dev.gallerykit.reliability;

import dev.gallerykit.local.LocalS3;
import dev.gallerykit.s3.S3BlobStore;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * A bucket of one test class's own on the endpoint of {@link LocalS3}, with an {@link S3BlobStore} on
 * it whose presigned URLs a plain HTTP client can follow. Closing it empties and drops the bucket on an
 * external endpoint (S3Proxy's buckets go with the server), then closes the store and its client.
 */
final class ScratchBucket implements AutoCloseable {

    private final LocalS3.Endpoint endpoint;
    private final S3Client client;
    private final S3BlobStore store;

    private ScratchBucket(LocalS3.Endpoint endpoint, S3Client client, S3BlobStore store) {
        this.endpoint = endpoint;
        this.client = client;
        this.store = store;
    }

    /** Creates a bucket whose name says what it is for. */
    static ScratchBucket create(LocalS3.Endpoint endpoint, String purpose) {
        S3Client client = clientFor(endpoint);
        S3BlobStore store = S3BlobStore.builder().client(client).bucket(endpoint.newBucketName(purpose)).build();
        store.createBucketIfMissing();
        return new ScratchBucket(endpoint, client, store);
    }

    S3BlobStore store() {
        return store;
    }

    @Override
    public void close() {
        try {
            if (!endpoint.local()) {
                dropBucket();
            }
        } finally {
            store.close();
            client.close();
        }
    }

    /** Path-style requests, since S3Proxy on a loopback address has no virtual hosts. */
    private static S3Client clientFor(LocalS3.Endpoint endpoint) {
        AwsCredentialsProvider credentials = endpoint.credentials()
                .<AwsCredentialsProvider>map(pair -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(pair.accessKeyId(), pair.secretAccessKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
                .region(Region.of(endpoint.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(endpoint.uri().isPresent());
        endpoint.uri().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private void dropBucket() {
        String bucket = store.bucket();
        String token = null;
        ListObjectsV2Response page;
        do {
            String continuation = token;
            page = client.listObjectsV2(request -> request.bucket(bucket).continuationToken(continuation));
            List<ObjectIdentifier> keys = new ArrayList<>();
            page.contents().forEach(object -> keys.add(ObjectIdentifier.builder().key(object.key()).build()));
            if (!keys.isEmpty()) {
                client.deleteObjects(request -> request.bucket(bucket).delete(d -> d.objects(keys).quiet(true)));
            }
            token = page.nextContinuationToken();
        } while (Boolean.TRUE.equals(page.isTruncated()));
        client.listMultipartUploads(request -> request.bucket(bucket)).uploads()
                .forEach(upload -> client.abortMultipartUpload(
                        request -> request.bucket(bucket).key(upload.key()).uploadId(upload.uploadId())));
        client.deleteBucket(request -> request.bucket(bucket));
    }
}
