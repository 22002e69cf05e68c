package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.s3.S3BlobStore;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import software.amazon.awssdk.services.s3.S3Client;

/** Up when HeadBucket answers for the blob store's bucket: it exists and the credentials may use it. */
final class S3BlobStoreHealthIndicator extends AbstractHealthIndicator {

    private final S3Client client;
    private final S3BlobStore store;

    S3BlobStoreHealthIndicator(S3Client client, S3BlobStore store) {
        super("GalleryKit S3 blob store health check failed");
        this.client = client;
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        client.headBucket(r -> r.bucket(store.bucket()));
        builder.up().withDetail("bucket", store.bucket());
    }
}
