package dev.gallerykit.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import dev.gallerykit.dynamodb.Items.AlbumItem;
import dev.gallerykit.dynamodb.Items.ClaimItem;
import dev.gallerykit.dynamodb.Items.DerivativeItem;
import dev.gallerykit.dynamodb.Items.EmailItem;
import dev.gallerykit.dynamodb.Items.PhotoItem;
import dev.gallerykit.dynamodb.Items.SessionItem;
import dev.gallerykit.dynamodb.Items.TagItem;
import dev.gallerykit.dynamodb.Items.UserItem;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * Static table schemas: no reflection, no annotations, and items that can stay package-private.
 * Attribute and index names here are the ones {@link TableDefinitions} creates and the README documents.
 */
final class Schemas {

    static final String PHOTOS_BY_ALBUM = "byAlbum";
    static final String PHOTOS_BY_SHA256 = "bySha256";
    static final String SESSIONS_BY_USER = "byUser";
    static final String SESSIONS_BY_FAMILY = "byFamily";

    private Schemas() {
    }

    static final TableSchema<UserItem> USER = StaticTableSchema.builder(UserItem.class)
            .newItemSupplier(UserItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(i -> i.pk).setter((i, v) -> i.pk = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v))
            .addAttribute(String.class, a -> a.name("email").getter(i -> i.email).setter((i, v) -> i.email = v))
            .addAttribute(String.class, a -> a.name("emailKey").getter(i -> i.emailKey).setter((i, v) -> i.emailKey = v))
            .addAttribute(String.class, a -> a.name("displayName").getter(i -> i.displayName)
                    .setter((i, v) -> i.displayName = v))
            .addAttribute(String.class, a -> a.name("passwordHash").getter(i -> i.passwordHash)
                    .setter((i, v) -> i.passwordHash = v))
            .addAttribute(String.class, a -> a.name("status").getter(i -> i.status).setter((i, v) -> i.status = v))
            .addAttribute(Integer.class, a -> a.name("failedSignIns").getter(i -> i.failedSignIns)
                    .setter((i, v) -> i.failedSignIns = v))
            .addAttribute(Instant.class, a -> a.name("lockedUntil").getter(i -> i.lockedUntil)
                    .setter((i, v) -> i.lockedUntil = v))
            .addAttribute(Instant.class, a -> a.name("createdAt").getter(i -> i.createdAt).setter((i, v) -> i.createdAt = v))
            .addAttribute(Instant.class, a -> a.name("updatedAt").getter(i -> i.updatedAt).setter((i, v) -> i.updatedAt = v))
            .addAttribute(Instant.class, a -> a.name("confirmedAt").getter(i -> i.confirmedAt)
                    .setter((i, v) -> i.confirmedAt = v))
            .addAttribute(Long.class, a -> a.name("version").getter(i -> i.version).setter((i, v) -> i.version = v))
            .build();

