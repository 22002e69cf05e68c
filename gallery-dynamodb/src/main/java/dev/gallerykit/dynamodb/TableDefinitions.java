package dev.gallerykit.dynamodb;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The five tables and their indexes, on-demand billing. The module README explains each choice. */
final class TableDefinitions {

    private TableDefinitions() {
    }

    static CreateTableRequest users(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("pk"))
                .keySchema(hash("pk"))
                .build();
    }

    static CreateTableRequest albums(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("owner"), string("id"))
                .keySchema(hash("owner"), range("id"))
                .build();
    }

    static CreateTableRequest photos(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("owner"), string("id"), string("albumKey"), string("shaKey"))
                .keySchema(hash("owner"), range("id"))
                .globalSecondaryIndexes(
                        index(Schemas.PHOTOS_BY_ALBUM, "albumKey", Projection.builder().projectionType(ProjectionType.ALL)),
                        index(Schemas.PHOTOS_BY_SHA256, "shaKey",
                                Projection.builder().projectionType(ProjectionType.KEYS_ONLY)))
                .build();
    }

    static CreateTableRequest sessions(String name) {
        Projection.Builder revokedAt = Projection.builder().projectionType(ProjectionType.INCLUDE)
                .nonKeyAttributes("revokedAt");
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("tokenHash"), string("id"), string("userId"), string("familyId"))
                .keySchema(hash("tokenHash"))
                .globalSecondaryIndexes(
                        index(Schemas.SESSIONS_BY_USER, "userId", revokedAt),
                        index(Schemas.SESSIONS_BY_FAMILY, "familyId", revokedAt))
                .build();
    }

    /** Memberships, links, their album listing items and token claims: {@code pk}/{@code sk}, no index. */
    static CreateTableRequest shares(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("pk"), string("sk"))
                .keySchema(hash("pk"), range("sk"))
                .build();
    }

    /** The index names a table must have. */
    static List<String> indexNames(CreateTableRequest request) {
        return request.globalSecondaryIndexes().stream().map(GlobalSecondaryIndex::indexName).toList();
    }

    private static GlobalSecondaryIndex index(String name, String partition, Projection.Builder projection) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(hash(partition), range("id"))
                .projection(projection.build())
                .build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }
}
