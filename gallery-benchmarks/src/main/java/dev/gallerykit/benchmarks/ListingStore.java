package dev.gallerykit.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.gallerykit.Gallery;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.domain.IdGenerator;
import dev.gallerykit.domain.ImageMetadata;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.TakenAt;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.dynamodb.DynamoDbRepositories;
import dev.gallerykit.jdbc.JdbcDialect;
import dev.gallerykit.jdbc.JdbcRepositories;
import dev.gallerykit.local.JdbcDatabase;
import dev.gallerykit.local.LocalCloud;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.spi.PhotoRepository;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import org.jooq.SQLDialect;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * One store of the listing measurements (DynamoDB Local, MariaDB or PostgreSQL, started through
 * {@link LocalCloud}) with a {@link Gallery} over its adapters, one owner and one album, and the
 * seeding of that album.
 *
 * <p>Seeding is fast and exact: the first two photos (one tagged {@code all} and {@code tenth}, one
 * tagged {@code all}) go through the adapter's {@link PhotoRepository#create}; every other photo is a
 * copy of the stored rows or item of one of those two, under a new time-ordered id, written in bulk
 * (SQL {@code INSERT ... SELECT} from a table of new ids; DynamoDB {@code BatchWriteItem} of the
 * stored item with its id replaced, on several threads). Every 10th photo is tagged {@code tenth}.
 * The last photo is read back through the adapter and must equal the photo it stands for, so a copy
 * in another format than the adapter's would fail the seeding rather than skew a figure.
 */
final class ListingStore implements AutoCloseable {

    static final String ALL = "all";
    static final String TENTH = "tenth";

    private static final int ID_ROWS_PER_INSERT = 1_000;
    private static final int BATCH = 25;
    private static final int WRITERS = 4;

    private final String store;
    private final LocalCloud cloud;
    private final boolean ownsCloud;
    private final byte[] cursorSecret;
    private final HikariDataSource pool;
    private final JdbcRepositories jdbc;
    private final DynamoDbClient client;
    private final DynamoDbRepositories dynamo;
    private final PhotoRepository photos;
    final Gallery gallery;
    final UserId owner;
    final AlbumId album;
    private List<PhotoId> seeded = List.of();

    private ListingStore(String store, LocalCloud cloud, boolean ownsCloud, HikariDataSource pool, JdbcRepositories jdbc,
            DynamoDbClient client, DynamoDbRepositories dynamo, UserId owner, AlbumId album, byte[] cursorSecret) {
        this.store = store;
        this.cursorSecret = cursorSecret;
        this.cloud = cloud;
        this.ownsCloud = ownsCloud;
        this.pool = pool;
        this.jdbc = jdbc;
        this.client = client;
        this.dynamo = dynamo;
        // One cursor secret for the store and its observed views, so that a page cursor of one works on the other.
        // Pages of up to 1,000 for the walks to page 1,000 (ListingBenchmark.STRIDE); the benchmarks ask for 100.
        Gallery.Builder builder = Gallery.builder().blobs(new InMemoryBlobStore()).cursorSecret(cursorSecret)
                .maxPageSize(ListingBenchmark.STRIDE);
        if (jdbc != null) {
            builder.albums(jdbc.albums()).photos(jdbc.photos()).shares(jdbc.shares());
            photos = jdbc.photos();
        } else {
            builder.albums(dynamo.albums()).photos(dynamo.photos()).shares(dynamo.shares());
            photos = dynamo.photos();
        }
        gallery = builder.build();
        this.owner = owner != null ? owner : new UserId(UUID.randomUUID());
        this.album = album != null ? album : gallery.albums().create(this.owner, "Listing", "").id();
    }

    /** Starts {@code store} (dynamodb, mariadb or postgres) with its tables. */
    static ListingStore start(String store) {
        return start(store, UnaryOperator.identity(), null);
    }

    /**
     * Starts {@code store}; for an SQL store the adapter gets its connections through
     * {@code wrap(pool)}, and the DynamoDB client calls {@code interceptor} (when not null), which lets
     * {@link ExplainPlans} see every statement or request. SQL seeding bypasses the wrapper.
     */
    static ListingStore start(String store, UnaryOperator<DataSource> wrap, ExecutionInterceptor interceptor) {
        LocalCloud cloud = LocalCloud.start(switch (store) {
            case "dynamodb" -> LocalCloud.Service.DYNAMODB;
            case "mariadb" -> LocalCloud.Service.MARIADB;
            case "postgres" -> LocalCloud.Service.POSTGRES;
            default -> throw new IllegalArgumentException("no store named " + store);
        });
        try {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            return open(store, cloud, true, wrap, interceptor, null, null, secret);
        } catch (RuntimeException e) {
            cloud.close();
            throw e;
        }
    }

