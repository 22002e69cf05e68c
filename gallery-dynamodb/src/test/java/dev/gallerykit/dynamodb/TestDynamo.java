package dev.gallerykit.dynamodb;

import dev.gallerykit.local.LocalDynamoDb;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * One set of tables per test JVM, on the server {@link LocalDynamoDb} started (or the external
 * endpoint it names), under the run's unique prefix. Tests keep apart by using fresh owners and ids.
 */
final class TestDynamo {

    private static DynamoDbRepositories shared;

    private TestDynamo() {
    }

    static synchronized DynamoDbRepositories repositories() {
        if (shared == null) {
            shared = repositoriesWith(client());
            shared.createTablesIfMissing();
            if (LocalDynamoDb.external()) {
                DynamoDbRepositories created = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> dropTables(created)));
            }
        }
        return shared;
    }

    /** Other repositories on the same tables, over a client of the test's own (to count its calls, say). */
    static DynamoDbRepositories repositoriesWith(DynamoDbClient client) {
        return DynamoDbRepositories.builder().client(client).tablePrefix(LocalDynamoDb.tablePrefix()).build();
    }

    static DynamoDbClient client(ExecutionInterceptor... interceptors) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .endpointOverride(LocalDynamoDb.endpoint())
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
                .overrideConfiguration(o -> o.executionInterceptors(List.of(interceptors)));
        if (LocalDynamoDb.external()) {
            builder.region(Region.of(Optional.ofNullable(System.getenv("AWS_REGION")).orElse("us-east-1")));
        } else {
            builder.region(Region.of(LocalDynamoDb.LOCAL_REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("gallerykit", "local")));
        }
        return builder.build();
    }

    private static void dropTables(DynamoDbRepositories repositories) {
        try (DynamoDbClient client = client()) {
            repositories.tableNames().forEach(name -> {
                try {
                    client.deleteTable(r -> r.tableName(name));
                } catch (RuntimeException e) {
                    System.err.println("could not delete test table " + name + ": " + e.getMessage());
                }
            });
        }
    }
}
