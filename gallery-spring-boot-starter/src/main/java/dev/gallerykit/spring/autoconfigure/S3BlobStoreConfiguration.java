package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.spring.GalleryKitProperties;
import dev.gallerykit.spring.GalleryKitConfigurationException;
import dev.gallerykit.s3.S3BlobStore;
import dev.gallerykit.s3.S3Encryption;
import dev.gallerykit.spi.BlobStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * {@code gallerykit.blobs=s3}: the {@link S3BlobStore} on {@code gallerykit.s3.bucket}, through the
 * host's {@link S3Client} or one made here from the SDK defaults, {@code gallerykit.s3.endpoint},
 * {@code .region}, {@code .path-style} and the host's {@link AwsCredentialsProvider} bean if any.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({S3BlobStore.class, S3Client.class})
@ConditionalOnProperty(name = "gallerykit.blobs", havingValue = "s3")
class S3BlobStoreConfiguration {

    @Bean
    @ConditionalOnMissingBean
    S3Client gallerykitS3Client(GalleryKitProperties properties, ObjectProvider<AwsCredentialsProvider> credentials) {
        GalleryKitProperties.S3 s3 = properties.s3();
        S3ClientBuilder builder = S3Client.builder();
        if (s3.endpoint() != null) {
            builder.endpointOverride(s3.endpoint());
        }
        // An S3-compatible server on a host name such as localhost has no virtual-hosted buckets.
        builder.forcePathStyle(s3.pathStyle() != null ? s3.pathStyle() : s3.endpoint() != null);
        if (!Problems.blank(s3.region())) {
            builder.region(Region.of(s3.region().strip()));
        }
        credentials.ifUnique(builder::credentialsProvider);
        try {
            return builder.build();
        } catch (SdkException e) {
            throw new GalleryKitConfigurationException("gallerykit.s3.region",
                    "is required when the SDK finds no region (AWS_REGION, ~/.aws/config): " + e.getMessage(), e);
        }
    }

    @Bean
    @ConditionalOnMissingBean(BlobStore.class)
    S3BlobStore gallerykitBlobStore(GalleryKitProperties properties, S3Client client) {
        GalleryKitProperties.S3 s3 = properties.s3();
        Problems problems = new Problems();
        problems.required("gallerykit.s3.bucket", s3.bucket(), "for gallerykit.blobs=s3");
        if (!Problems.blank(s3.kmsKeyId()) && s3.encryption() != GalleryKitProperties.Encryption.KMS) {
            problems.add("gallerykit.s3.kms-key-id", "goes with gallerykit.s3.encryption=kms (it is "
                    + Modules.name(s3.encryption()) + ")");
        }
        problems.throwIfAny();
        S3BlobStore store = Problems.build("gallerykit.s3", () -> S3BlobStore.builder()
                .client(client)
                .bucket(s3.bucket())
                .keyPrefix(s3.keyPrefix())
                .serverSideEncryption(encryption(s3))
                .build());
        if (s3.createBucket()) {
            try {
                store.createBucketIfMissing();
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }
        return store;
    }

    private static S3Encryption encryption(GalleryKitProperties.S3 s3) {
        return switch (s3.encryption()) {
            case NONE -> S3Encryption.none();
            case SSE_S3 -> S3Encryption.sseS3();
            case KMS -> Problems.blank(s3.kmsKeyId()) ? S3Encryption.sseKms() : S3Encryption.sseKms(s3.kmsKeyId().strip());
        };
    }
}
