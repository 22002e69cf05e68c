package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.spring.GalleryKitConfigurationException;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("a start-up failure names the property to set")
class MissingPropertiesTest {

    private static final String[] ALL_BUT_SECRET = {
            "gallerykit.tokens.issuer=https://photos.example.test", "gallerykit.tokens.audience=photos-test",
            "gallerykit.links-base-url=https://photos.example.test/account"};

    @Test
    @DisplayName("no HMAC secret with gallery-auth on the class path: gallerykit.tokens.hmac-secret is named")
    void hmacSecretMissing() {
        Contexts.starter().withPropertyValues(ALL_BUT_SECRET).run(context ->
                assertThat(report(context).getDescription())
                        .contains("gallerykit.tokens.hmac-secret is required when gallery-auth is on the class path"));
    }

    @Test
    @DisplayName("with nothing set, every missing property of the accounts is named at once")
    void everythingMissing() {
        Contexts.starter().run(context -> {
            GalleryKitConfigurationException failure = configurationFailure(context);
            assertThat(failure.problems()).extracting(GalleryKitConfigurationException.Problem::property)
                    .containsExactly("gallerykit.tokens.issuer", "gallerykit.tokens.audience",
                            "gallerykit.tokens.hmac-secret");
            assertThat(report(context).getAction()).contains("gallerykit.tokens.issuer", "gallerykit.tokens.hmac-secret");
        });
    }

    @Test
    @DisplayName("an HMAC secret under 32 bytes is refused")
    void hmacSecretTooShort() {
        Contexts.starter().withPropertyValues(ALL_BUT_SECRET)
                .withPropertyValues("gallerykit.tokens.hmac-secret=" + Base64.getEncoder().encodeToString(new byte[16]))
                .run(context -> assertThat(report(context).getDescription())
                        .contains("gallerykit.tokens.hmac-secret must decode to at least 32 bytes (it has 16)"));
    }

    @Test
    @DisplayName("the accounts need the base URL of the mailed links")
    void linksMissing() {
        Contexts.withAccounts().withPropertyValues("gallerykit.links-base-url=").run(context ->
                assertThat(report(context).getDescription()).contains("gallerykit.links-base-url is required"));
    }

    @Test
    @DisplayName("store=jdbc with no URL and no DataSource names gallerykit.jdbc.url")
    void jdbcUrlMissing() {
        Contexts.withAccounts().withPropertyValues("gallerykit.store=jdbc").run(context ->
                assertThat(report(context).getDescription()).contains("gallerykit.jdbc.url is required"));
    }

    @Test
    @DisplayName("store=jdbc without gallery-jdbc on the class path says which module to add")
    void jdbcModuleMissing() {
        Contexts.withAccounts().withPropertyValues("gallerykit.store=jdbc")
                .withClassLoader(new FilteredClassLoader("dev.gallerykit.jdbc.")).run(context ->
                        assertThat(report(context).getDescription()).contains(
                                "gallerykit.store is jdbc, which needs dev.gallerykit:gallery-jdbc on the class path"));
    }

    @Test
    @DisplayName("blobs=s3 without a bucket names gallerykit.s3.bucket")
    void bucketMissing() {
        Contexts.withAccounts().withPropertyValues("gallerykit.blobs=s3", "gallerykit.s3.region=eu-west-1",
                "gallerykit.s3.endpoint=http://127.0.0.1:9").run(context ->
                        assertThat(report(context).getDescription())
                                .contains("gallerykit.s3.bucket is required for gallerykit.blobs=s3"));
    }

    @Test
    @DisplayName("a KMS key with another encryption is refused")
    void kmsKeyWithoutKms() {
        Contexts.withAccounts().withPropertyValues("gallerykit.blobs=s3", "gallerykit.s3.region=eu-west-1",
                "gallerykit.s3.endpoint=http://127.0.0.1:9", "gallerykit.s3.bucket=photos",
                "gallerykit.s3.encryption=sse-s3", "gallerykit.s3.kms-key-id=alias/photos").run(context ->
                        assertThat(report(context).getDescription()).contains(
                                "gallerykit.s3.kms-key-id goes with gallerykit.s3.encryption=kms (it is sse-s3)"));
    }

