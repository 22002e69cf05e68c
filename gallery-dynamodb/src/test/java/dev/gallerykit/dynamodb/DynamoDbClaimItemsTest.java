package dev.gallerykit.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.local.LocalDynamoDb;
import dev.gallerykit.spi.PhotoClaims;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.testkit.contract.Records;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the claim items in the photos table become, read straight from DynamoDB. */
@ExtendWith(LocalDynamoDb.class)
@DisplayName("DynamoDB claim items")
class DynamoDbClaimItemsTest {

    private static final PhotoClaims UNIQUE = PhotoClaims.NONE.withUniqueContent();

    private final DynamoDbRepositories dynamo = TestDynamo.repositories();
    private final PhotoRepository photos = dynamo.photos();
    private final DynamoDbClient client = dynamo.client();

    @Test
    @DisplayName("a bulk delete of 60 photos removes their content claims too, and leaves another photo's claim")
    void bulkDeleteRemovesContentClaims() {
        UserId owner = Records.anOwner();
        Album album = dynamo.albums().create(Records.anAlbum(owner));
        List<Photo> doomed = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String sha = Records.aSha256();
            doomed.add(photos.create(Records.aPhoto(owner, album.id(), p -> p.sha256(sha)), UNIQUE));
        }
        Photo kept = photos.create(Records.aPhoto(owner, album.id(), p -> p.sha256(Records.aSha256())), UNIQUE);
        // The kept photo's bytes, stored without the claim: deleting it must not free the kept one's claim.
        Photo unclaimedTwin = photos.create(Records.aPhoto(owner, album.id(), p -> p.sha256(kept.sha256())));

        List<PhotoId> ids = new ArrayList<>(doomed.stream().map(Photo::id).toList());
        ids.add(unclaimedTwin.id());
        photos.deleteAll(owner, ids);

        for (Photo photo : doomed) {
            assertThat(contentClaim(owner, photo.sha256())).as("claim of %s", photo.id()).isEmpty();
        }
        assertThat(contentClaim(owner, kept.sha256())).containsEntry("photoId", AttributeValue.fromS(kept.id().toString()));
    }

    @Test
    @DisplayName("removing expired holds deletes the hold items of the owner that ended, by a Query of its partition")
    void expiredHoldItemsAreDeleted() {
        UserId owner = Records.anOwner();
        Album album = dynamo.albums().create(Records.anAlbum(owner));
        Photo ended = photos.create(Records.aPhoto(owner, album.id()),
                PhotoClaims.NONE.withIdHeldUntil(Records.NOW.plus(Duration.ofMinutes(10))));
        Photo running = photos.create(Records.aPhoto(owner, album.id()),
                PhotoClaims.NONE.withIdHeldUntil(Records.NOW.plus(Duration.ofDays(1))));
        photos.delete(owner, ended.id());
        photos.delete(owner, running.id());

        assertThat(photos.removeExpiredHolds(owner, Records.NOW.plus(Duration.ofHours(1)))).isEqualTo(1);

        assertThat(hold(owner, ended.id())).isEmpty();
        assertThat(hold(owner, running.id())).isNotEmpty();
    }

    private Map<String, AttributeValue> contentClaim(UserId owner, String sha256) {
        return item(owner + "#sha256#" + sha256, "content");
    }

    private Map<String, AttributeValue> hold(UserId owner, PhotoId id) {
        return item(owner + "#held", id.toString());
    }

    private Map<String, AttributeValue> item(String partition, String sort) {
        return client.getItem(r -> r.tableName(dynamo.tableNames().get(2)).consistentRead(true)
                .key(Map.of("owner", AttributeValue.fromS(partition), "id", AttributeValue.fromS(sort)))).item();
    }
}
