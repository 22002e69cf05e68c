package dev.gallerykit.dynamodb;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.TextMatch;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.dynamodb.Items.AlbumItem;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.Slice;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * An {@link AlbumRepository} on DynamoDB: partition key = owner, sort key = album id (time-ordered),
 * so every read names its owner and lists are one newest-first Query per page. Text search queries
 * the owner's partition with a filter. Obtain it from {@link DynamoDbRepositories#albums()}.
 */
final class DynamoDbAlbumRepository implements AlbumRepository {

    private static final List<String> KEY_NAMES = List.of("owner", "id");

    private final DynamoDbTable<AlbumItem> albums;
    private final DynamoDbClient client;
    private final String tableName;
    private final String photosTable;
    private final AlbumGuards guards;

    DynamoDbAlbumRepository(DynamoDbEnhancedClient enhanced, DynamoDbClient client, String tableName,
            String photosTable, AlbumGuards guards) {
        this.albums = enhanced.table(tableName, Schemas.ALBUM);
        this.client = client;
        this.tableName = tableName;
        this.photosTable = photosTable;
        this.guards = guards;
    }

    @Override
    public Album create(Album album) {
        Objects.requireNonNull(album, "album");
        Album stored = album.withVersion(1);
        return Errors.call("creating an album", () -> {
            try {
                albums.putItem(r -> r.item(Mappers.toItem(stored)).conditionExpression(
                        Expression.builder().expression("attribute_not_exists(id)").build()));
                return stored;
            } catch (ConditionalCheckFailedException e) {
                throw new ConflictException("album " + album.id() + " already exists");
            }
        });
    }

    @Override
    public Optional<Album> find(UserId owner, AlbumId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        return Errors.call("reading an album", () -> read(owner, id)).map(Mappers::toAlbum);
    }

    @Override
    public Album update(Album album) {
        Objects.requireNonNull(album, "album");
        Album next = album.withVersion(album.version() + 1);
        return Errors.call("updating an album", () -> {
            try {
                albums.putItem(r -> r.item(Mappers.toItem(next)).conditionExpression(openAt(album.version())));
                return next;
            } catch (ConditionalCheckFailedException e) {
                throw whyNotWritten(album);
            }
        });
    }

    @Override
    public Album setCover(Album album) {
        Objects.requireNonNull(album, "album");
        PhotoId cover = album.cover().orElseThrow(() -> new IllegalArgumentException("the album has no cover"));
        Album next = album.withVersion(album.version() + 1);
        Expression open = openAt(album.version());
        TransactWriteItemsRequest request = TransactWriteItemsRequest.builder().transactItems(
                TransactWriteItem.builder().put(Put.builder()
                        .tableName(tableName)
                        .item(Schemas.ALBUM.itemToMap(Mappers.toItem(next), true))
                        .conditionExpression(open.expression())
                        .expressionAttributeNames(open.expressionNames())
                        .expressionAttributeValues(open.expressionValues())
                        .build()).build(),
                guards.isIn(album.ownerId(), cover, album.id())).build();
        return Errors.call("setting an album's cover", () -> {
            List<CancellationReason> reasons = Transactions.tryWrite(client, request, "setting an album's cover");
            if (Transactions.failed(reasons, 0)) {
                throw whyNotWritten(album);
            }
            if (Transactions.failed(reasons, 1)) {
                throw new NotFoundException("photo", cover + " in album " + album.id());
            }
            return next;
        });
    }

