package dev.gallerykit.benchmarks;

import dev.gallerykit.DuplicatePolicy;
import dev.gallerykit.Gallery;
import dev.gallerykit.GalleryWorker;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.memory.InMemoryAlbumRepository;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.memory.InMemoryJobQueue;
import dev.gallerykit.memory.InMemoryPhotoRepository;
import dev.gallerykit.spi.Delivery;
import dev.gallerykit.spi.Job;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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

/**
 * What asynchronous ingest buys: uploads accepted per second when the upload only checks and stores the
 * original (against synchronous ingest, which also renders), and photos processed per second by a
 * {@link GalleryWorker} with one and with two threads. In-memory stores, so that the figures are the
 * gallery's own work and not a network's; the same camera-like photo every time (duplicates allowed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-Djava.awt.headless=true"})
public class AsyncIngestBenchmark {

    @Param({"12"})
    public int megapixels;

    private Path directory;
    private byte[] photo;
    private InMemoryAlbumRepository albums;
    private InMemoryBlobStore blobs;
    private Gallery synchronous;
    private Gallery asynchronous;
    private InMemoryJobQueue queue;
    private UserId owner;
    private AlbumId album;

    @Setup(Level.Trial)
    public void writeSample() throws IOException {
        directory = Files.createTempDirectory("gallerykit-bench");
        photo = Files.readAllBytes(SamplePhotos.write(megapixels, directory));
        albums = new InMemoryAlbumRepository();
        blobs = new InMemoryBlobStore();
        InMemoryPhotoRepository photos = new InMemoryPhotoRepository(albums);
        queue = new InMemoryJobQueue();
        synchronous = Gallery.builder().albums(albums).photos(photos).blobs(blobs)
                .duplicates(DuplicatePolicy.ALLOW).build();
        asynchronous = Gallery.builder().albums(albums).photos(photos).blobs(blobs)
                .duplicates(DuplicatePolicy.ALLOW).asynchronous(queue).build();
    }

    /** A new owner per iteration, the last one's photos and blobs purged, so the heap holds one iteration's uploads. */
    @Setup(Level.Iteration)
    public void newOwner() {
        owner = new UserId(UUID.randomUUID());
        album = synchronous.albums().create(owner, "Bench", "").id();
    }

    @TearDown(Level.Iteration)
    public void purge() {
        synchronous.owners().purge(owner);
        // The jobs of photos just purged: drained without work (each is skipped).
        while (queue.size() > 0) {
            queue.complete(queue.receive(InMemoryJobQueue.MAX_BATCH, Duration.ZERO, Duration.ofMinutes(1)));
        }
    }

    @TearDown(Level.Trial)
    public void removeSample() throws IOException {
        SamplePhotos.delete(directory);
    }

    /** The baseline: the upload answers once the renditions are made and stored. */
    @Benchmark
    public Photo synchronousUpload() {
        return synchronous.photos().upload(owner, album, Upload.of(stream(), "camera.jpg"));
    }

    /** The upload answers once the checked original and the processing record are stored and the job sent. */
    @Benchmark
    public Photo asynchronousUpload() {
        return asynchronous.photos().upload(owner, album, Upload.of(stream(), "camera.jpg"));
    }

    private InputStream stream() {
        return new java.io.ByteArrayInputStream(photo);
    }

    /**
     * A worker with one or two threads: eight uploads stored before each call (not measured), whose jobs
     * the call hands to the worker, lasting until it made all eight ready.
     */
    @State(Scope.Benchmark)
    public static class Workers {

        /** Photos queued per measured call. */
        static final int BATCH = 8;

        @Param({"1", "2"})
        public int threads;

        private Path directory;
        private byte[] photo;
        private Gallery uploads;
        private InMemoryJobQueue holding;
        private InMemoryJobQueue queue;
        private GalleryWorker worker;
        private UserId owner;
        private List<Job> jobs;
        private long readyBefore;

        @Setup(Level.Trial)
        public void start() throws IOException {
            directory = Files.createTempDirectory("gallerykit-bench");
            photo = Files.readAllBytes(SamplePhotos.write(12, directory));
            InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
            InMemoryPhotoRepository photos = new InMemoryPhotoRepository(albums);
            InMemoryBlobStore blobs = new InMemoryBlobStore();
            // Uploads queue their jobs where no worker looks; the measured call hands them to the worker.
            holding = new InMemoryJobQueue();
            queue = new InMemoryJobQueue();
            uploads = Gallery.builder().albums(albums).photos(photos).blobs(blobs).duplicates(DuplicatePolicy.ALLOW)
                    .asynchronous(holding).build();
            Gallery processing = Gallery.builder().albums(albums).photos(photos).blobs(blobs)
                    .duplicates(DuplicatePolicy.ALLOW).asynchronous(queue).build();
            worker = GalleryWorker.builder(processing).threads(threads).batch(1).wait(Duration.ofMillis(50))
                    .visibility(Duration.ofMinutes(5)).build().start();
        }

        @Setup(Level.Invocation)
        public void queueUploads() {
            owner = new UserId(UUID.randomUUID());
            AlbumId album = uploads.albums().create(owner, "Bench", "").id();
            for (int i = 0; i < BATCH; i++) {
                uploads.photos().upload(owner, album, Upload.of(new java.io.ByteArrayInputStream(photo), "camera.jpg"));
            }
            List<Delivery> held = holding.receive(BATCH, Duration.ZERO, Duration.ofMinutes(1));
            holding.complete(held);
            jobs = held.stream().map(Delivery::job).toList();
            readyBefore = worker.metrics().ready();
        }

        @TearDown(Level.Invocation)
        public void purge() {
            uploads.owners().purge(owner);
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            worker.close();
            SamplePhotos.delete(directory);
        }
    }

    /** Eight photos made ready by the worker; the score per second times eight is photos per second. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, batchSize = 1)
    @Measurement(iterations = 12, batchSize = 1)
    public long workerDrainsEight(Workers workers) throws InterruptedException {
        long target = workers.readyBefore + Workers.BATCH;
        workers.queue.send(workers.jobs);
        while (workers.worker.metrics().ready() < target) {
            Thread.sleep(0, 200_000);
        }
        return workers.worker.metrics().ready();
    }
}
