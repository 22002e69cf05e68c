package dev.gallerykit.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.gallerykit.Gallery;
import dev.gallerykit.Owners.PurgeReport;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.IdGenerator;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.dynamodb.DynamoDbRepositories;
import dev.gallerykit.jdbc.JdbcDialect;
import dev.gallerykit.jdbc.JdbcRepositories;
import dev.gallerykit.local.JdbcDatabase;
import dev.gallerykit.local.LocalCloud;
import dev.gallerykit.local.LocalCloud.Service;
import dev.gallerykit.s3.S3BlobStore;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.BlobAttributes;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.ShareRepository;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Counts the requests that purging an owner ({@code gallery.owners().purge}) sends to each store, for
 * 1,000 and 5,000 photos in two albums (a third and two thirds), each photo an original and one
 * rendition on S3: per operation on DynamoDB Local and S3Proxy (an SDK interceptor counts every
 * attempt), statements on MariaDB, PostgreSQL and H2 (a DataSource wrapper counts each execute and
 * batch). Prints a markdown table with the targets and whether they were met:
 * <ul>
 *   <li>S3: at most ceil(objects / 1,000) {@code DeleteObjects}, no {@code DeleteObject};</li>
 *   <li>DynamoDB: at most ceil(photos / 25) {@code BatchWriteItem} per album (an album's record goes
 *       once its photos are gone, so its batches cannot be shared with the next album's), no
 *       {@code DeleteItem} but the album records;</li>
 *   <li>SQL: at most {@value #SQL_FIXED} + {@value #SQL_PER_ROUND} statements per round of the core
 *       (100 photos per round, and each album's last, empty listing): a count that follows the
 *       batches, not the photos.</li>
 * </ul>
 * The column items/rows counts the photo and album records; objects the blobs on S3. Counts, not
 * times: one run is the answer (it takes some minutes, most of it seeding). Arguments (optional): the photo counts, default
 * {@code 1000 5000}.
 *
 * <pre>{@code java -cp gallery-benchmarks/target/benchmarks.jar dev.gallerykit.benchmarks.RequestCounts}</pre>
 */
public final class RequestCounts {

    static final int SQL_FIXED = 30;
    static final int SQL_PER_ROUND = 5;
    /** Photos the core lists and deletes per round while emptying an album. */
    private static final int ROUND = 100;
    private static final int BLOBS_PER_PHOTO = 2;
    private static final byte[] BODY = {1, 2, 3};
    private static final IdGenerator IDS = IdGenerator.timeOrdered(Clock.systemUTC());

    private final LocalCloud cloud;
    private final CountingInterceptor s3Requests = new CountingInterceptor();
    private final CountingInterceptor dynamoRequests = new CountingInterceptor();
    private final CountingDataSource sql = new CountingDataSource();
    private final S3Client s3;
    private final List<String> rows = new ArrayList<>();

    private RequestCounts(LocalCloud cloud) {
        this.cloud = cloud;
        this.s3 = S3Client.builder().httpClientBuilder(ApacheHttpClient.builder().maxConnections(16))
                .endpointOverride(cloud.s3().uri().orElseThrow()).region(Region.of(cloud.s3().region()))
                .forcePathStyle(true).credentialsProvider(BenchStores.credentials(cloud.credentials()))
                .overrideConfiguration(o -> o.addExecutionInterceptor(s3Requests)).build();
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length == 0 ? List.of(1_000, 5_000) : List.of(args).stream().map(Integer::valueOf).toList();
        try (LocalCloud cloud = LocalCloud.start(Service.S3, Service.DYNAMODB, Service.MARIADB, Service.POSTGRES)) {
            RequestCounts counts = new RequestCounts(cloud);
            try {
                for (int photos : sizes) {
                    counts.onDynamoDb(photos);
                    counts.onSql("mariadb", cloud.mariaDb().newDatabase(), JdbcDialect.MARIADB, photos);
                    counts.onSql("postgres", cloud.postgres().newDatabase(), JdbcDialect.POSTGRES, photos);
                    counts.onSql("h2", new JdbcDatabase("jdbc:h2:mem:counts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                            "sa", ""), JdbcDialect.H2, photos);
                }
            } finally {
                counts.s3.close();
            }
            System.out.println("| store | photos | objects | items/rows | DeleteObjects | DeleteObject | BatchWriteItem"
                    + " | DeleteItem | Query | TransactWriteItems | other DynamoDB | SQL statements | target | met |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---|---|");
            counts.rows.forEach(System.out::println);
        }
    }

    private void onDynamoDb(int photos) throws Exception {
        try (DynamoDbClient client = BenchStores.dynamoDb(cloud, 16, dynamoRequests)) {
            DynamoDbRepositories dynamo = DynamoDbRepositories.builder().client(client)
                    .tablePrefix("counts-" + photos + "-").build();
            dynamo.createTablesIfMissing();
            Run run = purge(dynamo.albums(), dynamo.photos(), dynamo.shares(), photos);
            int batchWrites = dynamoRequests.count("BatchWriteItem");
            int deleteItems = dynamoRequests.count("DeleteItem");
            int least = batches(run.inSmall()) + batches(run.inLarge());
            boolean met = run.s3Met() && batchWrites <= least && deleteItems <= run.albums();
            StringBuilder other = new StringBuilder();
            dynamoRequests.byOperation().forEach((operation, count) -> {
                if (!List.of("BatchWriteItem", "DeleteItem", "Query", "TransactWriteItems").contains(operation)) {
                    other.append(other.isEmpty() ? "" : ", ").append(operation).append(' ').append(count);
                }
            });
            rows.add(row("dynamodb + s3", run, String.valueOf(batchWrites), String.valueOf(deleteItems),
                    String.valueOf(dynamoRequests.count("Query")), String.valueOf(dynamoRequests.count("TransactWriteItems")),
                    other.toString(), "-", run.s3Target() + "; BatchWriteItem <= " + least + ", DeleteItem <= "
                            + run.albums() + " (album records)", met));
        }
    }

    private void onSql(String store, JdbcDatabase database, JdbcDialect dialect, int photos) throws Exception {
        try (HikariDataSource pool = BenchStores.pool(database, "counts", 10);
             JdbcRepositories db = JdbcRepositories.builder().dataSource(sql.wrap(pool)).dialect(dialect).build()) {
            db.migrate();
            Run run = purge(db.albums(), db.photos(), db.shares(), photos);
            int rounds = (photos + ROUND - 1) / ROUND + 2 * run.albums();
            int target = SQL_FIXED + SQL_PER_ROUND * rounds;
            rows.add(row(store + " + s3", run, "-", "-", "-", "-", "-", String.valueOf(sql.statements()),
                    run.s3Target() + "; statements <= " + SQL_FIXED + " + " + SQL_PER_ROUND + " x " + rounds
                            + " rounds = " + target, run.s3Met() && sql.statements() <= target));
        }
    }

    /** Seeds an owner with two albums of {@code photos} in all, resets the counters, purges. */
    private Run purge(AlbumRepository albums, PhotoRepository records, ShareRepository shares, int photos)
            throws Exception {
        S3BlobStore blobs = S3BlobStore.builder().client(s3).bucket(cloud.s3().newBucketName("counts")).build();
        blobs.createBucketIfMissing();
        Gallery gallery = Gallery.builder().albums(albums).photos(records).shares(shares).blobs(blobs).build();
        UserId owner = IDS.nextUserId();
        Album small = gallery.albums().create(owner, "Small", "");
        Album large = gallery.albums().create(owner, "Large", "");
        int inSmall = photos / 3;
        List<Callable<Void>> seeds = new ArrayList<>();
        for (int i = 0; i < photos; i++) {
            AlbumId album = i < inSmall ? small.id() : large.id();
            seeds.add(() -> {
                Photo photo = records.create(photo(owner, album));
                for (Derivative derivative : photo.derivatives()) {
                    blobs.put(derivative.blobKey(), new ByteArrayInputStream(BODY), BODY.length,
                            BlobAttributes.of(derivative.contentType()));
                }
                return null;
            });
        }
        long start = System.nanoTime();
        inParallel(seeds);
        long seeded = System.nanoTime();
        s3Requests.reset();
        dynamoRequests.reset();
        sql.reset();

        PurgeReport report = gallery.owners().purge(owner);

        System.err.printf("%d photos: seeded in %d s, purged in %d ms%n", photos, (seeded - start) / 1_000_000_000,
                (System.nanoTime() - seeded) / 1_000_000);
        if (report.photos() != photos || report.blobs() != photos * BLOBS_PER_PHOTO) {
            throw new IllegalStateException("the purge removed " + report + ", not the " + photos + " photos seeded");
        }
        return new Run(photos, inSmall, photos - inSmall, report.albums(), report.blobs(),
                s3Requests.count("DeleteObjects"), s3Requests.count("DeleteObject"));
    }

    private static Photo photo(UserId owner, AlbumId album) {
        PhotoId id = IDS.nextPhotoId();
        String prefix = "photos/" + owner + "/" + id + "/";
        Instant now = Instant.now();
        return Photo.builder().id(id).albumId(album).ownerId(owner).title("IMG_0042").originalFileName("IMG_0042.jpg")
                .contentType("image/jpeg").size(BODY.length).sha256(UUID.randomUUID().toString().replace("-", "").repeat(2))
                .derivatives(List.of(
                        new Derivative(Derivative.ORIGINAL, prefix + "original", "image/jpeg", BODY.length, Optional.empty()),
                        new Derivative(Derivative.thumbnailName(256), prefix + "256", "image/jpeg", BODY.length,
                                Optional.empty())))
                .createdAt(now).updatedAt(now).build();
    }

    /** Eight at a time: the seeding is not what is measured. */
    private static void inParallel(List<Callable<Void>> tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (Future<Void> task : threads.invokeAll(tasks)) {
                task.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static int batches(int items) {
        return (items + 24) / 25;
    }

    private static String row(String store, Run run, String batchWrites, String deleteItems, String queries,
            String transactions, String other, String statements, String target, boolean met) {
        return String.join(" | ", "| " + store, String.valueOf(run.photos()), String.valueOf(run.objects()),
                String.valueOf(run.photos() + run.albums()), String.valueOf(run.deleteObjects()),
                String.valueOf(run.deleteObject()), batchWrites, deleteItems, queries, transactions,
                other.isEmpty() ? "-" : other, statements, target, met ? "yes" : "**no**") + " |";
    }

    /** What one purge removed, and the S3 requests it took. */
    private record Run(int photos, int inSmall, int inLarge, int albums, int objects, int deleteObjects,
            int deleteObject) {

        int leastDeleteObjects() {
            return (objects + 999) / 1000;
        }

        boolean s3Met() {
            return deleteObjects <= leastDeleteObjects() && deleteObject == 0;
        }

        String s3Target() {
            return "DeleteObjects <= " + leastDeleteObjects() + ", DeleteObject = 0";
        }
    }
}