    @Override
    public boolean markDeleting(UserId owner, AlbumId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        return Errors.call("marking an album as being deleted", () -> {
            try {
                client.updateItem(r -> r.tableName(tableName).key(AlbumGuards.albumKey(owner, id))
                        .updateExpression("SET deleting = :true, #version = #version + :one REMOVE cover")
                        .conditionExpression("attribute_exists(id)")
                        .expressionAttributeNames(Map.of("#version", "version"))
                        .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true),
                                ":one", AttributeValue.fromN("1"))));
                return true;
            } catch (ConditionalCheckFailedException e) {
                return false;
            }
        });
    }

    /** Why a write conditional on {@link #openAt} failed: the album is gone or being deleted, or it moved on. */
    private RuntimeException whyNotWritten(Album album) {
        Optional<AlbumItem> stored = read(album.ownerId(), album.id());
        if (stored.isEmpty() || Boolean.TRUE.equals(stored.get().deleting)) {
            return new NotFoundException("album", album.id());
        }
        return new ConcurrentModificationException("album", album.id(), album.version());
    }

    /** The album is at this version and not being deleted. */
    private static Expression openAt(long version) {
        return Expression.builder()
                .expression("attribute_exists(id) AND #version = :version AND attribute_not_exists(deleting)")
                .putExpressionName("#version", "version")
                .putExpressionValue(":version", AttributeValue.fromN(Long.toString(version)))
                .build();
    }

    @Override
    public Slice<Album> list(UserId owner, int limit, Optional<String> after) {
        Objects.requireNonNull(owner, "owner");
        return Errors.call("listing albums", () -> pages(owner, Optional.empty())
                .page(limit, after, Mappers::toAlbum, album -> true));
    }

    @Override
    public Slice<Album> search(UserId owner, String text, int limit, Optional<String> after) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(text, "text");
        String needle = TextMatch.fold(text);
        Optional<Expression> filter = needle.isEmpty() ? Optional.empty() : Optional.of(Expression.builder()
                .expression("contains(nameLc, :text) OR contains(descriptionLc, :text)")
                .putExpressionValue(":text", AttributeValue.fromS(needle))
                .build());
        return Errors.call("searching albums", () -> pages(owner, filter).page(limit, after, Mappers::toAlbum,
                album -> TextMatch.fold(album.name()).contains(needle)
                        || TextMatch.fold(album.description()).contains(needle)));
    }

    @Override
    public void delete(UserId owner, AlbumId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        Errors.run("deleting an album", () -> {
            if (hasPhotos(owner, id)) {
                throw new ConflictException("album " + id + " still has photos");
            }
            albums.deleteItem(key(owner, id));
        });
    }

    /**
     * Whether any photo is still in the album, by a strongly consistent Query of the owner's photos:
     * the {@code byAlbum} index that lists an album is eventually consistent, and a photo written
     * just before the album was marked could be missing from it. Once the album is marked, no photo
     * goes in, so a check that finds none stays true. It reads the owner's photo items (one read
     * unit per 4 KB, filter or not), once per album delete; it stops at the first photo it finds.
     */
    private boolean hasPhotos(UserId owner, AlbumId album) {
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = client.query(QueryRequest.builder()
                    .tableName(photosTable)
                    .consistentRead(true)
                    .keyConditionExpression("#owner = :owner")
                    .filterExpression("albumKey = :albumKey")
                    .projectionExpression("id")
                    .expressionAttributeNames(Map.of("#owner", "owner"))
                    .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner.toString()),
                            ":albumKey", AttributeValue.fromS(Mappers.albumKey(owner, album))))
                    .exclusiveStartKey(start)
                    .build());
            if (page.count() > 0) {
                return true;
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return false;
    }

    private Pages<AlbumItem> pages(UserId owner, Optional<Expression> filter) {
        return new Pages<>(albums, Optional.empty(), "owner", owner.toString(), KEY_NAMES, filter);
    }

    private Optional<AlbumItem> read(UserId owner, AlbumId id) {
        return Optional.ofNullable(albums.getItem(r -> r.key(key(owner, id)).consistentRead(true)));
    }

    private static Key key(UserId owner, AlbumId id) {
        return Key.builder().partitionValue(owner.toString()).sortValue(id.toString()).build();
    }

    static Expression sameVersion(long version) {
        return Expression.builder()
                .expression("attribute_exists(id) AND #version = :version")
                .putExpressionName("#version", "version")
                .putExpressionValue(":version", AttributeValue.fromN(Long.toString(version)))
                .build();
    }
}
