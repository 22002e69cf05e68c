package dev.gallerykit.examples.tours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.examples.tours.TourSettings.Mode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TourSettingsTest {

    @Test
    @DisplayName("with nothing configured the tour runs on LocalCloud, with H2 and a bucket of its own")
    void defaults() {
        TourSettings settings = TourSettings.parse(List.of(), Map.of());

        assertThat(settings.mode()).isEqualTo(Mode.LOCAL_CLOUD);
        assertThat(settings.jdbc().isDefault()).isTrue();
        assertThat(settings.bucket()).matches("gallerykit-tour-\\p{XDigit}{8}");
        assertThat(settings.tablePrefix()).isEqualTo(settings.bucket() + "-");
        assertThat(settings.database()).isEmpty();
        assertThat(settings.smtp()).isEmpty();
        assertThat(settings.keep()).isFalse();
        assertThat(settings.asynchronous()).isFalse();
        assertThat(settings.queuePrefix()).isEqualTo(settings.bucket() + "-");
    }

    @Test
    @DisplayName("--async or GALLERYKIT_TOUR_ASYNC puts the jobs and events on SQS, under a queue prefix SQS takes")
    void asynchronous() {
        TourSettings option = TourSettings.parse(List.of("--async", "--queue-prefix", "photos_"), Map.of());
        TourSettings variable = TourSettings.parse(List.of(), Map.of(TourSettings.ASYNC, "true",
                "AWS_ENDPOINT_URL_SQS", "http://localhost:9324"));

        assertThat(option.asynchronous()).isTrue();
        assertThat(option.queuePrefix()).isEqualTo("photos_");
        assertThat(variable.asynchronous()).isTrue();
        assertThat(variable.mode()).isEqualTo(Mode.ENDPOINT);
        assertThat(variable.sqsEndpoint()).contains(URI.create("http://localhost:9324"));
        assertThat(variable.s3Endpoint()).isEmpty();
        assertThatThrownBy(() -> TourSettings.parse(List.of("--queue-prefix", "photo.jobs."), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--queue-prefix")
                .hasMessageContaining("photo.jobs.");
    }

    @Test
    @DisplayName("AWS_ENDPOINT_URL points both services at LocalStack; a service's own variable wins for it")
    void endpoints() {
        TourSettings settings = TourSettings.parse(List.of(), Map.of("AWS_ENDPOINT_URL", "http://localhost:4566",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://localhost:8000"));

        assertThat(settings.mode()).isEqualTo(Mode.ENDPOINT);
        assertThat(settings.s3Endpoint()).contains(URI.create("http://localhost:4566"));
        assertThat(settings.dynamoDbEndpoint()).contains(URI.create("http://localhost:8000"));
        assertThat(settings.sqsEndpoint()).contains(URI.create("http://localhost:4566"));
        assertThat(settings.region()).isEqualTo("us-east-1");
    }

    @Test
    @DisplayName("a region and credentials without an endpoint mean AWS; a region alone does not")
    void aws() {
        TourSettings aws = TourSettings.parse(List.of(), Map.of("AWS_REGION", "eu-west-1",
                "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret"));
        TourSettings profile = TourSettings.parse(List.of(), Map.of("AWS_DEFAULT_REGION", "eu-west-1",
                "AWS_PROFILE", "photos"));
        TourSettings regionOnly = TourSettings.parse(List.of(), Map.of("AWS_REGION", "eu-west-1"));

        assertThat(aws.mode()).isEqualTo(Mode.AWS);
        assertThat(aws.region()).isEqualTo("eu-west-1");
        assertThat(aws.accessKey()).contains(new TourSettings.AccessKey("AKIDEXAMPLE", "secret", Optional.empty()));
        assertThat(aws.accessKey().orElseThrow().toString()).doesNotContain("secret");
        assertThat(profile.mode()).isEqualTo(Mode.AWS);
        assertThat(profile.accessKey()).isEmpty();
        assertThat(regionOnly.mode()).isEqualTo(Mode.LOCAL_CLOUD);
    }

    @Test
    @DisplayName("options on the command line win over the environment")
    void optionsWin() {
        TourSettings settings = TourSettings.parse(
                List.of("--bucket", "mine", "--jdbc-url", "jdbc:mysql://db/photos", "--jdbc-user", "ann", "--keep"),
                Map.of(TourSettings.BUCKET, "theirs", TourSettings.JDBC_URL, "jdbc:postgresql://db/photos",
                        TourSettings.TABLE_PREFIX, "photos-", TourSettings.JDBC_PASSWORD, "pw"));

        assertThat(settings.bucket()).isEqualTo("mine");
        assertThat(settings.tablePrefix()).isEqualTo("photos-");
        assertThat(settings.jdbc()).isEqualTo(new TourSettings.Jdbc("jdbc:mysql://db/photos", "ann", "pw"));
        assertThat(settings.keep()).isTrue();
    }

    @Test
    @DisplayName("a mail server is named by host, SMTP port and IMAP port together")
    void smtp() {
        TourSettings settings = TourSettings.parse(List.of(), Map.of(TourSettings.SMTP_HOST, "mail",
                TourSettings.SMTP_PORT, "3025", TourSettings.IMAP_PORT, "3143"));

        assertThat(settings.smtp()).contains(new TourSettings.Smtp("mail", 3025, 3143));
        assertThatThrownBy(() -> TourSettings.parse(List.of(), Map.of(TourSettings.SMTP_HOST, "mail")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(TourSettings.SMTP_PORT);
    }

    @Test
    @DisplayName("an unknown option, or an option without its value, is refused with its name")
    void badArguments() {
        assertThatThrownBy(() -> TourSettings.parse(List.of("--buckets", "x"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--buckets");
        assertThatThrownBy(() -> TourSettings.parse(List.of("--bucket"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--bucket needs a value");
        assertThatThrownBy(() -> TourSettings.parse(List.of("--database", "oracle"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mariadb, mysql, postgres");
        assertThatThrownBy(() -> TourSettings.parse(List.of("--database", "mysql", "--jdbc-url", "jdbc:h2:mem:x"),
                Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
    }
}
