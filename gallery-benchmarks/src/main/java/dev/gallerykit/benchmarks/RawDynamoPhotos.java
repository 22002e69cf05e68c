package dev.gallerykit.benchmarks;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.ImageMetadata;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.PhotoStatus;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.TextMatch;
import dev.gallerykit.domain.UserId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteResult;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A hand-written DynamoDB Enhanced Client on gallery-dynamodb's tables: a static table schema of its own with
 * the adapter's attribute and index names, the same consistent reads, and the same conditions where they buy
 * a guarantee (a new photo's id is not taken and its album exists and is not being deleted, checked in one
 * transaction; a write conditional on the version). Results are its own items.
 */
final class RawDynamoPhotos implements RawPhotos {

    /** The photo item, as the adapter stores it. Fields only: the schema below reads and writes them. */
    static final class Item {
        String owner;
        String id;
        String albumId;
        String uploader;
        String processing;
        Integer attempts;
        String failure;
        String albumKey;
        String shaKey;
        String title;
        String titleLc;
        String description;
        String descriptionLc;
        List<TagItem> tags;
        Set<String> tagValues;
        String originalFileName;
        String contentType;
        Long size;
        String sha256;
        Integer width;
        Integer height;
        Integer orientation;
        String takenLocal;
        String takenOffset;
        String cameraMake;
        String cameraModel;
        String lens;
        Double focalLength;
        Double aperture;
        Double exposureTime;
        Integer iso;
        Double latitude;
        Double longitude;
        Double altitude;
        List<DerivativeItem> derivatives;
        Instant createdAt;
        Instant updatedAt;
        Long version;
    }

    static final class TagItem {
        String value;
        String source;
        Double confidence;
    }

    static final class DerivativeItem {
        String name;
        String blobKey;
        String contentType;
        Long size;
        Integer width;
        Integer height;
    }

    /** The key of an album item, all a condition check needs. */
    static final class AlbumKey {
        String owner;
        String id;
    }

    private static final String BY_ALBUM = "byAlbum";
    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS", Locale.ROOT);

    private static final TableSchema<TagItem> TAG = StaticTableSchema.builder(TagItem.class)
            .newItemSupplier(TagItem::new)
            .addAttribute(String.class, a -> a.name("value").getter(i -> i.value).setter((i, v) -> i.value = v))
            .addAttribute(String.class, a -> a.name("source").getter(i -> i.source).setter((i, v) -> i.source = v))
            .addAttribute(Double.class, a -> a.name("confidence").getter(i -> i.confidence).setter((i, v) -> i.confidence = v))
            .build();

    private static final TableSchema<DerivativeItem> DERIVATIVE = StaticTableSchema.builder(DerivativeItem.class)
            .newItemSupplier(DerivativeItem::new)
            .addAttribute(String.class, a -> a.name("name").getter(i -> i.name).setter((i, v) -> i.name = v))
            .addAttribute(String.class, a -> a.name("blobKey").getter(i -> i.blobKey).setter((i, v) -> i.blobKey = v))
            .addAttribute(String.class, a -> a.name("contentType").getter(i -> i.contentType).setter((i, v) -> i.contentType = v))
            .addAttribute(Long.class, a -> a.name("size").getter(i -> i.size).setter((i, v) -> i.size = v))
            .addAttribute(Integer.class, a -> a.name("width").getter(i -> i.width).setter((i, v) -> i.width = v))
            .addAttribute(Integer.class, a -> a.name("height").getter(i -> i.height).setter((i, v) -> i.height = v))
            .build();

