package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.Gallery;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.local.LocalS3;
import dev.gallerykit.s3.S3BlobStore;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.contributor.Status;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Object;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("gallerykit.blobs=s3")
@ExtendWith(LocalS3.class)
class S3BlobStoreTest {

    static AwsCredentialsProvider credentials(LocalS3.Endpoint endpoint) {
        return endpoint.credentials()
                .<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    static S3Client client(LocalS3.Endpoint endpoint) {
        S3ClientBuilder builder = S3Client.builder().region(Region.of(endpoint.region()))
                .credentialsProvider(credentials(endpoint)).forcePathStyle(true);
        endpoint.uri().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Test
    @DisplayName("on the host's S3Client: the bucket made on start, an upload's original and renditions in it, the store healthy")
    void hostClient(LocalS3.Endpoint endpoint) {
        String bucket = endpoint.newBucketName("starter");
        try (S3Client host = client(endpoint)) {
            Contexts.withAccounts().withBean(S3Client.class, () -> host)
                    .withPropertyValues("gallerykit.blobs=s3", "gallerykit.s3.bucket=" + bucket,
                            "gallerykit.s3.key-prefix=tenant-a/", "gallerykit.s3.create-bucket=true")
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(S3BlobStore.class)
                                .doesNotHaveBean("gallerykitS3Client");
                        Album album = Contexts.signUpAndCreateAlbum(context);
                        Fixture jpeg = PhotoFixtures.aJpegWithExif();
                        Photo photo = context.getBean(Gallery.class).photos()
                                .upload(album.ownerId(), album.id(), Upload.of(jpeg.stream(), jpeg.fileName()));
                        List<String> keys = host.listObjectsV2(r -> r.bucket(bucket)).contents().stream()
                                .map(S3Object::key).toList();
                        assertThat(keys).isNotEmpty().allMatch(key -> key.startsWith("tenant-a/"))
                                .anyMatch(key -> key.contains(photo.id().value().toString()));
                        assertThat(Contexts.health(context, "gallerykitS3HealthIndicator")).isEqualTo(Status.UP);
                    });
        }
    }

    @Test
    @DisplayName("without a host client: one made from gallerykit.s3.endpoint and region, path-style, with the host's credentials")
    void clientFromProperties(LocalS3.Endpoint endpoint) {
        String bucket = endpoint.newBucketName("starter-props");
        Contexts.withAccounts().withBean(AwsCredentialsProvider.class, () -> credentials(endpoint))
                .withPropertyValues("gallerykit.blobs=s3", "gallerykit.s3.bucket=" + bucket,
                        "gallerykit.s3.create-bucket=true", "gallerykit.s3.region=" + endpoint.region(),
                        "gallerykit.s3.endpoint=" + endpoint.uri().map(Object::toString).orElse(""))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasBean("gallerykitS3Client");
                    assertThat(Contexts.health(context, "gallerykitS3HealthIndicator")).isEqualTo(Status.UP);
                });
    }

    @Test
    @DisplayName("the health indicator is down for a bucket that does not exist")
    void downWithoutBucket(LocalS3.Endpoint endpoint) {
        try (S3Client host = client(endpoint)) {
            Contexts.withAccounts().withBean(S3Client.class, () -> host)
                    .withPropertyValues("gallerykit.blobs=s3", "gallerykit.s3.bucket=" + endpoint.newBucketName("absent"))
                    .run(context -> assertThat(Contexts.health(context, "gallerykitS3HealthIndicator"))
                            .isEqualTo(Status.DOWN));
        }
    }

    @Test
    @DisplayName("the health indicator goes down when S3 stops")
    void downWhenServerGone() {
        LocalS3.Server server = LocalS3.start();
        try (S3Client host = client(server.endpoint())) {
            Contexts.withAccounts().withBean(S3Client.class, () -> host)
                    .withPropertyValues("gallerykit.blobs=s3", "gallerykit.s3.create-bucket=true",
                            "gallerykit.s3.bucket=" + server.endpoint().newBucketName("health"))
                    .run(context -> {
                        assertThat(Contexts.health(context, "gallerykitS3HealthIndicator")).isEqualTo(Status.UP);
                        server.close();
                        assertThat(Contexts.health(context, "gallerykitS3HealthIndicator")).isEqualTo(Status.DOWN);
                    });
        } finally {
            server.close();
        }
    }
}
