package dev.gallerykit.dynamodb;

import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.dynamodb.Items.EmailItem;
import dev.gallerykit.dynamodb.Items.UserItem;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.UserRepository;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A {@link UserRepository} on DynamoDB. A user ({@code USER#<id>}) and the claim on its address
 * ({@code EMAIL#<emailKey>}) live in one table and are only ever written together in one
 * {@code TransactWriteItems} with {@code attribute_not_exists} conditions: that, and not an index,
 * is what keeps emails unique when sign-ups race. Updates are conditional on the version.
 * Obtain it from {@link DynamoDbRepositories#users()}.
 */
final class DynamoDbUserRepository implements UserRepository {

    private static final Expression ABSENT = Expression.builder().expression("attribute_not_exists(pk)").build();

    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbTable<UserItem> users;
    private final DynamoDbTable<EmailItem> emails;

    DynamoDbUserRepository(DynamoDbEnhancedClient enhanced, String tableName) {
        this.enhanced = enhanced;
        this.users = enhanced.table(tableName, Schemas.USER);
        this.emails = enhanced.table(tableName, Schemas.EMAIL);
    }

    @Override
    public User create(User user) {
        Objects.requireNonNull(user, "user");
        User stored = user.withVersion(1);
        TransactWriteItemsEnhancedRequest request = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(users, TransactPutItemEnhancedRequest.builder(UserItem.class)
                        .item(Mappers.toItem(stored)).conditionExpression(ABSENT).build())
                .addPutItem(emails, TransactPutItemEnhancedRequest.builder(EmailItem.class)
                        .item(Mappers.emailItem(stored)).conditionExpression(ABSENT).build())
                .build();
        Errors.run("creating a user", () -> Transactions.write(enhanced, request, "creating a user", reasons -> {
            if (Transactions.failed(reasons, 1)) {
                throw emailTaken();
            }
            throw new ConflictException("user " + user.id() + " already exists");
        }));
        return stored;
    }

    @Override
    public Optional<User> findById(UserId id) {
        Objects.requireNonNull(id, "id");
        return Errors.call("reading a user", () -> read(id)).map(Mappers::toUser);
    }

    @Override
    public Optional<User> findByEmail(String email) {
        Objects.requireNonNull(email, "email");
        String emailKey = User.emailKey(email);
        return Errors.call("reading a user by email", () -> {
            EmailItem claim = emails.getItem(r -> r.key(key(Mappers.emailKey(emailKey))).consistentRead(true));
            if (claim == null) {
                return Optional.<User>empty();
            }
            // The address may have moved on between the two reads: trust the user item, not the claim.
            return read(UserId.parse(claim.userId)).filter(item -> emailKey.equals(item.emailKey)).map(Mappers::toUser);
        });
    }

    @Override
    public User update(User user) {
        Objects.requireNonNull(user, "user");
        User next = user.withVersion(user.version() + 1);
        return Errors.call("updating a user", () -> {
            try {
                // The common case, the address unchanged: one conditional put, no transaction.
                users.putItem(r -> r.item(Mappers.toItem(next)).conditionExpression(Expression.builder()
                        .expression("attribute_exists(pk) AND #version = :version AND emailKey = :emailKey")
                        .putExpressionName("#version", "version")
                        .putExpressionValue(":version", AttributeValue.fromN(Long.toString(user.version())))
                        .putExpressionValue(":emailKey", AttributeValue.fromS(user.emailKey()))
                        .build()));
                return next;
            } catch (ConditionalCheckFailedException e) {
                UserItem stored = read(user.id()).orElseThrow(() -> new NotFoundException("user", user.id()));
                if (stored.version != user.version() || stored.emailKey.equals(user.emailKey())) {
                    throw new ConcurrentModificationException("user", user.id(), user.version());
                }
                changeEmail(next, user.version(), stored.emailKey);
                return next;
            }
        });
    }

    /** Moves the claim from the old address to the new one and writes the user, all or nothing. */
    private void changeEmail(User next, long expectedVersion, String oldEmailKey) {
        TransactWriteItemsEnhancedRequest request = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(users, TransactPutItemEnhancedRequest.builder(UserItem.class)
                        .item(Mappers.toItem(next))
                        .conditionExpression(Expression.builder()
                                .expression("attribute_exists(pk) AND #version = :version AND emailKey = :old")
                                .putExpressionName("#version", "version")
                                .putExpressionValue(":version", AttributeValue.fromN(Long.toString(expectedVersion)))
                                .putExpressionValue(":old", AttributeValue.fromS(oldEmailKey))
                                .build())
                        .build())
                .addDeleteItem(emails, TransactDeleteItemEnhancedRequest.builder()
                        .key(key(Mappers.emailKey(oldEmailKey)))
                        .conditionExpression(ownClaim(next.id()))
                        .build())
                .addPutItem(emails, TransactPutItemEnhancedRequest.builder(EmailItem.class)
                        .item(Mappers.emailItem(next)).conditionExpression(ABSENT).build())
                .build();
        Transactions.write(enhanced, request, "changing a user's email", reasons -> {
            if (Transactions.failed(reasons, 2)) {
                throw emailTaken();
            }
            throw new ConcurrentModificationException("user", next.id(), expectedVersion);
        });
    }

    @Override
    public void delete(UserId id) {
        Objects.requireNonNull(id, "id");
        Errors.run("deleting a user", () -> {
            for (int attempt = 0; ; attempt++) {
                Optional<UserItem> stored = read(id);
                if (stored.isEmpty()) {
                    return;
                }
                if (deleteIfUnchanged(stored.get())) {
                    return;
                }
                if (attempt + 1 == Backoff.MAX_ATTEMPTS) {
                    throw new ConcurrentModificationException("user " + id + " kept changing while being deleted");
                }
                Backoff.pause(attempt);
            }
        });
    }

    /** Deletes the user and its claim if the user is still as read; false when it changed meanwhile. */
    private boolean deleteIfUnchanged(UserItem stored) {
        UserId id = UserId.parse(stored.id);
        TransactWriteItemsEnhancedRequest request = TransactWriteItemsEnhancedRequest.builder()
                .addDeleteItem(users, TransactDeleteItemEnhancedRequest.builder()
                        .key(key(stored.pk))
                        .conditionExpression(Expression.builder()
                                .expression("#version = :version")
                                .putExpressionName("#version", "version")
                                .putExpressionValue(":version", AttributeValue.fromN(Long.toString(stored.version)))
                                .build())
                        .build())
                .addDeleteItem(emails, TransactDeleteItemEnhancedRequest.builder()
                        .key(key(Mappers.emailKey(stored.emailKey)))
                        .conditionExpression(ownClaim(id))
                        .build())
                .build();
        try {
            Transactions.write(enhanced, request, "deleting a user", reasons -> {
                throw new ConcurrentModificationException("user", id, stored.version);
            });
            return true;
        } catch (ConcurrentModificationException e) {
            return false;
        }
    }

    private Optional<UserItem> read(UserId id) {
        return Optional.ofNullable(users.getItem(r -> r.key(key(Mappers.userKey(id))).consistentRead(true)));
    }

    /** The claim is ours, or already gone (a delete that may be repeated). */
    private static Expression ownClaim(UserId id) {
        return Expression.builder()
                .expression("attribute_not_exists(pk) OR userId = :userId")
                .expressionValues(Map.of(":userId", AttributeValue.fromS(id.toString())))
                .build();
    }

    private static Key key(String pk) {
        return Key.builder().partitionValue(pk).build();
    }

    // Says nothing about the account that holds the address.
    private static ConflictException emailTaken() {
        return new ConflictException("this email address is already registered");
    }
}
