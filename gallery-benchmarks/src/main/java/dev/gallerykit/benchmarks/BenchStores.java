package dev.gallerykit.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gallerykit.local.Credentials;
import dev.gallerykit.local.JdbcDatabase;
import dev.gallerykit.local.LocalCloud;
import dev.gallerykit.local.LocalDynamoDb;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The clients and pools every benchmark builds the same way over the servers of a {@link LocalCloud}. */
final class BenchStores {

    /** The SDK's own default for its Apache client. */
    static final int SDK_CONNECTIONS = 50;

    private BenchStores() {
    }

    static StaticCredentialsProvider credentials(Credentials credentials) {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey()));
    }

    /** A client of the cloud's DynamoDB Local over at most {@code connections} connections, calling {@code interceptors}. */
    static DynamoDbClient dynamoDb(LocalCloud cloud, int connections, ExecutionInterceptor... interceptors) {
        LocalDynamoDb.Endpoint endpoint = cloud.dynamoDb();
        return DynamoDbClient.builder()
                .endpointOverride(endpoint.uri())
                .region(Region.of(endpoint.region()))
                .credentialsProvider(credentials(endpoint.credentials().orElse(cloud.credentials())))
                // A builder, not a client: the SDK client then owns the HTTP client and closes it with itself.
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(connections))
                .overrideConfiguration(c -> {
                    for (ExecutionInterceptor interceptor : interceptors) {
                        c.addExecutionInterceptor(interceptor);
                    }
                })
                .build();
    }

    /** A pool named {@code name} of at most {@code size} connections to {@code database}. */
    static HikariDataSource pool(JdbcDatabase database, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(size);
        config.setPoolName(name);
        return new HikariDataSource(config);
    }
}
