package dev.gallerykit.reliability;

import dev.gallerykit.dynamodb.DynamoDbRepositories;
import dev.gallerykit.local.LocalDynamoDb;
import java.util.Locale;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Gallery tables of one test class's own on the endpoint of {@link LocalDynamoDb}, under a prefix
 * nobody else uses. Closing them deletes the tables on an external endpoint (DynamoDB Local's are in
 * memory and go with the server), then closes the client.
 */
final class ScratchTables implements AutoCloseable {

    private final LocalDynamoDb.Endpoint endpoint;
    private final DynamoDbClient client;
    private final DynamoDbRepositories repositories;

    private ScratchTables(LocalDynamoDb.Endpoint endpoint, DynamoDbClient client, DynamoDbRepositories repositories) {
        this.endpoint = endpoint;
        this.client = client;
        this.repositories = repositories;
    }

    /** Creates the tables, named {@code <run prefix><purpose>-<random>-users} and so on. */
    static ScratchTables create(LocalDynamoDb.Endpoint endpoint, String purpose) {
        DynamoDbClient client = clientFor(endpoint);
        String prefix = LocalDynamoDb.tablePrefix() + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                + "-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        DynamoDbRepositories repositories = DynamoDbRepositories.builder().client(client).tablePrefix(prefix).build();
        repositories.createTablesIfMissing();
        return new ScratchTables(endpoint, client, repositories);
    }

    DynamoDbRepositories repositories() {
        return repositories;
    }

    @Override
    public void close() {
        try {
            if (!endpoint.local()) {
                repositories.tableNames().forEach(name -> client.deleteTable(request -> request.tableName(name)));
            }
        } finally {
            repositories.close();
            client.close();
        }
    }

    /** Enough connections for eight racing threads whose calls each make several requests. */
    private static DynamoDbClient clientFor(LocalDynamoDb.Endpoint endpoint) {
        AwsCredentialsProvider credentials = endpoint.credentials()
                .<AwsCredentialsProvider>map(pair -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(pair.accessKeyId(), pair.secretAccessKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        return DynamoDbClient.builder()
                .endpointOverride(endpoint.uri())
                .region(Region.of(endpoint.region()))
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
                .build();
    }
}
