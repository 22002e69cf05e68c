package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.dynamodb.DynamoDbRepositories;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Up when DescribeTable finds each of the gallery's tables active. */
final class DynamoDbStoreHealthIndicator extends AbstractHealthIndicator {

    private final DynamoDbClient client;
    private final DynamoDbRepositories repositories;

    DynamoDbStoreHealthIndicator(DynamoDbClient client, DynamoDbRepositories repositories) {
        super("GalleryKit DynamoDB store health check failed");
        this.client = client;
        this.repositories = repositories;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, String> tables = new LinkedHashMap<>();
        boolean allActive = true;
        for (String table : repositories.tableNames()) {
            TableStatus status = client.describeTable(r -> r.tableName(table)).table().tableStatus();
            tables.put(table, String.valueOf(status));
            allActive &= status == TableStatus.ACTIVE;
        }
        (allActive ? builder.up() : builder.down()).withDetail("tables", tables);
    }
}
