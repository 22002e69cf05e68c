package dev.gallerykit.dynamodb;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The actions on album and photo items that photo and cover transactions add, so that the write and
 * the state of the albums (exists, being deleted, cover) or of the cover photo it depends on are one
 * serializable {@code TransactWriteItems}. An album being deleted carries {@code deleting = true}.
 */
final class AlbumGuards {

    private static final String OPEN = "attribute_exists(id) AND attribute_not_exists(deleting)";

    private final String albumsTable;
    private final String photosTable;

    AlbumGuards(String albumsTable, String photosTable) {
        this.albumsTable = albumsTable;
        this.photosTable = photosTable;
    }

    /** The album exists and is not being deleted. */
    TransactWriteItem isOpen(UserId owner, AlbumId album) {
        return check(albumsTable, albumKey(owner, album), OPEN, Map.of());
    }

    /** The album is not being deleted and its cover does not name the photo (also true when absent). */
    TransactWriteItem keepsItsCoverOff(UserId owner, AlbumId album, PhotoId photo) {
        return check(albumsTable, albumKey(owner, album),
                "attribute_not_exists(deleting) AND (attribute_not_exists(cover) OR cover <> :photo)",
                Map.of(":photo", AttributeValue.fromS(photo.toString())));
    }

    /** Takes the photo off the album's cover, as a new version; fails unless the cover names it. */
    TransactWriteItem uncover(UserId owner, AlbumId album, PhotoId photo, boolean mayBeDeleting) {
        return TransactWriteItem.builder().update(Update.builder()
                .tableName(albumsTable)
                .key(albumKey(owner, album))
                .updateExpression("REMOVE cover SET #version = #version + :one")
                .conditionExpression(mayBeDeleting ? "cover = :photo" : "cover = :photo AND attribute_not_exists(deleting)")
                .expressionAttributeNames(Map.of("#version", "version"))
                .expressionAttributeValues(Map.of(":photo", AttributeValue.fromS(photo.toString()),
                        ":one", AttributeValue.fromN("1")))
                .build()).build();
    }

    /** The owner's photo exists and is in the album. */
    TransactWriteItem isIn(UserId owner, PhotoId photo, AlbumId album) {
        return check(photosTable, Map.of("owner", AttributeValue.fromS(owner.toString()),
                        "id", AttributeValue.fromS(photo.toString())),
                "albumKey = :albumKey", Map.of(":albumKey", AttributeValue.fromS(Mappers.albumKey(owner, album))));
    }

    static Map<String, AttributeValue> albumKey(UserId owner, AlbumId album) {
        return Map.of("owner", AttributeValue.fromS(owner.toString()), "id", AttributeValue.fromS(album.toString()));
    }

    private static TransactWriteItem check(String table, Map<String, AttributeValue> key, String condition,
            Map<String, AttributeValue> values) {
        ConditionCheck.Builder check = ConditionCheck.builder().tableName(table).key(key).conditionExpression(condition);
        if (!values.isEmpty()) {
            check.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().conditionCheck(check.build()).build();
    }
}