    static final TableSchema<Item> PHOTO = StaticTableSchema.builder(Item.class)
            .newItemSupplier(Item::new)
            .addAttribute(String.class, a -> a.name("owner").getter(i -> i.owner).setter((i, v) -> i.owner = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v)
                    .tags(primarySortKey(), secondarySortKey(BY_ALBUM)))
            .addAttribute(String.class, a -> a.name("albumId").getter(i -> i.albumId).setter((i, v) -> i.albumId = v))
            .addAttribute(String.class, a -> a.name("uploader").getter(i -> i.uploader).setter((i, v) -> i.uploader = v))
            .addAttribute(String.class, a -> a.name("processing").getter(i -> i.processing).setter((i, v) -> i.processing = v))
            .addAttribute(Integer.class, a -> a.name("attempts").getter(i -> i.attempts).setter((i, v) -> i.attempts = v))
            .addAttribute(String.class, a -> a.name("failure").getter(i -> i.failure).setter((i, v) -> i.failure = v))
            .addAttribute(String.class, a -> a.name("albumKey").getter(i -> i.albumKey).setter((i, v) -> i.albumKey = v)
                    .tags(secondaryPartitionKey(BY_ALBUM)))
            .addAttribute(String.class, a -> a.name("shaKey").getter(i -> i.shaKey).setter((i, v) -> i.shaKey = v))
            .addAttribute(String.class, a -> a.name("title").getter(i -> i.title).setter((i, v) -> i.title = v))
            .addAttribute(String.class, a -> a.name("titleLc").getter(i -> i.titleLc).setter((i, v) -> i.titleLc = v))
            .addAttribute(String.class, a -> a.name("description").getter(i -> i.description).setter((i, v) -> i.description = v))
            .addAttribute(String.class, a -> a.name("descriptionLc").getter(i -> i.descriptionLc)
                    .setter((i, v) -> i.descriptionLc = v))
            .addAttribute(EnhancedType.listOf(EnhancedType.documentOf(TagItem.class, TAG, d -> d.ignoreNulls(true))),
                    a -> a.name("tags").getter(i -> i.tags).setter((i, v) -> i.tags = v))
            .addAttribute(EnhancedType.setOf(String.class), a -> a.name("tagValues").getter(i -> i.tagValues)
                    .setter((i, v) -> i.tagValues = v))
            .addAttribute(String.class, a -> a.name("originalFileName").getter(i -> i.originalFileName)
                    .setter((i, v) -> i.originalFileName = v))
            .addAttribute(String.class, a -> a.name("contentType").getter(i -> i.contentType).setter((i, v) -> i.contentType = v))
            .addAttribute(Long.class, a -> a.name("size").getter(i -> i.size).setter((i, v) -> i.size = v))
            .addAttribute(String.class, a -> a.name("sha256").getter(i -> i.sha256).setter((i, v) -> i.sha256 = v))
            .addAttribute(Integer.class, a -> a.name("width").getter(i -> i.width).setter((i, v) -> i.width = v))
            .addAttribute(Integer.class, a -> a.name("height").getter(i -> i.height).setter((i, v) -> i.height = v))
            .addAttribute(Integer.class, a -> a.name("orientation").getter(i -> i.orientation).setter((i, v) -> i.orientation = v))
            .addAttribute(String.class, a -> a.name("takenLocal").getter(i -> i.takenLocal).setter((i, v) -> i.takenLocal = v))
            .addAttribute(String.class, a -> a.name("takenOffset").getter(i -> i.takenOffset).setter((i, v) -> i.takenOffset = v))
            .addAttribute(String.class, a -> a.name("cameraMake").getter(i -> i.cameraMake).setter((i, v) -> i.cameraMake = v))
            .addAttribute(String.class, a -> a.name("cameraModel").getter(i -> i.cameraModel).setter((i, v) -> i.cameraModel = v))
            .addAttribute(String.class, a -> a.name("lens").getter(i -> i.lens).setter((i, v) -> i.lens = v))
            .addAttribute(Double.class, a -> a.name("focalLength").getter(i -> i.focalLength).setter((i, v) -> i.focalLength = v))
            .addAttribute(Double.class, a -> a.name("aperture").getter(i -> i.aperture).setter((i, v) -> i.aperture = v))
            .addAttribute(Double.class, a -> a.name("exposureTime").getter(i -> i.exposureTime)
                    .setter((i, v) -> i.exposureTime = v))
            .addAttribute(Integer.class, a -> a.name("iso").getter(i -> i.iso).setter((i, v) -> i.iso = v))
            .addAttribute(Double.class, a -> a.name("latitude").getter(i -> i.latitude).setter((i, v) -> i.latitude = v))
            .addAttribute(Double.class, a -> a.name("longitude").getter(i -> i.longitude).setter((i, v) -> i.longitude = v))
            .addAttribute(Double.class, a -> a.name("altitude").getter(i -> i.altitude).setter((i, v) -> i.altitude = v))
            .addAttribute(EnhancedType.listOf(EnhancedType.documentOf(DerivativeItem.class, DERIVATIVE,
                            d -> d.ignoreNulls(true))),
                    a -> a.name("derivatives").getter(i -> i.derivatives).setter((i, v) -> i.derivatives = v))
            .addAttribute(Instant.class, a -> a.name("createdAt").getter(i -> i.createdAt).setter((i, v) -> i.createdAt = v))
            .addAttribute(Instant.class, a -> a.name("updatedAt").getter(i -> i.updatedAt).setter((i, v) -> i.updatedAt = v))
            .addAttribute(Long.class, a -> a.name("version").getter(i -> i.version).setter((i, v) -> i.version = v))
            .build();

