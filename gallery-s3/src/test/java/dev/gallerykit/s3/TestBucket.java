package dev.gallerykit.s3;

import dev.gallerykit.local.LocalS3;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A bucket of its own for one test class, with a client and a store on it. Closing it drops the
 * bucket and everything in it where the endpoint is not a throw-away local one, then closes both.
 */
final class TestBucket implements AutoCloseable {

    private final LocalS3.Endpoint endpoint;
    private final S3Client client;
    private final S3BlobStore store;

    private TestBucket(LocalS3.Endpoint endpoint, S3Client client, S3BlobStore store) {
        this.endpoint = endpoint;
        this.client = client;
        this.store = store;
    }

    /** Creates a new bucket named after {@code purpose}, on a client with {@code interceptors}. */
    static TestBucket create(LocalS3.Endpoint endpoint, String purpose, ExecutionInterceptor... interceptors) {
        S3Client client = S3Connection.client(endpoint, interceptors);
        S3BlobStore store = S3BlobStore.builder().client(client).bucket(endpoint.newBucketName(purpose)).build();
        store.createBucketIfMissing();
        return new TestBucket(endpoint, client, store);
    }

    S3Client client() {
        return client;
    }

    S3BlobStore store() {
        return store;
    }

    @Override
    public void close() {
        try {
            if (!endpoint.local()) {
                drop();
            }
        } finally {
            store.close();
            client.close();
        }
    }

    private void drop() {
        String bucket = store.bucket();
        ListObjectsV2Response page;
        String token = null;
        do {
            String continuation = token;
            page = client.listObjectsV2(b -> b.bucket(bucket).continuationToken(continuation));
            List<ObjectIdentifier> keys = new ArrayList<>();
            for (S3Object object : page.contents()) {
                keys.add(ObjectIdentifier.builder().key(object.key()).build());
            }
            if (!keys.isEmpty()) {
                client.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(keys).quiet(true)));
            }
            token = page.nextContinuationToken();
        } while (Boolean.TRUE.equals(page.isTruncated()));
        client.listMultipartUploads(b -> b.bucket(bucket)).uploads().forEach(upload -> client.abortMultipartUpload(
                b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId())));
        client.deleteBucket(b -> b.bucket(bucket));
    }
}