    static final TableSchema<EmailItem> EMAIL = StaticTableSchema.builder(EmailItem.class)
            .newItemSupplier(EmailItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(i -> i.pk).setter((i, v) -> i.pk = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("userId").getter(i -> i.userId).setter((i, v) -> i.userId = v))
            .build();

    static final TableSchema<AlbumItem> ALBUM = StaticTableSchema.builder(AlbumItem.class)
            .newItemSupplier(AlbumItem::new)
            .addAttribute(String.class, a -> a.name("owner").getter(i -> i.owner).setter((i, v) -> i.owner = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v)
                    .tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name("name").getter(i -> i.name).setter((i, v) -> i.name = v))
            .addAttribute(String.class, a -> a.name("nameLc").getter(i -> i.nameLc).setter((i, v) -> i.nameLc = v))
            .addAttribute(String.class, a -> a.name("description").getter(i -> i.description)
                    .setter((i, v) -> i.description = v))
            .addAttribute(String.class, a -> a.name("descriptionLc").getter(i -> i.descriptionLc)
                    .setter((i, v) -> i.descriptionLc = v))
            .addAttribute(String.class, a -> a.name("cover").getter(i -> i.cover).setter((i, v) -> i.cover = v))
            .addAttribute(Instant.class, a -> a.name("createdAt").getter(i -> i.createdAt).setter((i, v) -> i.createdAt = v))
            .addAttribute(Instant.class, a -> a.name("updatedAt").getter(i -> i.updatedAt).setter((i, v) -> i.updatedAt = v))
            .addAttribute(Long.class, a -> a.name("version").getter(i -> i.version).setter((i, v) -> i.version = v))
            .addAttribute(Boolean.class, a -> a.name("deleting").getter(i -> i.deleting).setter((i, v) -> i.deleting = v))
            .build();

    private static final TableSchema<TagItem> TAG = StaticTableSchema.builder(TagItem.class)
            .newItemSupplier(TagItem::new)
            .addAttribute(String.class, a -> a.name("value").getter(i -> i.value).setter((i, v) -> i.value = v))
            .addAttribute(String.class, a -> a.name("source").getter(i -> i.source).setter((i, v) -> i.source = v))
            .addAttribute(Double.class, a -> a.name("confidence").getter(i -> i.confidence)
                    .setter((i, v) -> i.confidence = v))
            .build();

    private static final TableSchema<DerivativeItem> DERIVATIVE = StaticTableSchema.builder(DerivativeItem.class)
            .newItemSupplier(DerivativeItem::new)
            .addAttribute(String.class, a -> a.name("name").getter(i -> i.name).setter((i, v) -> i.name = v))
            .addAttribute(String.class, a -> a.name("blobKey").getter(i -> i.blobKey).setter((i, v) -> i.blobKey = v))
            .addAttribute(String.class, a -> a.name("contentType").getter(i -> i.contentType)
                    .setter((i, v) -> i.contentType = v))
            .addAttribute(Long.class, a -> a.name("size").getter(i -> i.size).setter((i, v) -> i.size = v))
            .addAttribute(Integer.class, a -> a.name("width").getter(i -> i.width).setter((i, v) -> i.width = v))
            .addAttribute(Integer.class, a -> a.name("height").getter(i -> i.height).setter((i, v) -> i.height = v))
            .build();

    private static final EnhancedType<List<TagItem>> TAGS = EnhancedType.listOf(
            EnhancedType.documentOf(TagItem.class, TAG, d -> d.ignoreNulls(true)));
    private static final EnhancedType<List<DerivativeItem>> DERIVATIVES = EnhancedType.listOf(
            EnhancedType.documentOf(DerivativeItem.class, DERIVATIVE, d -> d.ignoreNulls(true)));

    static final TableSchema<ClaimItem> CLAIM = StaticTableSchema.builder(ClaimItem.class)
            .newItemSupplier(ClaimItem::new)
            .addAttribute(String.class, a -> a.name("owner").getter(i -> i.owner).setter((i, v) -> i.owner = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v)
                    .tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name("photoId").getter(i -> i.photoId).setter((i, v) -> i.photoId = v))
            .addAttribute(Instant.class, a -> a.name("heldUntil").getter(i -> i.heldUntil)
                    .setter((i, v) -> i.heldUntil = v))
            .build();

    static final TableSchema<PhotoItem> PHOTO = StaticTableSchema.builder(PhotoItem.class)
            .newItemSupplier(PhotoItem::new)
            .addAttribute(String.class, a -> a.name("owner").getter(i -> i.owner).setter((i, v) -> i.owner = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v)
                    .tags(primarySortKey(), secondarySortKey(PHOTOS_BY_ALBUM), secondarySortKey(PHOTOS_BY_SHA256)))
            .addAttribute(String.class, a -> a.name("albumId").getter(i -> i.albumId).setter((i, v) -> i.albumId = v))
            .addAttribute(String.class, a -> a.name("uploader").getter(i -> i.uploader).setter((i, v) -> i.uploader = v))
            .addAttribute(String.class, a -> a.name("processing").getter(i -> i.processing).setter((i, v) -> i.processing = v))
            .addAttribute(Integer.class, a -> a.name("attempts").getter(i -> i.attempts).setter((i, v) -> i.attempts = v))
            .addAttribute(String.class, a -> a.name("failure").getter(i -> i.failure).setter((i, v) -> i.failure = v))
            .addAttribute(String.class, a -> a.name("albumKey").getter(i -> i.albumKey).setter((i, v) -> i.albumKey = v)
                    .tags(secondaryPartitionKey(PHOTOS_BY_ALBUM)))
            .addAttribute(String.class, a -> a.name("shaKey").getter(i -> i.shaKey).setter((i, v) -> i.shaKey = v)
                    .tags(secondaryPartitionKey(PHOTOS_BY_SHA256)))
            .addAttribute(String.class, a -> a.name("title").getter(i -> i.title).setter((i, v) -> i.title = v))
            .addAttribute(String.class, a -> a.name("titleLc").getter(i -> i.titleLc).setter((i, v) -> i.titleLc = v))
            .addAttribute(String.class, a -> a.name("description").getter(i -> i.description)
                    .setter((i, v) -> i.description = v))
            .addAttribute(String.class, a -> a.name("descriptionLc").getter(i -> i.descriptionLc)
                    .setter((i, v) -> i.descriptionLc = v))
            .addAttribute(TAGS, a -> a.name("tags").getter(i -> i.tags).setter((i, v) -> i.tags = v))
            .addAttribute(EnhancedType.setOf(String.class), a -> a.name("tagValues").getter(i -> i.tagValues)
                    .setter((i, v) -> i.tagValues = v))
            .addAttribute(String.class, a -> a.name("originalFileName").getter(i -> i.originalFileName)
                    .setter((i, v) -> i.originalFileName = v))
            .addAttribute(String.class, a -> a.name("contentType").getter(i -> i.contentType)
                    .setter((i, v) -> i.contentType = v))
            .addAttribute(Long.class, a -> a.name("size").getter(i -> i.size).setter((i, v) -> i.size = v))
            .addAttribute(String.class, a -> a.name("sha256").getter(i -> i.sha256).setter((i, v) -> i.sha256 = v))
            .addAttribute(Integer.class, a -> a.name("width").getter(i -> i.width).setter((i, v) -> i.width = v))
            .addAttribute(Integer.class, a -> a.name("height").getter(i -> i.height).setter((i, v) -> i.height = v))
            .addAttribute(Integer.class, a -> a.name("orientation").getter(i -> i.orientation)
                    .setter((i, v) -> i.orientation = v))
            .addAttribute(String.class, a -> a.name("takenLocal").getter(i -> i.takenLocal)
                    .setter((i, v) -> i.takenLocal = v))
            .addAttribute(String.class, a -> a.name("takenOffset").getter(i -> i.takenOffset)
                    .setter((i, v) -> i.takenOffset = v))
            .addAttribute(String.class, a -> a.name("cameraMake").getter(i -> i.cameraMake)
                    .setter((i, v) -> i.cameraMake = v))
            .addAttribute(String.class, a -> a.name("cameraModel").getter(i -> i.cameraModel)
                    .setter((i, v) -> i.cameraModel = v))
            .addAttribute(String.class, a -> a.name("lens").getter(i -> i.lens).setter((i, v) -> i.lens = v))
            .addAttribute(Double.class, a -> a.name("focalLength").getter(i -> i.focalLength)
                    .setter((i, v) -> i.focalLength = v))
            .addAttribute(Double.class, a -> a.name("aperture").getter(i -> i.aperture).setter((i, v) -> i.aperture = v))
            .addAttribute(Double.class, a -> a.name("exposureTime").getter(i -> i.exposureTime)
                    .setter((i, v) -> i.exposureTime = v))
            .addAttribute(Integer.class, a -> a.name("iso").getter(i -> i.iso).setter((i, v) -> i.iso = v))
            .addAttribute(Double.class, a -> a.name("latitude").getter(i -> i.latitude).setter((i, v) -> i.latitude = v))
            .addAttribute(Double.class, a -> a.name("longitude").getter(i -> i.longitude)
                    .setter((i, v) -> i.longitude = v))
            .addAttribute(Double.class, a -> a.name("altitude").getter(i -> i.altitude).setter((i, v) -> i.altitude = v))
            .addAttribute(DERIVATIVES, a -> a.name("derivatives").getter(i -> i.derivatives)
                    .setter((i, v) -> i.derivatives = v))
            .addAttribute(Instant.class, a -> a.name("createdAt").getter(i -> i.createdAt).setter((i, v) -> i.createdAt = v))
            .addAttribute(Instant.class, a -> a.name("updatedAt").getter(i -> i.updatedAt).setter((i, v) -> i.updatedAt = v))
            .addAttribute(Long.class, a -> a.name("version").getter(i -> i.version).setter((i, v) -> i.version = v))
            .build();

    static final TableSchema<SessionItem> SESSION = StaticTableSchema.builder(SessionItem.class)
            .newItemSupplier(SessionItem::new)
            .addAttribute(String.class, a -> a.name("tokenHash").getter(i -> i.tokenHash)
                    .setter((i, v) -> i.tokenHash = v).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v)
                    .tags(secondarySortKey(SESSIONS_BY_USER), secondarySortKey(SESSIONS_BY_FAMILY)))
            .addAttribute(String.class, a -> a.name("familyId").getter(i -> i.familyId).setter((i, v) -> i.familyId = v)
                    .tags(secondaryPartitionKey(SESSIONS_BY_FAMILY)))
            .addAttribute(String.class, a -> a.name("userId").getter(i -> i.userId).setter((i, v) -> i.userId = v)
                    .tags(secondaryPartitionKey(SESSIONS_BY_USER)))
            .addAttribute(Instant.class, a -> a.name("issuedAt").getter(i -> i.issuedAt).setter((i, v) -> i.issuedAt = v))
            .addAttribute(Instant.class, a -> a.name("expiresAt").getter(i -> i.expiresAt).setter((i, v) -> i.expiresAt = v))
            .addAttribute(Instant.class, a -> a.name("rotatedAt").getter(i -> i.rotatedAt).setter((i, v) -> i.rotatedAt = v))
            .addAttribute(Instant.class, a -> a.name("revokedAt").getter(i -> i.revokedAt).setter((i, v) -> i.revokedAt = v))
            .build();
}
