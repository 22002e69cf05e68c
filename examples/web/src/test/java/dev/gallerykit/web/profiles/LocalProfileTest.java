package dev.gallerykit.web.profiles;

import dev.gallerykit.local.Credentials;
import dev.gallerykit.local.LocalCloud;
import dev.gallerykit.local.LocalDynamoDb;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code local} profile with the {@code dynamodb} record profile: DynamoDB Local started with the other servers. */
@DisplayName("The local profile with dynamodb")
class LocalProfileTest {

    @Test
    @DisplayName("the listener starts DynamoDB Local, the tables are created on start and the album is an item there")
    void recordsOnDynamoDbLocal() {
        String email = "lou-" + UUID.randomUUID() + "@example.test";
        try (RunningApp app = RunningApp.start("local,dynamodb", Map.of())) {
            LocalCloud cloud = app.bean(LocalCloud.class);
            assertThat(cloud.services()).contains(LocalCloud.Service.DYNAMODB);
            assertThat(app.bean(PhotoRepository.class).getClass().getPackageName()).isEqualTo("dev.gallerykit.dynamodb");

            String token = app.signUpAndSignIn(email, cloud.smtp());
            String album = app.createAlbum(token, "Faro");
            app.upload(token, album, PhotoFixtures.aJpeg(320, 240, 5));

            LocalDynamoDb.Endpoint dynamo = cloud.dynamoDb();
            Credentials key = cloud.credentials();
            try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.uri())
                    .region(Region.of(dynamo.region())).credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))).build()) {
                assertThat(client.listTables().tableNames()).contains("gallerykit-users", "gallerykit-albums",
                        "gallerykit-photos", "gallerykit-sessions");
                assertThat(client.scanPaginator(request -> request.tableName("gallerykit-albums")).items().stream()
                        .map(item -> item.getOrDefault("name", AttributeValue.fromS("")).s())).contains("Faro");
            }
        }
    }

    @Test
    @DisplayName("without a record profile the records stay on H2, and no DynamoDB Local is started")
    void recordsOnH2ByDefault() {
        try (RunningApp app = RunningApp.start("local", Map.of())) {
            assertThat(app.bean(LocalCloud.class).services()).doesNotContain(LocalCloud.Service.DYNAMODB);
            assertThat(app.bean(PhotoRepository.class).getClass().getPackageName()).isEqualTo("dev.gallerykit.jdbc");
        }
    }
}
