package dev.gallerykit.dynamodb;

import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.dynamodb.Items.AlbumItem;
import dev.gallerykit.dynamodb.Items.ClaimItem;
import dev.gallerykit.dynamodb.Items.PhotoItem;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.DuplicatePhotoException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.PhotoClaims;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Creates a photo together with its {@link PhotoClaims} in one {@code TransactWriteItems}: the photo
 * item and each claim item are put with {@code attribute_not_exists}, so of racing writers (threads or
 * JVMs) exactly one gets the claim, and a claim never exists without its photo.
 *
 * <p>A content claim is released with its photo, after it ({@link ClaimCleanup} for bulk deletes);
 * where that did not happen (a crash between the two steps) the claim names a photo that is gone. Such a claim is stale: the next
 * create that meets it removes it, conditionally on its holder, and tries again.
 */
final class PhotoClaimWrites {

    private static final Expression ABSENT = Expression.builder().expression("attribute_not_exists(id)").build();
    private static final String CONTENT = "content";

    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbTable<AlbumItem> albums;
    private final DynamoDbTable<PhotoItem> photos;
    private final DynamoDbTable<ClaimItem> claims;

    PhotoClaimWrites(DynamoDbEnhancedClient enhanced, DynamoDbTable<PhotoItem> photos, String tableName,
            DynamoDbTable<AlbumItem> albums) {
        this.enhanced = enhanced;
        this.albums = albums;
        this.photos = photos;
        this.claims = enhanced.table(tableName, Schemas.CLAIM);
    }

    /**
     * Puts the photo and its claims, all or nothing.
     *
     * @throws ConflictException       when the photo's id is taken (by a photo, or held)
     * @throws DuplicatePhotoException when another photo of the owner holds the content claim
     *
     * @param exists reads a photo consistently, to tell a stale content claim from a live one
     */
    void create(Photo stored, PhotoClaims wanted, Predicate<PhotoId> exists) {
        for (int attempt = 0; ; attempt++) {
            try {
                write(stored, wanted);
                return;
            } catch (ContentTaken e) {
                ClaimItem claim = claims.getItem(r -> r.key(contentKey(stored.ownerId(), stored.sha256()))
                        .consistentRead(true));
                // No claim: released since our write, so free again.
                if (claim != null) {
                    PhotoId holder = PhotoId.parse(claim.photoId);
                    if (exists.test(holder)) {
                        throw new DuplicatePhotoException(holder);
                    }
                    release(stored.ownerId(), stored.sha256(), holder);
                }
            }
            if (attempt + 1 == Backoff.MAX_ATTEMPTS) {
                throw new ConcurrentModificationException("the claim on the content of photo " + stored.id()
                        + " kept changing");
            }
        }
    }

    /** @throws ContentTaken when the content claim, and only it, refused the transaction */
    private void write(Photo stored, PhotoClaims wanted) {
        TransactWriteItemsEnhancedRequest.Builder request = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(photos, TransactPutItemEnhancedRequest.builder(PhotoItem.class)
                        .item(Mappers.toItem(stored)).conditionExpression(ABSENT).build());
        int content = wanted.uniqueContent() ? 1 : -1;
        if (wanted.uniqueContent()) {
            request.addPutItem(claims, put(contentClaim(stored.ownerId(), stored.sha256(), stored.id())));
        }
        if (wanted.idHeldUntil().isPresent()) {
            ClaimItem hold = new ClaimItem();
            hold.owner = holdPartition(stored.ownerId());
            hold.id = stored.id().toString();
            hold.photoId = stored.id().toString();
            hold.heldUntil = wanted.idHeldUntil().get();
            request.addPutItem(claims, put(hold));
        }
        // The album must exist and not be being deleted, in the same transaction (I3).
        int album = 1 + (wanted.uniqueContent() ? 1 : 0) + (wanted.idHeldUntil().isPresent() ? 1 : 0);
        request.addConditionCheck(albums, check -> check
                .key(k -> k.partitionValue(stored.ownerId().toString()).sortValue(stored.albumId().toString()))
                .conditionExpression(Expression.builder()
                        .expression("attribute_exists(id) AND attribute_not_exists(deleting)").build()));
        Transactions.write(enhanced, request.build(), "creating a photo", reasons -> {
            if (Transactions.failed(reasons, album)) {
                throw new NotFoundException("album", stored.albumId());
            }
            boolean onlyContent = content >= 0 && Transactions.failed(reasons, content)
                    && IntStream.range(0, reasons.size()).filter(i -> i != content && i != album)
                            .noneMatch(i -> Transactions.failed(reasons, i));
            if (onlyContent) {
                throw new ContentTaken();
            }
            // The photo's id is taken: by the photo, or held after its photo was deleted.
            throw new ConflictException("photo " + stored.id() + " already exists");
        });
    }

    /** Removes the content claim on {@code sha256} if {@code holder} still holds it; idempotent. */
    void release(UserId owner, String sha256, PhotoId holder) {
        try {
            claims.deleteItem(r -> r.key(contentKey(owner, sha256)).conditionExpression(Expression.builder()
                    .expression("photoId = :holder")
                    .expressionValues(Map.of(":holder", AttributeValue.fromS(holder.toString())))
                    .build()));
        } catch (ConditionalCheckFailedException e) {
            // Gone already, or another photo holds it now: either way not ours to remove.
        }
    }

    private TransactPutItemEnhancedRequest<ClaimItem> put(ClaimItem claim) {
        return TransactPutItemEnhancedRequest.builder(ClaimItem.class).item(claim).conditionExpression(ABSENT).build();
    }

    private static ClaimItem contentClaim(UserId owner, String sha256, PhotoId holder) {
        ClaimItem claim = new ClaimItem();
        claim.owner = contentPartition(owner, sha256);
        claim.id = CONTENT;
        claim.photoId = holder.toString();
        return claim;
    }

    /** The partition of the owner's id holds, sorted by photo id. */
    static String holdPartition(UserId owner) {
        return owner + "#held";
    }

    static Key contentKey(UserId owner, String sha256) {
        return Key.builder().partitionValue(contentPartition(owner, sha256)).sortValue(CONTENT).build();
    }

    private static String contentPartition(UserId owner, String sha256) {
        return owner + "#sha256#" + sha256;
    }

    /** The content claim, and only it, refused the transaction. */
    private static final class ContentTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ContentTaken() {
            super(null, null, false, false);
        }
    }
}