    /**
     * A second gallery over this store's tables, owner and album, with a client or pool of its own made as
     * {@link #start(String, UnaryOperator, ExecutionInterceptor)} makes them: how {@link ExplainPlans} sees what
     * the adapter sends for an album {@link ListingBenchmark} has seeded, without a wrapper in the benchmark's
     * path. Closing it leaves the store running.
     */
    ListingStore observed(UnaryOperator<DataSource> wrap, ExecutionInterceptor interceptor) {
        return open(store, cloud, false, wrap, interceptor, owner, album, cursorSecret);
    }

    private static ListingStore open(String store, LocalCloud cloud, boolean owned, UnaryOperator<DataSource> wrap,
            ExecutionInterceptor interceptor, UserId owner, AlbumId album, byte[] cursorSecret) {
        if (store.equals("dynamodb")) {
            DynamoDbClient client = interceptor == null ? BenchStores.dynamoDb(cloud, WRITERS * 2)
                    : BenchStores.dynamoDb(cloud, WRITERS * 2, interceptor);
            DynamoDbRepositories dynamo = DynamoDbRepositories.builder().client(client).tablePrefix("listing-").build();
            if (owned) {
                dynamo.createTablesIfMissing();
            }
            return new ListingStore(store, cloud, owned, null, null, client, dynamo, owner, album, cursorSecret);
        }
        boolean maria = store.equals("mariadb");
        JdbcDatabase database = (maria ? cloud.mariaDb() : cloud.postgres()).database();
        HikariDataSource pool = BenchStores.pool(database, owned ? "listing" : "listing-observed", 4);
        JdbcRepositories jdbc = JdbcRepositories.builder().dataSource(wrap.apply(pool))
                .dialect(maria ? JdbcDialect.MARIADB : JdbcDialect.POSTGRES).build();
        if (owned) {
            jdbc.migrate();
        }
        return new ListingStore(store, cloud, owned, pool, jdbc, null, null, owner, album, cursorSecret);
    }

    /**
     * The hand-written baseline on the same tables ({@link StoreOverheadBenchmark}'s): an Enhanced Client
     * query of the album index, or plain jOOQ, each paging with a cursor of its own.
     */
    RawPhotos raw() {
        if (dynamo != null) {
            // tableNames(): users, albums, photos, sessions, shares.
            List<String> tables = dynamo.tableNames();
            return new RawDynamoPhotos(DynamoDbEnhancedClient.builder().dynamoDbClient(client).build(), tables.get(2),
                    tables.get(1));
        }
        return new RawJdbcPhotos(pool, store.equals("mariadb") ? SQLDialect.MARIADB : SQLDialect.POSTGRES);
    }

    /** The seeded photo that is the album's {@code n}-th newest (1 the newest), in the order listing pages go. */
    PhotoId newest(int n) {
        return seeded.get(seeded.size() - n);
    }

