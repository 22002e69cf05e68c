package dev.gallerykit.dynamodb;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.dynamodb.Items.AlbumItem;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.Slice;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * An {@link AlbumRepository} on DynamoDB: partition key = owner, sort key = album id (time-ordered),
 * so every read names its owner and lists are one newest-first Query per page. Text search queries
 * the owner's partition with a filter. Obtain it from {@link DynamoDbRepositories#albums()}.
 */
final class DynamoDbAlbumRepository implements AlbumRepository {

    private static final List<String> KEY_NAMES = List.of("owner", "id");

    private final DynamoDbTable<AlbumItem> albums;

    DynamoDbAlbumRepository(DynamoDbEnhancedClient enhanced, String tableName) {
        this.albums = enhanced.table(tableName, Schemas.ALBUM);
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
                albums.putItem(r -> r.item(Mappers.toItem(next)).conditionExpression(sameVersion(album.version())));
                return next;
            } catch (ConditionalCheckFailedException e) {
                if (read(album.ownerId(), album.id()).isEmpty()) {
                    throw new NotFoundException("album", album.id());
                }
                throw new ConcurrentModificationException("album", album.id(), album.version());
            }
        });
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
        String needle = text.toLowerCase(Locale.ROOT);
        Optional<Expression> filter = needle.isEmpty() ? Optional.empty() : Optional.of(Expression.builder()
                .expression("contains(nameLc, :text) OR contains(descriptionLc, :text)")
                .putExpressionValue(":text", AttributeValue.fromS(needle))
                .build());
        return Errors.call("searching albums", () -> pages(owner, filter).page(limit, after, Mappers::toAlbum,
                album -> album.name().toLowerCase(Locale.ROOT).contains(needle)
                        || album.description().toLowerCase(Locale.ROOT).contains(needle)));
    }

    @Override
    public void delete(UserId owner, AlbumId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        Errors.run("deleting an album", () -> albums.deleteItem(key(owner, id)));
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
