package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.dynamodb.DynamoDbRepositories;
import dev.gallerykit.local.LocalDynamoDb;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.contributor.Status;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("gallerykit.store=dynamodb")
@ExtendWith(LocalDynamoDb.class)
class DynamoDbStoreTest {

    private static String prefix() {
        return LocalDynamoDb.tablePrefix() + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    static AwsCredentialsProvider credentials(LocalDynamoDb.Endpoint endpoint) {
        return endpoint.credentials()
                .<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    static DynamoDbClient client(LocalDynamoDb.Endpoint endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint.uri()).region(Region.of(endpoint.region()))
                .credentialsProvider(credentials(endpoint)).build();
    }

    @Test
    @DisplayName("on the host's DynamoDbClient: tables created on start, the records on DynamoDB, the store healthy")
    void hostClient(LocalDynamoDb.Endpoint endpoint) {
        try (DynamoDbClient host = client(endpoint)) {
            Contexts.withAccounts().withBean(DynamoDbClient.class, () -> host)
                    .withPropertyValues("gallerykit.store=dynamodb", "gallerykit.dynamodb.table-prefix=" + prefix())
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(DynamoDbClient.class)
                                .doesNotHaveBean("gallerykitDynamoDbClient");
                        DynamoDbRepositories repositories = context.getBean(DynamoDbRepositories.class);
                        for (String table : repositories.tableNames()) {
                            assertThat(host.describeTable(r -> r.tableName(table)).table().tableName()).isEqualTo(table);
                        }
                        Contexts.signUpAndCreateAlbum(context);
                        assertThat(Contexts.health(context, "gallerykitDynamoDbHealthIndicator")).isEqualTo(Status.UP);
                    });
        }
    }

    @Test
    @DisplayName("without a host client: one made from gallerykit.dynamodb.endpoint and region, signing with the host's credentials bean")
    void clientFromProperties(LocalDynamoDb.Endpoint endpoint) {
        Contexts.withAccounts().withBean(AwsCredentialsProvider.class, () -> credentials(endpoint))
                .withPropertyValues("gallerykit.store=dynamodb", "gallerykit.dynamodb.table-prefix=" + prefix(),
                        "gallerykit.dynamodb.endpoint=" + endpoint.uri(), "gallerykit.dynamodb.region=" + endpoint.region())
                .run(context -> {
                    assertThat(context).hasNotFailed().hasBean("gallerykitDynamoDbClient");
                    Contexts.signUpAndCreateAlbum(context);
                });
    }

    @Test
    @DisplayName("gallerykit.dynamodb.create-tables=false leaves missing tables missing, and the store is down")
    void noTables(LocalDynamoDb.Endpoint endpoint) {
        try (DynamoDbClient host = client(endpoint)) {
            Contexts.withAccounts().withBean(DynamoDbClient.class, () -> host)
                    .withPropertyValues("gallerykit.store=dynamodb", "gallerykit.dynamodb.table-prefix=" + prefix(),
                            "gallerykit.dynamodb.create-tables=false")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(Contexts.health(context, "gallerykitDynamoDbHealthIndicator")).isEqualTo(Status.DOWN);
                    });
        }
    }

    @Test
    @DisplayName("the health indicator goes down when DynamoDB stops")
    void downWhenServerGone() {
        LocalDynamoDb.Server server = LocalDynamoDb.start();
        try (DynamoDbClient host = client(server.endpoint())) {
            Contexts.withAccounts().withBean(DynamoDbClient.class, () -> host)
                    .withPropertyValues("gallerykit.store=dynamodb", "gallerykit.dynamodb.table-prefix=" + prefix())
                    .run(context -> {
                        assertThat(Contexts.health(context, "gallerykitDynamoDbHealthIndicator")).isEqualTo(Status.UP);
                        server.close();
                        assertThat(Contexts.health(context, "gallerykitDynamoDbHealthIndicator")).isEqualTo(Status.DOWN);
                    });
        } finally {
            server.close();
        }
    }
}