    /** Fills the album with {@code count} photos (at least 2) and returns how long that took. */
    Duration seed(int count) throws Exception {
        long start = System.nanoTime();
        IdGenerator ids = IdGenerator.timeOrdered(Clock.systemUTC());
        List<PhotoId> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(ids.nextPhotoId());
        }
        // Photo i is tagged 'tenth' when i % 10 == 0: template 0 stands for those, template 1 for the others.
        Photo tenth = photo(all.get(0), true);
        Photo plain = photo(all.get(1), false);
        photos.create(tenth);
        photos.create(plain);
        if (jdbc != null) {
            copyRows(all, tenth.id(), plain.id());
        } else {
            copyItems(all, tenth.id(), plain.id());
        }
        seeded = List.copyOf(all); // time-ordered ids, the oldest first
        PhotoId last = all.get(count - 1);
        Photo expected = photo(last, (count - 1) % 10 == 0).toBuilder().version(1).build();
        Optional<Photo> stored = photos.find(owner, last);
        if (!expected.equals(stored.orElse(null))) {
            throw new IllegalStateException("a seeded photo does not read back as the adapter would store it: expected "
                    + expected + ", read " + stored);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The photo that {@code id} stands for: the same EXIF, renditions and title as any other. */
    Photo photo(PhotoId id, boolean tenth) {
        Instant at = Instant.parse("2026-06-01T10:00:00Z");
        List<Tag> tags = tenth ? List.of(Tag.user(ALL), Tag.user(TENTH)) : List.of(Tag.user(ALL));
        return Photo.builder()
                .id(id)
                .albumId(album)
                .ownerId(owner)
                .uploaderId(owner)
                .title("IMG_1234")
                .description("A photo of the listing benchmark")
                .tags(tags)
                .originalFileName("IMG_1234.jpg")
                .contentType("image/jpeg")
                .size(3_456_789)
                .sha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                .metadata(ImageMetadata.builder()
                        .dimensions(new Dimensions(4032, 3024))
                        .orientation(1)
                        .takenAt(new TakenAt(LocalDateTime.of(2026, 5, 31, 18, 30), Optional.of(ZoneOffset.ofHours(2))))
                        .cameraMake("Apple")
                        .cameraModel("iPhone 15")
                        .focalLength(6.86)
                        .aperture(1.78)
                        .exposureTime(0.008)
                        .iso(80)
                        .build())
                .derivatives(List.of(
                        new Derivative(Derivative.ORIGINAL, "listing/original.jpg", "image/jpeg", 3_456_789,
                                Optional.of(new Dimensions(4032, 3024))),
                        new Derivative("thumb-1280", "listing/thumb-1280.jpg", "image/jpeg", 240_000,
                                Optional.of(new Dimensions(1280, 960))),
                        new Derivative("thumb-256", "listing/thumb-256.jpg", "image/jpeg", 18_000,
                                Optional.of(new Dimensions(256, 192)))))
                .createdAt(at)
                .updatedAt(at)
                .build();
    }

    /**
     * SQL: the new ids and their template go into a scratch table, then one {@code INSERT ... SELECT} per
     * table copies the template's photo, tag and rendition rows under each new id, and the planner's
     * statistics are brought up to date (as autovacuum or InnoDB's automatic statistics would).
     */
    private void copyRows(List<PhotoId> all, PhotoId tenth, PhotoId plain) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE listing_seed AS SELECT id, id AS template_id FROM gallery_photo WHERE 1 = 0");
            for (int from = 2; from < all.size(); from += ID_ROWS_PER_INSERT) {
                StringBuilder insert = new StringBuilder("INSERT INTO listing_seed (id, template_id) VALUES ");
                for (int i = from; i < Math.min(all.size(), from + ID_ROWS_PER_INSERT); i++) {
                    insert.append(i == from ? "" : ",").append("('").append(all.get(i)).append("','")
                            .append(i % 10 == 0 ? tenth : plain).append("')");
                }
                sql.execute(insert.toString());
            }
            String photoColumns = String.join(", ", columnsBut(connection, "gallery_photo", "id"));
            sql.execute("INSERT INTO gallery_photo (id, " + photoColumns + ") SELECT s.id, "
                    + prefixed("t.", photoColumns) + " FROM listing_seed s JOIN gallery_photo t ON t.id = s.template_id");
            for (String child : List.of("gallery_photo_tag", "gallery_photo_derivative")) {
                String columns = String.join(", ", columnsBut(connection, child, "photo_id"));
                sql.execute("INSERT INTO " + child + " (photo_id, " + columns + ") SELECT s.id, "
                        + prefixed("c.", columns) + " FROM listing_seed s JOIN " + child + " c ON c.photo_id = s.template_id");
            }
            sql.execute("DROP TABLE listing_seed");
            for (String table : List.of("gallery_photo", "gallery_photo_tag", "gallery_photo_derivative")) {
                sql.execute(jdbc.dialect() == JdbcDialect.POSTGRES ? "ANALYZE " + table : "ANALYZE TABLE " + table);
            }
        }
    }

    private static List<String> columnsBut(Connection connection, String table, String except) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement sql = connection.createStatement();
                var rows = sql.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            var meta = rows.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String name = meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
                if (!name.equals(except)) {
                    columns.add(name);
                }
            }
        }
        return columns;
    }

    private static String prefixed(String prefix, String columns) {
        return prefix + columns.replace(", ", ", " + prefix);
    }

    /** DynamoDB: the template's stored item with another id, 25 to a BatchWriteItem, on several threads. */
    private void copyItems(List<PhotoId> all, PhotoId tenth, PhotoId plain) throws Exception {
        String table = dynamo.tableNames().get(2);
        Map<PhotoId, Map<String, AttributeValue>> templates = new HashMap<>();
        for (PhotoId id : List.of(tenth, plain)) {
            templates.put(id, client.getItem(r -> r.tableName(table).consistentRead(true).key(Map.of(
                    "owner", AttributeValue.fromS(owner.toString()), "id", AttributeValue.fromS(id.toString())))).item());
        }
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int from = 2; from < all.size(); from += BATCH) {
                int first = from;
                done.add(writers.submit(() -> {
                    List<WriteRequest> puts = new ArrayList<>(BATCH);
                    for (int i = first; i < Math.min(all.size(), first + BATCH); i++) {
                        Map<String, AttributeValue> item = new HashMap<>(templates.get(i % 10 == 0 ? tenth : plain));
                        item.put("id", AttributeValue.fromS(all.get(i).toString()));
                        puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                    }
                    Map<String, List<WriteRequest>> pending = Map.of(table, puts);
                    while (!pending.isEmpty()) {
                        Map<String, List<WriteRequest>> batch = pending;
                        BatchWriteItemResponse response = client.batchWriteItem(r -> r.requestItems(batch));
                        pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            writers.shutdown();
        }
    }

    @Override
    public String toString() {
        return store;
    }

    @Override
    public void close() {
        if (jdbc != null) {
            jdbc.close();
            pool.close();
        }
        if (dynamo != null) {
            dynamo.close();
            client.close();
        }
        if (ownsCloud) {
            cloud.close();
        }
    }
}
