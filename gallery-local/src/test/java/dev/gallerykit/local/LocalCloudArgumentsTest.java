package dev.gallerykit.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.local.LocalCloud.Service;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What LocalCloud.main and LocalCloud.start accept, before any server starts. */
class LocalCloudArgumentsTest {

    @Test
    @DisplayName("no argument means every service")
    void noArgumentMeansAll() {
        assertThat(LocalCloud.parse()).isEqualTo(EnumSet.allOf(Service.class));
    }

    @Test
    @DisplayName("services are named in any case, apart or comma-separated")
    void namesInAnyCase() {
        assertThat(LocalCloud.parse("s3,DynamoDB", " smtp ", "Postgres,", "SQS"))
                .containsExactly(Service.S3, Service.DYNAMODB, Service.SQS, Service.POSTGRES, Service.SMTP);
    }

    @Test
    @DisplayName("an unknown name is refused with the list of known ones")
    void unknownNameIsRefused() {
        assertThatThrownBy(() -> LocalCloud.parse("s3", "sns"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sns'")
                .hasMessageContaining("s3, dynamodb, sqs, mariadb, mysql, postgres, smtp");
    }

    @Test
    @DisplayName("starting nothing is a mistake, not an empty cloud")
    void startingNothingIsRefused() {
        assertThatThrownBy(() -> LocalCloud.start(Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