    private static final TableSchema<AlbumKey> ALBUM = StaticTableSchema.builder(AlbumKey.class)
            .newItemSupplier(AlbumKey::new)
            .addAttribute(String.class, a -> a.name("owner").getter(i -> i.owner).setter((i, v) -> i.owner = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v)
                    .tags(primarySortKey()))
            .build();

    private static final Expression ID_IS_FREE = Expression.builder().expression("attribute_not_exists(id)").build();
    private static final Expression ALBUM_IS_OPEN = Expression.builder()
            .expression("attribute_exists(id) AND attribute_not_exists(deleting)").build();

    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbTable<Item> photos;
    private final DynamoDbTable<AlbumKey> albums;
    /** The items this has read, as a hand-writer holds the item it changes. */
    private final Map<String, Item> held = new HashMap<>();

    RawDynamoPhotos(DynamoDbEnhancedClient enhanced, String photosTable, String albumsTable) {
        this.enhanced = enhanced;
        this.photos = enhanced.table(photosTable, PHOTO);
        this.albums = enhanced.table(albumsTable, ALBUM);
    }

    @Override
    public void seed(List<Photo> all) {
        for (int from = 0; from < all.size(); from += 25) {
            List<Item> pending = all.subList(from, Math.min(all.size(), from + 25)).stream().map(RawDynamoPhotos::item)
                    .toList();
            while (!pending.isEmpty()) {
                WriteBatch.Builder<Item> batch = WriteBatch.builder(Item.class).mappedTableResource(photos);
                pending.forEach(batch::addPutItem);
                BatchWriteResult result = enhanced.batchWriteItem(BatchWriteItemEnhancedRequest.builder()
                        .writeBatches(batch.build()).build());
                pending = result.unprocessedPutItemsForTable(photos);
            }
        }
    }

    @Override
    public Item get(UserId owner, PhotoId id) {
        Item item = photos.getItem(r -> r.key(key(owner.toString(), id.toString())).consistentRead(true));
        if (item != null) {
            held.put(item.id, item);
        }
        return item;
    }

