package dev.gallerykit.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.IdGenerator;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.dynamodb.DynamoDbRepositories;
import dev.gallerykit.jdbc.JdbcDialect;
import dev.gallerykit.jdbc.JdbcRepositories;
import dev.gallerykit.local.JdbcDatabase;
import dev.gallerykit.local.LocalCloud;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.Slice;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jooq.SQLDialect;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the photo store adapters cost over calls written by hand: get one photo by id, save (create) one,
 * replace its tags, and list one 100-photo page of an album of 1,000, each through the {@link PhotoRepository}
 * port ({@code gallerykit*}) and through a baseline of the same shape on the same server and tables
 * ({@code raw*}): plain jOOQ ({@link RawJdbcPhotos}) on MariaDB, PostgreSQL and H2 (in-process), and a
 * DynamoDB Enhanced Client with a table schema of its own ({@link RawDynamoPhotos}) on DynamoDB Local.
 * Both sides pay for the same guarantees (the album checked in the same transaction as a create, an
 * update conditional on the version, a photo read as one version of its rows); the adapters also return
 * domain records, which the baselines do not build.
 *
 * <p>{@code gallerykitUpdateTags} calls the port's {@code update(current, changed)}, as the gallery's use
 * cases do: told the version it read, the JDBC adapter writes version, time and the tag rows, and so does
 * {@code rawUpdateTags}; on DynamoDB both put the whole item back, which is how the Enhanced Client writes.
 *
 * <p>DynamoDB Local and H2 run inside the benchmark's JVM, so {@code -prof gc} counts their allocation with
 * the client's; MariaDB and PostgreSQL are processes of their own.
 *
 * <p>Saves go under fresh ids into an album of their own, so the listed album stays at 1,000 photos; that
 * album grows by one photo per save for the trial (a few thousand rows or items in a short run), which the
 * indexed writes do not feel. Run with {@code -prof gc} for the allocation per operation.
 *
 * <p>Each store is started and seeded once per JVM ({@link Fixture#of}): run in forks (the default), each
 * fork starts what it measures and stops it at its end; run without forks, as {@link PerformanceSuite} does,
 * all eight benchmarks of a store share one server, and {@link #closeAll()} stops them. {@link StoreAbCheck}
 * takes the same fixtures for its interleaved comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class StoreOverheadBenchmark {

    static final int SEEDED = 1_000;
    static final int PAGE = 100;

    /** The started and seeded stores of this JVM, by name. */
    private static final OncePerJvm<Fixture> FIXTURES = new OncePerJvm<>();

    @Param({"dynamodb", "mariadb", "postgres", "h2"})
    public String store;

    private Fixture fixture;

    @Setup(Level.Trial)
    public void start() {
        fixture = Fixture.of(store);
    }

    @TearDown(Level.Trial)
    public void stop(BenchmarkParams trial) {
        FIXTURES.closeAfter(trial);
    }

    /** Stops every store started in this JVM. */
    static void closeAll() {
        FIXTURES.closeAll();
    }

    @Benchmark
    public Optional<Photo> gallerykitGetPhoto() {
        return fixture.gallerykitGetPhoto();
    }

    @Benchmark
    public Object rawGetPhoto() {
        return fixture.rawGetPhoto();
    }

    @Benchmark
    public Photo gallerykitSavePhoto() {
        return fixture.gallerykitSavePhoto();
    }

    @Benchmark
    public PhotoId rawSavePhoto() {
        return fixture.rawSavePhoto();
    }

    @Benchmark
    public Photo gallerykitUpdateTags() {
        return fixture.gallerykitUpdateTags();
    }

    @Benchmark
    public long rawUpdateTags() {
        return fixture.rawUpdateTags();
    }

    @Benchmark
    public Slice<Photo> gallerykitListPage() {
        return fixture.gallerykitListPage();
    }

    @Benchmark
    public List<?> rawListPage() {
        return fixture.rawListPage();
    }

    /**
     * One store with the adapter and the baseline over it, an album of {@value #SEEDED} photos, the album
     * saves go into, and one photo per side whose tags the updates switch. The operations keep their own
     * state (ids of saves, the updated photos' versions), so that any caller may take turns with them.
     */
    static final class Fixture implements AutoCloseable {

        private final String store;
        private final List<AutoCloseable> resources = new ArrayList<>();
        private final IdGenerator ids = IdGenerator.timeOrdered(Clock.systemUTC());
        private PhotoRepository photos;
        private RawPhotos raw;
        private final UserId owner;
        private final AlbumId album;
        private final AlbumId inbox;
        private final PhotoId target;
        private Photo updated;
        private final PhotoId rawUpdated;
        private long rawVersion;
        private int saves;
        private int gallerykitUpdates;
        private int rawUpdates;

        /** The fixture of {@code store} in this JVM, started and seeded on first use. */
        static Fixture of(String store) {
            return FIXTURES.get(store, Fixture::new);
        }

        private Fixture(String store) {
            this.store = store;
            try {
                AlbumRepository albums = switch (store) {
                    case "dynamodb" -> dynamoDb();
                    case "mariadb", "postgres", "h2" -> jdbc();
                    default -> throw new IllegalArgumentException("no store named " + store);
                };
                owner = ids.nextUserId();
                album = albums.create(album(owner, "Beach")).id();
                inbox = albums.create(album(owner, "Inbox")).id();
                List<Photo> seeded = new ArrayList<>(SEEDED);
                for (int n = 0; n < SEEDED; n++) {
                    seeded.add(StorePhotos.photo(owner, album, ids.nextPhotoId(), n));
                }
                raw.seed(seeded);
                target = seeded.get(SEEDED / 2).id();
                updated = photos.create(StorePhotos.photo(owner, inbox, ids.nextPhotoId(), -1));
                Photo forRaw = photos.create(StorePhotos.photo(owner, inbox, ids.nextPhotoId(), -2));
                rawUpdated = forRaw.id();
                rawVersion = forRaw.version();
                check();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        String store() {
            return store;
        }

        /** Both sides see the seeded album the same way before anything is measured. */
        private void check() {
            Slice<Photo> page = photos.listByAlbum(owner, album, PAGE, Optional.empty());
            if (page.items().size() != PAGE || page.next().isEmpty() || raw.listPage(owner, album, PAGE).size() != PAGE) {
                throw new IllegalStateException("the seeded album does not list " + PAGE + " photos a page on " + store);
            }
            if (photos.find(owner, target).isEmpty() || raw.get(owner, target) == null
                    || raw.get(owner, rawUpdated) == null) {
                throw new IllegalStateException("a seeded photo cannot be read back on " + store);
            }
        }

        private AlbumRepository dynamoDb() {
            LocalCloud cloud = LocalCloud.start(LocalCloud.Service.DYNAMODB);
            resources.add(cloud);
            DynamoDbClient client = BenchStores.dynamoDb(cloud, BenchStores.SDK_CONNECTIONS);
            resources.add(0, client);
            DynamoDbRepositories repositories = DynamoDbRepositories.builder().client(client).tablePrefix("bench-").build();
            repositories.createTablesIfMissing();
            resources.add(0, repositories);
            photos = repositories.photos();
            // tableNames(): users, albums, photos, sessions, shares.
            List<String> tables = repositories.tableNames();
            raw = new RawDynamoPhotos(DynamoDbEnhancedClient.builder().dynamoDbClient(client).build(), tables.get(2),
                    tables.get(1));
            return repositories.albums();
        }

        private AlbumRepository jdbc() {
            JdbcDialect dialect;
            SQLDialect sql;
            JdbcDatabase database;
            switch (store) {
                case "mariadb" -> {
                    LocalCloud cloud = LocalCloud.start(LocalCloud.Service.MARIADB);
                    resources.add(cloud);
                    database = cloud.mariaDb().newDatabase();
                    dialect = JdbcDialect.MARIADB;
                    sql = SQLDialect.MARIADB;
                }
                case "postgres" -> {
                    LocalCloud cloud = LocalCloud.start(LocalCloud.Service.POSTGRES);
                    resources.add(cloud);
                    database = cloud.postgres().newDatabase();
                    dialect = JdbcDialect.POSTGRES;
                    sql = SQLDialect.POSTGRES;
                }
                default -> {
                    database = new JdbcDatabase("jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
                    dialect = JdbcDialect.H2;
                    sql = SQLDialect.H2;
                }
            }
            // One pool for both sides, so that neither pays for connections the other does not.
            HikariDataSource pool = BenchStores.pool(database, "bench", 4);
            resources.add(0, pool);
            JdbcRepositories repositories = JdbcRepositories.builder().dataSource(pool).dialect(dialect).build();
            repositories.migrate();
            resources.add(0, repositories);
            photos = repositories.photos();
            raw = new RawJdbcPhotos(pool, sql);
            return repositories.albums();
        }

        private Album album(UserId owner, String name) {
            Instant now = Instant.now();
            return new Album(ids.nextAlbumId(), owner, name, "", Optional.empty(), now, now, 0);
        }

        @Override
        public void close() {
            for (AutoCloseable resource : resources) {
                try {
                    resource.close();
                } catch (Exception e) {
                    throw new IllegalStateException("could not close " + resource + " of " + store, e);
                }
            }
            resources.clear();
        }

        Optional<Photo> gallerykitGetPhoto() {
            return photos.find(owner, target);
        }

        Object rawGetPhoto() {
            return raw.get(owner, target);
        }

        Photo gallerykitSavePhoto() {
            return photos.create(StorePhotos.photo(owner, inbox, ids.nextPhotoId(), saves++));
        }

        PhotoId rawSavePhoto() {
            Photo photo = StorePhotos.photo(owner, inbox, ids.nextPhotoId(), saves++);
            raw.save(photo);
            return photo.id();
        }

        /** The photo the gallery read, changed to its other set of tags. */
        Photo gallerykitUpdateTags() {
            List<Tag> tags = gallerykitUpdates++ % 2 == 0 ? StorePhotos.OTHER_TAGS : StorePhotos.TAGS;
            updated = photos.update(updated, updated.toBuilder().tags(tags).updatedAt(Instant.now()).build());
            return updated;
        }

        long rawUpdateTags() {
            List<Tag> tags = rawUpdates++ % 2 == 0 ? StorePhotos.OTHER_TAGS : StorePhotos.TAGS;
            rawVersion = raw.updateTags(owner, rawUpdated, rawVersion, tags, Instant.now());
            return rawVersion;
        }

        Slice<Photo> gallerykitListPage() {
            return photos.listByAlbum(owner, album, PAGE, Optional.empty());
        }

        List<?> rawListPage() {
            return raw.listPage(owner, album, PAGE);
        }
    }
}