    @Test
    @DisplayName("queue=sqs without a queue name names gallerykit.sqs.queue-name, and a wrong max-receives too")
    void sqsQueueNameMissing() {
        Contexts.withAccounts().withPropertyValues("gallerykit.processing.mode=asynchronous",
                "gallerykit.processing.queue=sqs", "gallerykit.sqs.dead-letter-queue=photo-jobs-dead",
                "gallerykit.sqs.max-receives=0", "gallerykit.sqs.region=eu-west-1",
                "gallerykit.sqs.endpoint=http://127.0.0.1:9").run(context -> {
                    assertThat(configurationFailure(context).problems())
                            .extracting(GalleryKitConfigurationException.Problem::property)
                            .containsExactly("gallerykit.sqs.queue-name", "gallerykit.sqs.max-receives");
                    assertThat(report(context).getDescription()).contains(
                            "gallerykit.sqs.queue-name is required for gallerykit.processing.queue=sqs (or gallerykit.sqs.queue-url)",
                            "gallerykit.sqs.max-receives must be 1 to 1000 (it is 0)");
                });
    }

    @Test
    @DisplayName("a queue by name and by URL at once is refused")
    void sqsQueueNameAndUrl() {
        Contexts.withAccounts().withPropertyValues("gallerykit.processing.mode=asynchronous",
                "gallerykit.processing.queue=sqs", "gallerykit.sqs.queue-name=photo-jobs",
                "gallerykit.sqs.queue-url=http://127.0.0.1:9/000000000000/photo-jobs",
                "gallerykit.sqs.dead-letter-queue=photo-jobs-dead", "gallerykit.sqs.region=eu-west-1",
                "gallerykit.sqs.endpoint=http://127.0.0.1:9").run(context ->
                        assertThat(report(context).getDescription()).contains("gallerykit.sqs.queue-url is set together"
                                + " with gallerykit.sqs.queue-name: give the queue by name or by URL"));
    }

    @Test
    @DisplayName("queue=sqs without gallery-sqs on the class path says which module to add")
    void sqsModuleMissing() {
        Contexts.withAccounts().withPropertyValues("gallerykit.processing.mode=asynchronous",
                        "gallerykit.processing.queue=sqs", "gallerykit.sqs.queue-name=photo-jobs")
                .withClassLoader(new FilteredClassLoader("dev.gallerykit.sqs.")).run(context ->
                        assertThat(report(context).getDescription()).contains(
                                "gallerykit.processing.queue is sqs, which needs dev.gallerykit:gallery-sqs on the class path"));
    }

    @Test
    @DisplayName("an events queue without gallery-sqs on the class path says which module to add")
    void eventsQueueModuleMissing() {
        Contexts.withAccounts().withPropertyValues("gallerykit.sqs.events-queue=gallery-events")
                .withClassLoader(new FilteredClassLoader("dev.gallerykit.sqs.")).run(context ->
                        assertThat(report(context).getDescription()).contains(
                                "gallerykit.sqs.events-queue is set, which needs dev.gallerykit:gallery-sqs on the class path"));
    }

    @Test
    @DisplayName("the failure analyzer is registered for Spring Boot to find")
    void analyzerRegistered() {
        // Boot's own analyzers want arguments of their own; only whether ours is found matters here.
        SpringFactoriesLoader.FailureHandler skipOthers = (type, implementation, failure) -> { };
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver.none(), skipOthers))
                .hasAtLeastOneElementOfType(GalleryKitFailureAnalyzer.class);
    }

    private static GalleryKitConfigurationException configurationFailure(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        Throwable cause = context.getStartupFailure();
        while (cause != null && !(cause instanceof GalleryKitConfigurationException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("a GalleryKitConfigurationException in %s", context.getStartupFailure()).isNotNull();
        return (GalleryKitConfigurationException) cause;
    }

    private static FailureAnalysis report(AssertableApplicationContext context) {
        configurationFailure(context);
        FailureAnalysis analysis = new GalleryKitFailureAnalyzer().analyze(context.getStartupFailure());
        assertThat(analysis).isNotNull();
        return analysis;
    }
}
