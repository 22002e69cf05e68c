package dev.gallerykit.dynamodb;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.GeoBox;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.TextMatch;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.dynamodb.Items.AlbumItem;
import dev.gallerykit.dynamodb.Items.PhotoItem;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.PhotoClaims;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.Slice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A {@link PhotoRepository} on DynamoDB: partition key = owner, sort key = photo id (time-ordered).
 * The album listing is one newest-first Query per page on the {@code byAlbum} index (partition
 * {@code <owner>#<album>}); duplicate detection queries {@code bySha256} ({@code <owner>#<sha256>}).
 * Searches query the owner's partition (or the album's, when the query names one) with a filter, and
 * check each item against {@link PhotoQuery#matches} as well. {@link #deleteAll} uses
 * {@code BatchWriteItem}, 25 keys per call. A create with {@link PhotoClaims} is one transaction with
 * its claim items ({@link PhotoClaimWrites}): that, and not the SHA-256 index, keeps REJECT to one photo
 * per owner and SHA-256 when uploads race. {@link #delete} releases the content claim after the
 * record; {@link #deleteAll} reads the claims first and releases them after the records, conditionally,
 * in batches ({@link ClaimCleanup}); a crash in between leaves them stale, for the next claimer to
 * clear. Id holds live in the partition {@code <owner>#held}, which {@link #removeExpiredHolds} queries.
 * Obtain it from
 * {@link DynamoDbRepositories#photos()}.
 */
final class DynamoDbPhotoRepository implements PhotoRepository {

    private static final List<String> TABLE_KEY = List.of("owner", "id");
    private static final List<String> ALBUM_INDEX_KEY = List.of("albumKey", "id", "owner");

    /** Tries of a move or delete whose albums changed between reading them and writing. */
    private static final int RETRIES = 5;

    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbTable<PhotoItem> photos;
    private final DynamoDbClient client;
    private final String tableName;
    private final AlbumGuards guards;
    private final DynamoDbTable<AlbumItem> albums;
    private final PhotoClaimWrites claimWrites;
    private final ClaimCleanup cleanup;

    DynamoDbPhotoRepository(DynamoDbEnhancedClient enhanced, DynamoDbClient client, String tableName,
            AlbumGuards guards, String albumsTable) {
        this.enhanced = enhanced;
        this.photos = enhanced.table(tableName, Schemas.PHOTO);
        this.client = client;
        this.tableName = tableName;
        this.guards = guards;
        this.albums = enhanced.table(albumsTable, Schemas.ALBUM);
        this.claimWrites = new PhotoClaimWrites(enhanced, photos, tableName, albums);
        this.cleanup = new ClaimCleanup(enhanced, client, photos);
    }

    @Override
    public Photo create(Photo photo, PhotoClaims claims) {
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(claims, "claims");
        Photo stored = photo.toBuilder().version(1).build();
        if (claims.uniqueContent() || claims.idHeldUntil().isPresent()) {
            Errors.run("creating a photo", () -> claimWrites.create(stored, claims,
                    holder -> read(stored.ownerId(), holder).isPresent()));
            return stored;
        }
        TransactWriteItemsRequest request = TransactWriteItemsRequest.builder().transactItems(
                put(stored, "attribute_not_exists(id)", Map.of()),
                guards.isOpen(stored.ownerId(), stored.albumId())).build();
        return Errors.call("creating a photo", () -> {
            List<CancellationReason> reasons = Transactions.tryWrite(client, request, "creating a photo");
            if (Transactions.failed(reasons, 1)) {
                throw new NotFoundException("album", stored.albumId());
            }
            if (Transactions.failed(reasons, 0)) {
                throw new ConflictException("photo " + photo.id() + " already exists");
            }
            return stored;
        });
    }

    private TransactWriteItem put(Photo photo, String condition, Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(tableName)
                .item(Schemas.PHOTO.itemToMap(Mappers.toItem(photo), true))
                .conditionExpression(condition);
        if (condition.contains("#version")) {
            put.expressionAttributeNames(Map.of("#version", "version"));
        }
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    @Override
    public Optional<Photo> find(UserId owner, PhotoId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        return Errors.call("reading a photo", () -> read(owner, id)).map(Mappers::toPhoto);
    }

    @Override
    public Optional<Photo> findBySha256(UserId owner, String sha256) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(sha256, "sha256");
        return Errors.call("finding a photo by SHA-256", () -> {
            // The index is eventually consistent and keys-only: confirm each hit with a consistent read.
            Page<PhotoItem> hits = photos.index(Schemas.PHOTOS_BY_SHA256).query(r -> r
                    .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(Mappers.shaKey(owner, sha256))))
                    .limit(10)).iterator().next();
            for (PhotoItem hit : hits.items()) {
                Optional<PhotoItem> item = read(owner, PhotoId.parse(hit.id)).filter(p -> sha256.equals(p.sha256));
                if (item.isPresent()) {
                    return item.map(Mappers::toPhoto);
                }
            }
            return Optional.<Photo>empty();
        });
    }

    @Override
    public Photo update(Photo photo) {
        Objects.requireNonNull(photo, "photo");
        Photo next = photo.toBuilder().version(photo.version() + 1).build();
        return Errors.call("updating a photo", () -> {
            // The common case in one request, without reading first: the photo stays in its album.
            try {
                photos.putItem(r -> r.item(Mappers.toItem(next)).conditionExpression(sameVersionIn(photo)));
                return next;
            } catch (ConditionalCheckFailedException e) {
                // absent, changed meanwhile, or a move: the stored item tells
            }
            Optional<PhotoItem> stored = read(photo.ownerId(), photo.id());
            if (stored.isEmpty()) {
                throw new NotFoundException("photo", photo.id());
            }
            AlbumId from = AlbumId.parse(stored.get().albumId);
            if (from.equals(photo.albumId()) || !Objects.equals(stored.get().version, photo.version())) {
                throw new ConcurrentModificationException("photo", photo.id(), photo.version());
            }
            return move(photo, from, next);
        });
    }

    /** The photo is stored at this version in the album it names (a photo that would move fails it). */
    private static Expression sameVersionIn(Photo photo) {
        return Expression.builder()
                .expression("attribute_exists(id) AND #version = :version AND albumKey = :albumKey")
                .putExpressionName("#version", "version")
                .putExpressionValue(":version", AttributeValue.fromN(Long.toString(photo.version())))
                .putExpressionValue(":albumKey", AttributeValue.fromS(Mappers.albumKey(photo.ownerId(), photo.albumId())))
                .build();
    }

    /**
     * One transaction: the photo at its version in its album, the target open, and the album left not
     * being deleted, its cover taken off if it names the photo. Retried when that cover changed meanwhile.
     */
    private Photo move(Photo photo, AlbumId from, Photo next) {
        UserId owner = photo.ownerId();
        for (int attempt = 1; ; attempt++) {
            Optional<AlbumItem> source = readAlbum(owner, from);
            boolean covered = source.map(a -> photo.id().toString().equals(a.cover)).orElse(false);
            TransactWriteItemsRequest request = TransactWriteItemsRequest.builder().transactItems(
                    put(next, "attribute_exists(id) AND #version = :version AND albumKey = :from", Map.of(
                            ":version", AttributeValue.fromN(Long.toString(photo.version())),
                            ":from", AttributeValue.fromS(Mappers.albumKey(owner, from)))),
                    guards.isOpen(owner, photo.albumId()),
                    covered ? guards.uncover(owner, from, photo.id(), false)
                            : guards.keepsItsCoverOff(owner, from, photo.id())).build();
            List<CancellationReason> reasons = Transactions.tryWrite(client, request, "moving a photo");
            if (reasons.isEmpty()) {
                return next;
            }
            if (Transactions.failed(reasons, 0)) {
                throw whyNotWritten(photo);
            }
            if (Transactions.failed(reasons, 1)) {
                throw new NotFoundException("album", photo.albumId());
            }
            if (readAlbum(owner, from).map(a -> Boolean.TRUE.equals(a.deleting)).orElse(false)) {
                throw new NotFoundException("photo", photo.id());
            }
            if (attempt == RETRIES) {
                throw new ConcurrentModificationException("the cover of album " + from + " kept changing while moving "
                        + "photo " + photo.id());
            }
        }
    }

    private RuntimeException whyNotWritten(Photo photo) {
        if (read(photo.ownerId(), photo.id()).isEmpty()) {
            return new NotFoundException("photo", photo.id());
        }
        return new ConcurrentModificationException("photo", photo.id(), photo.version());
    }

    @Override
    public Slice<Photo> listByAlbum(UserId owner, AlbumId album, int limit, Optional<String> after) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(album, "album");
        return Errors.call("listing an album's photos", () -> inAlbum(owner, album, Optional.empty())
                .page(limit, after, Mappers::toPhoto, photo -> true));
    }

    @Override
    public Slice<Photo> search(UserId owner, PhotoQuery query, int limit, Optional<String> after) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(query, "query");
        Optional<Expression> filter = Filters.of(query);
        Pages<PhotoItem> pages = query.albumId().isPresent()
                ? inAlbum(owner, query.albumId().get(), filter)
                : new Pages<>(photos, Optional.empty(), "owner", owner.toString(), TABLE_KEY, filter);
        return Errors.call("searching photos", () -> pages.page(limit, after, Mappers::toPhoto, query::matches));
    }

    @Override
    public void delete(UserId owner, PhotoId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        Errors.run("deleting a photo", () -> {
            for (int attempt = 1; ; attempt++) {
                Optional<PhotoItem> stored = read(owner, id);
                if (stored.isEmpty()) {
                    return;
                }
                AlbumId album = AlbumId.parse(stored.get().albumId);
                boolean covered = readAlbum(owner, album).map(a -> id.toString().equals(a.cover)).orElse(false);
                TransactWriteItemsRequest request = TransactWriteItemsRequest.builder().transactItems(
                        TransactWriteItem.builder().delete(Delete.builder().tableName(tableName)
                                .key(Map.of("owner", AttributeValue.fromS(owner.toString()),
                                        "id", AttributeValue.fromS(id.toString())))
                                .conditionExpression("albumKey = :album")
                                .expressionAttributeValues(Map.of(":album",
                                        AttributeValue.fromS(Mappers.albumKey(owner, album))))
                                .build()).build(),
                        covered ? guards.uncover(owner, album, id, true) : coverIsNot(owner, album, id)).build();
                // A failed condition means the photo moved or the cover changed since we read them: read again.
                if (Transactions.tryWrite(client, request, "deleting a photo").isEmpty()) {
                    if (stored.get().sha256 != null) {
                        // After the record, so a crash in between leaves a stale claim, which the next claimer clears.
                        claimWrites.release(owner, stored.get().sha256, id);
                    }
                    return;
                }
                if (attempt == RETRIES) {
                    throw new ConcurrentModificationException("photo " + id + " or its album's cover kept changing "
                            + "while deleting it");
                }
            }
        });
    }

    /** The album's cover does not name the photo, whether or not the album is being deleted. */
    private TransactWriteItem coverIsNot(UserId owner, AlbumId album, PhotoId photo) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName(albums.tableName()).key(AlbumGuards.albumKey(owner, album))
                .conditionExpression("attribute_not_exists(cover) OR cover <> :photo")
                .expressionAttributeValues(Map.of(":photo", AttributeValue.fromS(photo.toString())))
                .build()).build();
    }

    private Optional<AlbumItem> readAlbum(UserId owner, AlbumId album) {
        return Optional.ofNullable(albums.getItem(r -> r.key(Key.builder().partitionValue(owner.toString())
                .sortValue(album.toString()).build()).consistentRead(true)));
    }

    @Override
    public void deleteAll(UserId owner, Collection<PhotoId> ids) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(ids, "ids");
        // BatchWriteItem refuses a batch that names one key twice.
        List<Key> keys = new ArrayList<>();
        new LinkedHashSet<>(ids).forEach(id -> keys.add(key(owner, id)));
        Errors.run("deleting photos", () -> {
            Map<PhotoId, Key> contentClaims = cleanup.contentClaimsOf(owner, keys);
            Batches.deleteAll(enhanced, photos, keys);
            cleanup.release(contentClaims);
        });
    }

    @Override
    public int removeExpiredHolds(UserId owner, Instant before) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(before, "before");
        return Errors.call("removing expired id holds", () -> cleanup.removeExpiredHolds(owner, before));
    }

    private Pages<PhotoItem> inAlbum(UserId owner, AlbumId album, Optional<Expression> filter) {
        return new Pages<>(photos, Optional.of(Schemas.PHOTOS_BY_ALBUM), "albumKey", Mappers.albumKey(owner, album),
                ALBUM_INDEX_KEY, filter);
    }

    private Optional<PhotoItem> read(UserId owner, PhotoId id) {
        return Optional.ofNullable(photos.getItem(r -> r.key(key(owner, id)).consistentRead(true)));
    }

    private static Key key(UserId owner, PhotoId id) {
        return Key.builder().partitionValue(owner.toString()).sortValue(id.toString()).build();
    }

    /**
     * The server-side part of a search: a filter that never drops a photo {@link PhotoQuery#matches}
     * keeps, so that less comes back over the wire. The album criterion is the index partition instead.
     */
    static final class Filters {

        private Filters() {
        }

        static Optional<Expression> of(PhotoQuery query) {
            List<String> terms = new ArrayList<>();
            Expression.Builder expression = Expression.builder();
            query.text().map(TextMatch::fold).filter(text -> !text.isEmpty()).ifPresent(text -> {
                terms.add("(contains(#titleLc, :text) OR contains(#descriptionLc, :text))");
                expression.putExpressionName("#titleLc", "titleLc")
                        .putExpressionName("#descriptionLc", "descriptionLc")
                        .putExpressionValue(":text", AttributeValue.fromS(text));
            });
            int n = 0;
            for (String tag : query.tags()) {
                terms.add("contains(#tagValues, :tag" + n + ")");
                expression.putExpressionName("#tagValues", "tagValues")
                        .putExpressionValue(":tag" + n, AttributeValue.fromS(tag));
                n++;
            }
            if (query.takenFrom().isPresent() || query.takenTo().isPresent()) {
                expression.putExpressionName("#takenLocal", "takenLocal");
                terms.add("attribute_exists(#takenLocal)");
            }
            query.takenFrom().ifPresent(from -> {
                terms.add("#takenLocal >= :from");
                expression.putExpressionValue(":from", AttributeValue.fromS(Mappers.LOCAL_TIME.format(from)));
            });
            query.takenTo().ifPresent(to -> {
                terms.add("#takenLocal < :to");
                expression.putExpressionValue(":to", AttributeValue.fromS(Mappers.LOCAL_TIME.format(to)));
            });
            query.box().ifPresent(box -> box(box, terms, expression));
            if (terms.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(expression.expression(String.join(" AND ", terms)).build());
        }

        private static void box(GeoBox box, List<String> terms, Expression.Builder expression) {
            terms.add("#latitude BETWEEN :south AND :north AND #longitude BETWEEN :west AND :east");
            expression.putExpressionName("#latitude", "latitude")
                    .putExpressionName("#longitude", "longitude")
                    .putExpressionValue(":south", number(box.south()))
                    .putExpressionValue(":north", number(box.north()))
                    .putExpressionValue(":west", number(box.west()))
                    .putExpressionValue(":east", number(box.east()));
        }

        private static AttributeValue number(double value) {
            return AttributeValue.fromN(Double.toString(value));
        }
    }
}