    @Override
    public void save(Photo photo) {
        Item item = item(photo);
        enhanced.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(photos, TransactPutItemEnhancedRequest.builder(Item.class).item(item)
                        .conditionExpression(ID_IS_FREE).build())
                .addConditionCheck(albums, ConditionCheck.builder()
                        .key(key(item.owner, photo.albumId().toString()))
                        .conditionExpression(ALBUM_IS_OPEN).build())
                .build());
    }

    /** The whole item put back with its new tags, conditional on its version (it was read before, by {@link #get}). */
    @Override
    public long updateTags(UserId owner, PhotoId id, long version, List<Tag> tags, Instant at) {
        Item item = held.containsKey(id.toString()) ? held.get(id.toString()) : get(owner, id);
        item.tags = tags.stream().map(RawDynamoPhotos::tag).toList();
        item.tagValues = tagValues(tags);
        item.updatedAt = at;
        item.version = version + 1;
        try {
            photos.putItem(r -> r.item(item).conditionExpression(Expression.builder()
                    .expression("#version = :version")
                    .putExpressionName("#version", "version")
                    .putExpressionValue(":version", AttributeValue.fromN(Long.toString(version)))
                    .build()));
        } catch (ConditionalCheckFailedException e) {
            held.remove(id.toString());
            throw new IllegalStateException("photo " + id + " is not at version " + version, e);
        }
        return version + 1;
    }

    /** The position is the last evaluated key of the page before, the Enhanced Client's own cursor. */
    @Override
    @SuppressWarnings("unchecked")
    public Page pageAfter(UserId owner, AlbumId album, int limit, Object position) {
        var page = photos.index(BY_ALBUM).query(r -> r
                        .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(owner + "#" + album)))
                        .scanIndexForward(false)
                        .exclusiveStartKey((Map<String, AttributeValue>) position)
                        .limit(limit + 1))
                .iterator().next();
        if (page.items().size() <= limit) {
            return new Page(page.items(), null);
        }
        List<Item> items = page.items().subList(0, limit);
        Item last = items.get(limit - 1);
        return new Page(items, startKey(last.owner, last.id, last.albumKey));
    }

    /** The album index's key of the last item: what DynamoDB itself would return as the last evaluated key. */
    @Override
    public Object positionAfter(UserId owner, AlbumId album, PhotoId last) {
        return startKey(owner.toString(), last.toString(), owner + "#" + album);
    }

    private static Map<String, AttributeValue> startKey(String owner, String id, String albumKey) {
        return Map.of("owner", AttributeValue.fromS(owner), "id", AttributeValue.fromS(id),
                "albumKey", AttributeValue.fromS(albumKey));
    }

    @Override
    public PhotoId idOf(Object item) {
        return new PhotoId(UUID.fromString(((Item) item).id));
    }

    private static Key key(String partition, String sort) {
        return Key.builder().partitionValue(partition).sortValue(sort).build();
    }

    private static Item item(Photo photo) {
        Item item = new Item();
        item.owner = photo.ownerId().toString();
        item.id = photo.id().toString();
        item.albumId = photo.albumId().toString();
        item.uploader = photo.uploaderId().toString();
        if (photo.processing().status() != PhotoStatus.READY) {
            item.processing = photo.processing().status().name();
        }
        item.attempts = photo.processing().attempts() == 0 ? null : photo.processing().attempts();
        item.failure = photo.processing().reason().orElse(null);
        item.albumKey = photo.ownerId() + "#" + photo.albumId();
        item.shaKey = photo.ownerId() + "#" + photo.sha256();
        item.title = photo.title();
        item.titleLc = TextMatch.fold(photo.title());
        item.description = photo.description();
        item.descriptionLc = TextMatch.fold(photo.description());
        item.tags = photo.tags().stream().map(RawDynamoPhotos::tag).toList();
        item.tagValues = tagValues(photo.tags());
        item.originalFileName = photo.originalFileName();
        item.contentType = photo.contentType();
        item.size = photo.size();
        item.sha256 = photo.sha256();
        ImageMetadata m = photo.metadata();
        m.dimensions().ifPresent(d -> {
            item.width = d.width();
            item.height = d.height();
        });
        item.orientation = m.orientation();
        m.takenAt().ifPresent(taken -> {
            item.takenLocal = LOCAL_TIME.format(taken.local());
            item.takenOffset = taken.offset().map(ZoneOffset::getId).orElse(null);
        });
        item.cameraMake = m.cameraMake().orElse(null);
        item.cameraModel = m.cameraModel().orElse(null);
        item.lens = m.lens().orElse(null);
        item.focalLength = m.focalLength().orElse(null);
        item.aperture = m.aperture().orElse(null);
        item.exposureTime = m.exposureTime().orElse(null);
        item.iso = m.iso().orElse(null);
        m.location().ifPresent(l -> {
            item.latitude = l.latitude();
            item.longitude = l.longitude();
            item.altitude = l.altitude().orElse(null);
        });
        List<DerivativeItem> derivatives = new ArrayList<>(photo.derivatives().size());
        for (Derivative d : photo.derivatives()) {
            DerivativeItem derivative = new DerivativeItem();
            derivative.name = d.name();
            derivative.blobKey = d.blobKey();
            derivative.contentType = d.contentType();
            derivative.size = d.size();
            d.dimensions().ifPresent(size -> {
                derivative.width = size.width();
                derivative.height = size.height();
            });
            derivatives.add(derivative);
        }
        item.derivatives = derivatives;
        item.createdAt = photo.createdAt();
        item.updatedAt = photo.updatedAt();
        item.version = photo.version();
        return item;
    }

    private static TagItem tag(Tag tag) {
        TagItem item = new TagItem();
        item.value = tag.value();
        item.source = tag.source().name();
        item.confidence = tag.confidence().orElse(null);
        return item;
    }

    private static Set<String> tagValues(List<Tag> tags) {
        Set<String> values = new LinkedHashSet<>();
        tags.forEach(tag -> values.add(tag.value()));
        return values.isEmpty() ? null : values;
    }
}
