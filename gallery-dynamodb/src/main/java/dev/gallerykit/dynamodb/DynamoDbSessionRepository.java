package dev.gallerykit.dynamodb;

import dev.gallerykit.domain.Session;
import dev.gallerykit.domain.SessionId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.dynamodb.Items.SessionItem;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.SessionRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A {@link SessionRepository} on DynamoDB. The partition key is the token hash, so the refresh
 * look-up is one strongly consistent GetItem. {@link #rotate} is one {@code TransactWriteItems}:
 * the current session is marked rotated only if it is neither rotated nor revoked, and the next one
 * is put only if its token hash is new. Revocations and deletes find a family's or a user's sessions
 * through the {@code byFamily} and {@code byUser} indexes. Obtain it from {@link DynamoDbRepositories#sessions()}.
 */
final class DynamoDbSessionRepository implements SessionRepository {

    private static final Expression ABSENT = Expression.builder().expression("attribute_not_exists(tokenHash)").build();

    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbTable<SessionItem> sessions;

    DynamoDbSessionRepository(DynamoDbEnhancedClient enhanced, String tableName) {
        this.enhanced = enhanced;
        this.sessions = enhanced.table(tableName, Schemas.SESSION);
    }

    @Override
    public void create(Session session) {
        Objects.requireNonNull(session, "session");
        Errors.run("creating a session", () -> {
            try {
                sessions.putItem(r -> r.item(Mappers.toItem(session)).conditionExpression(ABSENT));
            } catch (ConditionalCheckFailedException e) {
                throw new ConflictException("a session with this token hash already exists");
            }
        });
    }

    @Override
    public Optional<Session> findByTokenHash(String tokenHash) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        return Errors.call("reading a session", () -> read(tokenHash)).map(Mappers::toSession);
    }

    @Override
    public void rotate(Session current, Session next, Instant at) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(at, "at");
        TransactWriteItemsEnhancedRequest request = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(sessions, TransactPutItemEnhancedRequest.builder(SessionItem.class)
                        .item(Mappers.toItem(current.rotated(at)))
                        .conditionExpression(Expression.builder()
                                .expression("attribute_exists(tokenHash) AND id = :id"
                                        + " AND attribute_not_exists(rotatedAt) AND attribute_not_exists(revokedAt)")
                                .putExpressionValue(":id", AttributeValue.fromS(current.id().toString()))
                                .build())
                        .build())
                .addPutItem(sessions, TransactPutItemEnhancedRequest.builder(SessionItem.class)
                        .item(Mappers.toItem(next)).conditionExpression(ABSENT).build())
                .build();
        Errors.run("rotating a session", () -> Transactions.write(enhanced, request, "rotating a session", reasons -> {
            if (Transactions.failed(reasons, 0)) {
                boolean exists = read(current.tokenHash()).filter(item -> current.id().toString().equals(item.id))
                        .isPresent();
                if (!exists) {
                    throw new NotFoundException("session", current.id());
                }
                throw new ConcurrentModificationException("session " + current.id() + " was already rotated or revoked");
            }
            throw new ConflictException("a session with this token hash already exists");
        }));
    }

    @Override
    public void revokeFamily(SessionId familyId, Instant at) {
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(at, "at");
        Errors.run("revoking a family of sessions", () -> forEachPage(Schemas.SESSIONS_BY_FAMILY, familyId.toString(),
                true, page -> page.forEach(item -> revoke(item.tokenHash, at))));
    }

    @Override
    public void revokeAll(UserId userId, Instant at) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(at, "at");
        Errors.run("revoking a user's sessions", () -> forEachPage(Schemas.SESSIONS_BY_USER, userId.toString(),
                true, page -> page.forEach(item -> revoke(item.tokenHash, at))));
    }

    @Override
    public void deleteAll(UserId userId) {
        Objects.requireNonNull(userId, "userId");
        Errors.run("deleting a user's sessions", () -> forEachPage(Schemas.SESSIONS_BY_USER, userId.toString(), false,
                page -> Batches.deleteAll(enhanced, sessions,
                        page.stream().map(item -> Key.builder().partitionValue(item.tokenHash).build()).toList())));
    }

    /**
     * Sets {@code revokedAt} unless it is set already (the first revocation time stays), touching no
     * other attribute. The condition also keeps a session deleted meanwhile from coming back as a stub.
     */
    private void revoke(String tokenHash, Instant at) {
        SessionItem change = new SessionItem();
        change.tokenHash = tokenHash;
        change.revokedAt = at;
        try {
            sessions.updateItem(r -> r.item(change).ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY).conditionExpression(Expression.builder()
                    .expression("attribute_exists(tokenHash) AND attribute_not_exists(revokedAt)").build()));
        } catch (ConditionalCheckFailedException e) {
            // revoked already, or deleted: either way nothing to do
        }
    }

    /** Walks every page of one index partition; {@code unrevokedOnly} filters out sessions already revoked. */
    private void forEachPage(String index, String partition, boolean unrevokedOnly, Consumer<List<SessionItem>> action) {
        Map<String, AttributeValue> start = null;
        do {
            QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder()
                    .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()))
                    .exclusiveStartKey(start);
            if (unrevokedOnly) {
                request.filterExpression(Expression.builder().expression("attribute_not_exists(revokedAt)").build());
            }
            Page<SessionItem> page = sessions.index(index).query(request.build()).iterator().next();
            action.accept(new ArrayList<>(page.items()));
            start = page.lastEvaluatedKey() == null || page.lastEvaluatedKey().isEmpty() ? null : page.lastEvaluatedKey();
        } while (start != null);
    }

    private Optional<SessionItem> read(String tokenHash) {
        return Optional.ofNullable(sessions.getItem(r -> r
                .key(Key.builder().partitionValue(tokenHash).build()).consistentRead(true)));
    }
}
