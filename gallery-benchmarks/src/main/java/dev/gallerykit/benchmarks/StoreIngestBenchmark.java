package dev.gallerykit.benchmarks;

import dev.gallerykit.DuplicatePolicy;
import dev.gallerykit.Gallery;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.dynamodb.DynamoDbRepositories;
import dev.gallerykit.image.JavaImageEngine;
import dev.gallerykit.jdbc.JdbcDialect;
import dev.gallerykit.jdbc.JdbcRepositories;
import dev.gallerykit.local.JdbcDatabase;
import dev.gallerykit.local.LocalCloud;
import dev.gallerykit.local.LocalCloud.Service;
import dev.gallerykit.memory.InMemoryAlbumRepository;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.memory.InMemoryPhotoRepository;
import dev.gallerykit.s3.S3BlobStore;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.ImageEngine;
import dev.gallerykit.spi.PhotoRepository;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The upload use case end to end: a 12 MP camera-like JPEG through {@code Photos.upload} (analysis, one
 * decode, the 1280 and 256 px renditions, the original and renditions stored, the record written) with
 * the records in each store and the blobs on S3Proxy, with one caller and with two. {@code store=memory}
 * keeps records and blobs in memory: the gallery's own work without a network.
 *
 * <p>Where the time goes: the image engine (decode, scale, encode), the record store and the blob store are
 * wrapped in timing proxies; at the end of a trial the measured iterations' averages per upload are
 * appended to {@code target/jmh/ingest-breakdown.tsv} (or the file named by {@code gallerykit.bench.breakdown}),
 * which the report turns into a table. The rest ("other") is sniffing, header and EXIF reading, hashing and
 * spooling the upload to a temporary file.
 *
 * <p>Each store is started once per JVM: in forks (the default) each fork starts its own and stops it at its
 * end; without forks, as {@link PerformanceSuite} runs it, both methods of a store share its servers, and
 * {@link #closeAll()} stops them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-Djava.awt.headless=true"})
public class StoreIngestBenchmark {

    /** Where the breakdown lines go unless {@code gallerykit.bench.breakdown} names another file. */
    static final String BREAKDOWN_FILE = "target/jmh/ingest-breakdown.tsv";

    /** The started stores of this JVM, by name. */
    private static final OncePerJvm<Stack> STACKS = new OncePerJvm<>();

    @Param({"memory", "h2", "mariadb", "postgres", "dynamodb"})
    public String store;

    private Stack stack;
    private final Timer uploadTime = new Timer();
    private UserId owner;
    private AlbumId album;

    @Setup(Level.Trial)
    public void start() {
        stack = STACKS.get(store, Stack::new);
        stack.engineTime.reset();
        stack.recordTime.reset();
        stack.blobTime.reset();
    }

    /** A new owner and album per iteration; the iteration's photos are purged after it. */
    @Setup(Level.Iteration)
    public void newOwner(IterationParams iteration) {
        stack.measuring = iteration.getType() == IterationType.MEASUREMENT;
        owner = new UserId(UUID.randomUUID());
        album = stack.gallery.albums().create(owner, "Bench", "").id();
    }

    @TearDown(Level.Iteration)
    public void purge() {
        stack.measuring = false;
        stack.gallery.owners().purge(owner);
    }

    @TearDown(Level.Trial)
    public void stop(BenchmarkParams benchmark) throws Exception {
        writeBreakdown(benchmark);
        STACKS.closeAfter(benchmark);
    }

    /** Stops every store started in this JVM. */
    static void closeAll() {
        STACKS.closeAll();
    }

    /** One caller. */
    @Benchmark
    @Threads(1)
    public Photo upload() {
        return timedUpload();
    }

    /** Two callers at once on the same gallery (the machine has two cores). */
    @Benchmark
    @Threads(2)
    public Photo uploadTwoThreads() {
        return timedUpload();
    }

    private Photo timedUpload() {
        long start = System.nanoTime();
        Photo stored = stack.gallery.photos().upload(owner, album,
                Upload.of(new ByteArrayInputStream(stack.photo), "camera.jpg"));
        if (stack.measuring) {
            uploadTime.add(System.nanoTime() - start);
        }
        return stored;
    }

    private void writeBreakdown(BenchmarkParams benchmark) throws IOException {
        long uploads = uploadTime.calls.sum();
        if (uploads == 0) {
            return;
        }
        String method = benchmark.getBenchmark().substring(benchmark.getBenchmark().lastIndexOf('.') + 1);
        double total = uploadTime.millis() / uploads;
        double engine = stack.engineTime.millis() / uploads;
        double records = stack.recordTime.millis() / uploads;
        double blobs = stack.blobTime.millis() / uploads;
        String line = String.format(Locale.ROOT, "%s\t%s\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f%n", store, method,
                benchmark.getThreads(), uploads, total, engine, records, blobs, total - engine - records - blobs);
        Path file = Path.of(System.getProperty("gallerykit.bench.breakdown", BREAKDOWN_FILE));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * One store's servers (S3Proxy and the record store's), a gallery over them whose ports are timed, and the
     * sample photo: started once per JVM, so that a run without forks starts each store once for both methods.
     */
    private static final class Stack implements AutoCloseable {
        final Path directory;
        final byte[] photo;
        final LocalCloud cloud;
        final List<AutoCloseable> closeables = new ArrayList<>();
        final Gallery gallery;
        final Timer engineTime = new Timer();
        final Timer recordTime = new Timer();
        final Timer blobTime = new Timer();
        volatile boolean measuring;

        Stack(String store) {
            try {
                directory = Files.createTempDirectory("gallerykit-bench");
                photo = Files.readAllBytes(SamplePhotos.write(12, directory));
            } catch (IOException e) {
                throw new IllegalStateException("could not write the sample photo", e);
            }
            List<Service> services = new ArrayList<>();
            switch (store) {
                case "memory", "h2" -> { }
                case "mariadb" -> services.add(Service.MARIADB);
                case "postgres" -> services.add(Service.POSTGRES);
                case "dynamodb" -> services.add(Service.DYNAMODB);
                default -> throw new IllegalArgumentException("no store named " + store);
            }
            if (!store.equals("memory")) {
                services.add(Service.S3);
            }
            cloud = services.isEmpty() ? null : LocalCloud.start(services);

            AlbumRepository albums;
            PhotoRepository photos;
            BlobStore blobs;
            if (store.equals("memory")) {
                InMemoryAlbumRepository memoryAlbums = new InMemoryAlbumRepository();
                albums = memoryAlbums;
                photos = new InMemoryPhotoRepository(memoryAlbums);
                blobs = new InMemoryBlobStore();
            } else {
                S3BlobStore s3 = S3BlobStore.builder().bucket("bench-" + UUID.randomUUID())
                        .endpoint(cloud.s3().uri().orElseThrow()).region(Region.of(cloud.s3().region()))
                        .credentialsProvider(BenchStores.credentials(cloud.credentials())).build();
                s3.createBucketIfMissing();
                closeables.add(s3);
                blobs = s3;
                if (store.equals("dynamodb")) {
                    DynamoDbClient client = BenchStores.dynamoDb(cloud, BenchStores.SDK_CONNECTIONS);
                    DynamoDbRepositories db = DynamoDbRepositories.builder().client(client).tablePrefix("bench-").build();
                    db.createTablesIfMissing();
                    closeables.add(client);
                    albums = db.albums();
                    photos = db.photos();
                } else {
                    JdbcRepositories db = jdbc(store, cloud);
                    db.migrate();
                    closeables.add(db);
                    albums = db.albums();
                    photos = db.photos();
                }
            }
            ImageEngine engine = new JavaImageEngine();
            gallery = Gallery.builder()
                    .albums(timed(AlbumRepository.class, albums, recordTime))
                    .photos(timed(PhotoRepository.class, photos, recordTime))
                    .blobs(timed(BlobStore.class, blobs, blobTime))
                    .imageEngine(timed(ImageEngine.class, engine, engineTime))
                    .duplicates(DuplicatePolicy.ALLOW)
                    .build();
        }

        private static JdbcRepositories jdbc(String store, LocalCloud cloud) {
            JdbcRepositories.Builder builder = JdbcRepositories.builder().maximumPoolSize(4);
            if (store.equals("h2")) {
                return builder.jdbcUrl("jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                        .dialect(JdbcDialect.H2).build();
            }
            JdbcDatabase database = store.equals("mariadb") ? cloud.mariaDb().database() : cloud.postgres().database();
            return builder.jdbcUrl(database.url()).username(database.user()).password(database.password())
                    .dialect(store.equals("mariadb") ? JdbcDialect.MARIADB : JdbcDialect.POSTGRES).build();
        }

        /** {@code target} behind a proxy that adds the time of each call to {@code timer} while measuring. */
        private <T> T timed(Class<T> port, T target, Timer timer) {
            InvocationHandler handler = (proxy, method, args) -> {
                long start = System.nanoTime();
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                } finally {
                    if (measuring) {
                        timer.add(System.nanoTime() - start);
                    }
                }
            };
            return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
        }

        @Override
        public void close() throws IOException {
            for (AutoCloseable closeable : closeables) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("could not close " + closeable, e);
                }
            }
            if (cloud != null) {
                cloud.close();
            }
            SamplePhotos.delete(directory);
        }
    }

    /** Time spent in calls to one port, summed over threads, during measured iterations only. */
    private static final class Timer {
        final LongAdder nanos = new LongAdder();
        final LongAdder calls = new LongAdder();

        void add(long elapsed) {
            nanos.add(elapsed);
            calls.increment();
        }

        double millis() {
            return nanos.sum() / 1e6;
        }

        void reset() {
            nanos.reset();
            calls.reset();
        }
    }
}
