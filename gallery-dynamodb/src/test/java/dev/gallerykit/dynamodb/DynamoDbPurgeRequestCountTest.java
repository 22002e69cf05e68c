package dev.gallerykit.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.Gallery;
import dev.gallerykit.Owners.PurgeReport;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.local.LocalDynamoDb;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.testkit.contract.Records;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Purging an owner deletes the photo items with {@code BatchWriteItem}, 25 at a time, and never one
 * {@code DeleteItem} per photo: every attempt the SDK transmits is counted (retries and re-sent
 * unprocessed items too). Albums are deleted one after the other (an album's record goes only once its
 * photos are gone), so the least possible is 25 items per request within each album.
 */
@ExtendWith(LocalDynamoDb.class)
@DisplayName("Requests made to DynamoDB by a purge, counted per attempt by an SDK interceptor")
class DynamoDbPurgeRequestCountTest {

    /** Photos per page the core lists and deletes while emptying an album. */
    private static final int ROUND = 100;

    @ParameterizedTest(name = "{0} photos in two albums")
    @ValueSource(ints = {1_000, 5_000})
    @DisplayName("purging an owner: BatchWriteItem for the photos, a Query per page, no DeleteItem per photo")
    void purgeUsesBatchWrites(int photos) throws Exception {
        TestDynamo.repositories();
        AttemptCounter requests = new AttemptCounter();
        try (DynamoDbClient client = TestDynamo.client(requests)) {
            DynamoDbRepositories dynamo = TestDynamo.repositoriesWith(client);
            Gallery gallery = Gallery.builder().albums(dynamo.albums()).photos(dynamo.photos())
                    .shares(dynamo.shares()).blobs(new InMemoryBlobStore()).build();
            UserId owner = Records.anOwner();
            Album small = gallery.albums().create(owner, "Small", "");
            Album large = gallery.albums().create(owner, "Large", "");
            int inSmall = photos / 3;
            int inLarge = photos - inSmall;
            insert(dynamo, owner, small, inSmall);
            insert(dynamo, owner, large, inLarge);
            requests.reset();

            PurgeReport report = gallery.owners().purge(owner);

            System.out.printf("DynamoDB purge of %d photos: %s%n", photos, requests.byOperation());
            assertThat(report.photos()).isEqualTo(photos);
            assertThat(report.albums()).isEqualTo(2);
            assertThat(requests.count("BatchWriteItem")).as("requests %s", requests.byOperation())
                    .isLessThanOrEqualTo(batches(inSmall) + batches(inLarge));
            // The album records, one each; never a photo.
            assertThat(requests.count("DeleteItem")).as("requests %s", requests.byOperation()).isEqualTo(2);
            // Per album: a page of 100 photos per round and the empty one, the consistent check before the
            // album's record goes, its shares; the owner's albums (a page and the empty one), its memberships.
            assertThat(requests.count("Query")).as("requests %s", requests.byOperation())
                    .isLessThanOrEqualTo(pages(inSmall) + 3 + pages(inLarge) + 3 + 2 + 1);
            // Per page of photos: their SHA-256s, then the content claims those name.
            assertThat(requests.count("BatchGetItem")).as("requests %s", requests.byOperation())
                    .isLessThanOrEqualTo(2 * (pages(inSmall) + pages(inLarge)));
            assertThat(requests.byOperation().keySet())
                    .containsOnly("Query", "BatchGetItem", "BatchWriteItem", "UpdateItem", "DeleteItem");
            assertThat(requests.count("UpdateItem")).as("the albums' deleting marks").isEqualTo(2);
            assertThat(dynamo.photos().search(owner, PhotoQuery.builder().build(), 10, Optional.empty()).items())
                    .isEmpty();
        }
    }

    private static int batches(int items) {
        return (items + 24) / 25;
    }

    private static int pages(int photos) {
        return (photos + ROUND - 1) / ROUND;
    }

    /** Through the repository, eight at a time: the seeding is not what is measured. */
    private static void insert(DynamoDbRepositories dynamo, UserId owner, Album album, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> inserts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                inserts.add(pool.submit(() -> dynamo.photos().create(Records.aPhoto(owner, album.id()))));
            }
            for (Future<?> insert : inserts) {
                insert.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
