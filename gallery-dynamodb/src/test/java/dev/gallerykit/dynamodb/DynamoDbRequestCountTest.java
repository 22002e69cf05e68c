package dev.gallerykit.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.Gallery;
import dev.gallerykit.Owners.PurgeReport;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.local.LocalDynamoDb;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.spi.Slice;
import dev.gallerykit.testkit.contract.Records;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(LocalDynamoDb.class)
@DisplayName("Requests made to DynamoDB, counted by an SDK interceptor")
class DynamoDbRequestCountTest {

    private static final int PHOTOS = 1_000;

    @Test
    @DisplayName("purging an owner with 1,000 photos deletes them with BatchWriteItem, 25 at a time, never one by one")
    void purgingAThousandPhotosUsesBatchWritesOnly() throws Exception {
        TestDynamo.repositories();
        CallCounter calls = new CallCounter();
        try (DynamoDbClient client = TestDynamo.client(calls)) {
            DynamoDbRepositories dynamo = TestDynamo.repositoriesWith(client);
            Gallery gallery = Gallery.builder().albums(dynamo.albums()).photos(dynamo.photos())
                    .blobs(new InMemoryBlobStore()).build();
            UserId owner = Records.anOwner();
            Album album = gallery.albums().create(owner, "Everything", "");
            insertPhotos(dynamo, owner, album);
            calls.reset();

            PurgeReport report = gallery.owners().purge(owner);

            String photosTable = dynamo.tableNames().get(2);
            assertThat(report.photos()).isEqualTo(PHOTOS);
            assertThat(calls.count("DeleteItem", photosTable)).as("single-item photo deletes").isZero();
            assertThat(calls.count("BatchWriteItem")).as("calls %s", calls.byOperation())
                    .isLessThanOrEqualTo((PHOTOS + 24) / 25);
            // The core lists 100 photos per round: 10 full pages and an empty one; albums: one page and an empty one;
            // and the album delete's consistent check that no photo is left (one page: the owner has none left).
            assertThat(calls.count("Query")).as("calls %s", calls.byOperation()).isLessThanOrEqualTo(11 + 2 + 1);
            // Per page of 100 photos, before the deletes: their SHA-256s, then the content claims those name.
            assertThat(calls.count("BatchGetItem")).as("calls %s", calls.byOperation()).isLessThanOrEqualTo(2 * 10);
            assertThat(calls.byOperation().keySet())
                    .containsOnly("Query", "BatchGetItem", "BatchWriteItem", "UpdateItem", "DeleteItem");
            assertThat(calls.count("UpdateItem")).as("the album's deleting mark").isEqualTo(1);
            assertThat(calls.count("DeleteItem")).as("the album record").isEqualTo(1);
            assertThat(dynamo.photos().search(owner, PhotoQuery.builder().build(), 10, Optional.empty()).items())
                    .isEmpty();
            assertThat(dynamo.albums().list(owner, 10, Optional.empty()).items()).isEmpty();
        }
    }

    @Test
    @DisplayName("each page of an owner's albums or an album's photos is one Query")
    void eachListPageIsOneQuery() {
        TestDynamo.repositories();
        CallCounter calls = new CallCounter();
        try (DynamoDbClient client = TestDynamo.client(calls)) {
            DynamoDbRepositories dynamo = TestDynamo.repositoriesWith(client);
            UserId owner = Records.anOwner();
            for (int i = 0; i < 25; i++) {
                Album album = dynamo.albums().create(Records.anAlbum(owner));
                dynamo.photos().create(Records.aPhoto(owner, album.id()));
            }
            Album last = dynamo.albums().list(owner, 1, Optional.empty()).items().get(0);
            for (int i = 0; i < 24; i++) {
                dynamo.photos().create(Records.aPhoto(owner, last.id()));
            }
            calls.reset();

            Slice<Album> first = dynamo.albums().list(owner, 10, Optional.empty());
            Slice<Album> second = dynamo.albums().list(owner, 10, first.next());
            Slice<Album> third = dynamo.albums().list(owner, 10, second.next());
            Slice<Photo> photos = dynamo.photos().listByAlbum(owner, last.id(), 20, Optional.empty());
            Slice<Photo> morePhotos = dynamo.photos().listByAlbum(owner, last.id(), 20, photos.next());

            assertThat(List.of(first, second, third)).extracting(slice -> slice.items().size()).containsExactly(10, 10, 5);
            assertThat(List.of(photos, morePhotos)).extracting(slice -> slice.items().size()).containsExactly(20, 5);
            assertThat(calls.byOperation()).containsExactly(Map.entry("Query", 5));
        }
    }

    /** Straight through the repository: the bulk delete is what is under test, not the upload. */
    private static void insertPhotos(DynamoDbRepositories dynamo, UserId owner, Album album) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Photo>> inserts = IntStream.range(0, PHOTOS)
                    .mapToObj(i -> pool.submit(() -> dynamo.photos().create(Records.aPhoto(owner, album.id()))))
                    .toList();
            for (Future<Photo> insert : inserts) {
                insert.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
