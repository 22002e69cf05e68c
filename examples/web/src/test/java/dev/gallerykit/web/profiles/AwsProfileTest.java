package dev.gallerykit.web.profiles;

import dev.gallerykit.spring.GalleryKitConfigurationException;
import dev.gallerykit.spring.GalleryKitProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The {@code aws} profile, without AWS: it creates nothing on start, so the app starts without a
 * request to AWS when everything is set, and a start without a value fails naming its property.
 */
@DisplayName("The aws profile")
class AwsProfileTest {

    /** What a deployment sets, but for the region, which stands in for AWS_REGION or ~/.aws/config. */
    private static Map<String, String> deployment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("GALLERYKIT_S3_REGION", "eu-west-1");
        environment.put("GALLERYKIT_DYNAMODB_REGION", "eu-west-1");
        environment.put("GALLERYKIT_S3_BUCKET", "photos-of-example-com");
        environment.put("GALLERYKIT_LINKSBASEURL", "https://photos.example.test/account");
        environment.put("GALLERYKIT_TOKENS_HMACSECRET", Secrets.random());
        environment.put("GALLERYKIT_CURSORSECRET", Secrets.random());
        environment.put("GALLERYKIT_MAIL_HOST", "email-smtp.eu-west-1.amazonaws.com");
        environment.put("GALLERYKIT_MAIL_USERNAME", "AKIAEXAMPLE");
        environment.put("GALLERYKIT_MAIL_PASSWORD", "smtp-password");
        environment.put("GALLERYKIT_MAIL_FROM", "Photos <no-reply@example.test>");
        return environment;
    }

    @Test
    @DisplayName("with everything set the app starts on the SDK's endpoints, creating no bucket and no tables")
    void startsWithEverythingSet() {
        try (RunningApp app = RunningApp.start("aws,dynamodb", deployment())) {
            GalleryKitProperties properties = app.bean(GalleryKitProperties.class);
            assertThat(properties.store()).isEqualTo(GalleryKitProperties.Store.DYNAMODB);
            assertThat(properties.s3().endpoint()).isNull();
            assertThat(properties.dynamodb().endpoint()).isNull();
            assertThat(properties.s3().createBucket()).isFalse();
            assertThat(properties.dynamodb().createTables()).isFalse();
            assertThat(properties.mail().security()).isEqualTo(GalleryKitProperties.MailSecurity.STARTTLS);
        }
    }

    @Test
    @DisplayName("without the token secret the start fails naming gallerykit.tokens.hmac-secret")
    void tokenSecretMissing() {
        Map<String, String> environment = deployment();
        environment.remove("GALLERYKIT_TOKENS_HMACSECRET");
        assertThat(missing("aws,dynamodb", environment)).containsExactly("gallerykit.tokens.hmac-secret");
    }

    @Test
    @DisplayName("without the bucket the start fails naming gallerykit.s3.bucket")
    void bucketMissing() {
        Map<String, String> environment = deployment();
        environment.remove("GALLERYKIT_S3_BUCKET");
        assertThat(missing("aws,dynamodb", environment)).containsExactly("gallerykit.s3.bucket");
    }

    @Test
    @DisplayName("with jdbc and no database URL the start fails naming gallerykit.jdbc.url")
    void jdbcUrlMissing() {
        assertThat(missing("aws,jdbc", deployment())).containsExactly("gallerykit.jdbc.url");
    }

    @Test
    @DisplayName("without a mail server and a cursor secret the start fails naming both, instead of logging the mails")
    void mailHostAndCursorSecretMissing() {
        Map<String, String> environment = deployment();
        List.of("GALLERYKIT_MAIL_HOST", "GALLERYKIT_MAIL_USERNAME", "GALLERYKIT_MAIL_PASSWORD",
                "GALLERYKIT_CURSORSECRET").forEach(environment::remove);
        assertThat(missing("aws,dynamodb", environment))
                .containsExactly("gallerykit.mail.host", "gallerykit.cursor-secret");
    }

    /** Starts the app, which must fail for want of configuration: the properties the failure names. */
    private static List<String> missing(String profiles, Map<String, String> environment) {
        Throwable failure = catchThrowable(() -> RunningApp.start(profiles, environment).close());
        assertThat(failure).as("the start fails").isNotNull();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof GalleryKitConfigurationException configuration) {
                return configuration.problems().stream().map(GalleryKitConfigurationException.Problem::property)
                        .toList();
            }
        }
        throw new AssertionError("not a configuration failure", failure);
    }
}
