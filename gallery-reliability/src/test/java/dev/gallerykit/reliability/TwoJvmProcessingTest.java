package dev.gallerykit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.Gallery;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoStatus;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.jdbc.JdbcDialect;
import dev.gallerykit.local.DatabaseServer;
import dev.gallerykit.local.LocalDynamoDb;
import dev.gallerykit.local.LocalMariaDb;
import dev.gallerykit.local.LocalS3;
import dev.gallerykit.local.LocalSqs;
import dev.gallerykit.spi.Delivery;
import dev.gallerykit.spi.Job;
import dev.gallerykit.sqs.SqsJobQueue;
import dev.gallerykit.testkit.Invariants;
import dev.gallerykit.testkit.MutableClock;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16: asynchronous ingest with the jobs on SQS (ElasticMQ) and two worker JVMs, with the records on
 * MariaDB and on DynamoDB Local and the blobs on S3Proxy. One round covers what a fleet of workers meets:
 * every job sent twice (redelivery), a worker killed with SIGKILL while it works (its job comes back after
 * the visibility timeout and another worker completes it), a file whose pixels cannot be decoded (ends
 * failed), and a poison file that ends every worker that touches it: it kills three, then SQS moves its
 * job to the dead-letter queue, and once reconcile sends it again the gallery marks the photo failed
 * instead of trying a fourth time. Afterwards every photo is ready or failed, with the invariants.
 */
@DisplayName("Asynchronous processing with two worker JVMs on SQS")
@ExtendWith({LocalS3.class, LocalSqs.class})
class TwoJvmProcessingTest {

    private static final int PHOTOS = 12;
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    @Nested
    @DisplayName("records on MariaDB 11.4, blobs on S3Proxy, jobs on ElasticMQ")
    @ExtendWith(LocalMariaDb.class)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnMariaDb extends Round {
        @BeforeAll
        void connect(DatabaseServer server, LocalS3.Endpoint s3, LocalSqs.Endpoint sqs) {
            connect(new Wiring(new Wiring.Sql(server.newDatabase(), JdbcDialect.MARIADB), s3,
                    s3.newBucketName("processing-mariadb"), aSecret()), sqs, "processing-mariadb");
        }
    }

    @Nested
    @DisplayName("records on DynamoDB Local, blobs on S3Proxy, jobs on ElasticMQ")
    @ExtendWith(LocalDynamoDb.class)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnDynamoDb extends Round {
        @BeforeAll
        void connect(LocalDynamoDb.Endpoint dynamo, LocalS3.Endpoint s3, LocalSqs.Endpoint sqs) {
            connect(new Wiring(new Wiring.Dynamo(dynamo, LocalDynamoDb.tablePrefix() + "processing-"), s3,
                    s3.newBucketName("processing-dynamodb"), aSecret()), sqs, "processing-dynamodb");
        }
    }

    private static byte[] aSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    abstract static class Round {

        private Wiring wiring;
        private QueueWiring queues;
        private String name;

        void connect(Wiring wiring, LocalSqs.Endpoint sqs, String name) {
            this.wiring = wiring;
            this.queues = new QueueWiring(sqs, sqs.newQueueName(name), sqs.newQueueName(name + "-dead"));
            this.name = name;
            wiring.createStores();
            try (SqsJobQueue queue = queues.open()) {
                queue.createQueuesIfMissing();
            }
        }

        private Map<String, String> environment() {
            Map<String, String> env = new TreeMap<>(wiring.environment());
            env.putAll(queues.environment());
            return env;
        }

        @Test
        @DisplayName("jobs sent twice, a worker killed mid-job, a file that fails and a poison that kills workers: all end ready or failed")
        void redeliveryCrashAndPoison() throws Exception {
            MutableClock clock = MutableClock.startingNow();
            Path log = Path.of("target", "two-jvm-processing", name + ".log");
            try (Stores stores = wiring.open(); SqsJobQueue queue = queues.open()) {
                Gallery gallery = Gallery.builder().albums(stores.albums()).photos(stores.photos()).shares(stores.shares())
                        .blobs(stores.blobs()).clock(clock).cursorSecret(wiring.cursorSecret())
                        .maxProcessingAttempts(QueueWiring.MAX_ATTEMPTS).asynchronous(queue).build();
                UserId owner = new UserId(UUID.randomUUID());
                AlbumId album = gallery.albums().create(owner, "Fleet", "").id();
                List<Photo> jpegs = new ArrayList<>();
                for (int i = 0; i < PHOTOS; i++) {
                    Fixture file = PhotoFixtures.aJpeg(640, 480, 16_000 + i);
                    jpegs.add(gallery.photos().upload(owner, album, Upload.of(file.stream(), file.fileName())));
                }
                Fixture broken = PhotoFixtures.aTruncatedJpeg();
                Photo undecodable = gallery.photos().upload(owner, album, Upload.of(broken.stream(), broken.fileName()));
                Fixture png = PhotoFixtures.aPng(320, 200);
                Photo poison = gallery.photos().upload(owner, album, Upload.of(png.stream(), png.fileName()));
                // Every job but the poison's a second time: a redelivery as SQS may make one.
                queue.send(jpegs.stream().map(p -> Job.processPhoto(owner, p.id())).toList());
                assertThat(gallery.photos().get(owner, poison.id()).status()).isEqualTo(PhotoStatus.PROCESSING);

                List<WorkerJvm> workers = new ArrayList<>(List.of(WorkerJvm.start(environment(), log),
                        WorkerJvm.start(environment(), log)));
                int poisoned = 0;
                int otherExits = 0;
                boolean killed = false;
                try {
                    long deadline = System.nanoTime() + PATIENCE.toNanos();
                    List<Delivery> dead = List.of();
                    while (!(allSettled(gallery, owner, jpegs, undecodable) && !dead.isEmpty())) {
                        assertThat(System.nanoTime()).as("everything settled within %s; see %s", PATIENCE, log)
                                .isLessThan(deadline);
                        // Killed in the middle of a job: it started rendering, and takes a while over it.
                        if (!killed && ready(gallery, owner, jpegs) >= 3
                                && workers.get(0).renderingWithin(ProcessingWorker.RENDER_MILLIS / 4)) {
                            workers.get(0).kill();
                            killed = true;
                        }
                        for (int i = 0; i < workers.size(); i++) {
                            WorkerJvm worker = workers.get(i);
                            if (!worker.alive()) {
                                if (worker.exitValue() == ProcessingWorker.POISONED) {
                                    poisoned++;
                                } else {
                                    otherExits++;
                                }
                                workers.set(i, WorkerJvm.start(environment(), log));
                            }
                        }
                        if (dead.isEmpty()) {
                            dead = queue.deadLetters().receive(10, Duration.ZERO, Duration.ofMinutes(5));
                        }
                        Thread.sleep(50);
                    }
                    assertThat(killed).isTrue();
                    assertThat(otherExits).as("workers that ended other than by the kill and the poison; see " + log)
                            .isEqualTo(1);
                    // Each receive of the poison ended a worker, but one the kill may have taken: never more.
                    assertThat(poisoned).isBetween(QueueWiring.MAX_RECEIVES - 1, QueueWiring.MAX_RECEIVES);

                    // The poison's job is in the dead letters, its photo still processing after its tries.
                    assertThat(dead).extracting(Delivery::job).containsExactly(Job.processPhoto(owner, poison.id()));
                    Photo stuck = gallery.photos().get(owner, poison.id());
                    assertThat(stuck.status()).isEqualTo(PhotoStatus.PROCESSING);
                    assertThat(stuck.processing().attempts()).isBetween(QueueWiring.MAX_ATTEMPTS - 1, QueueWiring.MAX_ATTEMPTS);

                    // Reconcile finds it; the next worker gives up on it rather than try a fourth time.
                    clock.advance(Duration.ofHours(2));
                    assertThat(gallery.maintenance().reconcile(Duration.ofHours(1)).requeued()).isEqualTo(1);
                    waitFor(() -> gallery.photos().get(owner, poison.id()).status() == PhotoStatus.FAILED, log);
                } finally {
                    for (WorkerJvm worker : workers) {
                        worker.close();
                    }
                }

                for (Photo photo : jpegs) {
                    Photo ready = gallery.photos().get(owner, photo.id());
                    assertThat(ready.status()).as("photo %s", photo.id()).isEqualTo(PhotoStatus.READY);
                    assertThat(ready.thumbnails()).extracting(Derivative::name).containsExactly("thumb-1280", "thumb-256");
                }
                assertThat(gallery.photos().get(owner, undecodable.id()).processing().reason())
                        .hasValueSatisfying(r -> assertThat(r).contains("truncated or corrupt"));
                assertThat(gallery.photos().get(owner, poison.id()).processing().reason())
                        .hasValueSatisfying(r -> assertThat(r).contains("gave up after 3 attempts"));
                assertThat(queue.receive(10, Duration.ofSeconds(1), Duration.ofSeconds(30))).as("the queue is empty").isEmpty();
                Map<Integer, Long> attempts = jpegs.stream()
                        .map(p -> gallery.photos().get(owner, p.id()).processing().attempts())
                        .collect(Collectors.groupingBy(a -> a, TreeMap::new, Collectors.counting()));
                System.err.println(name + ": photos by the attempts they took " + attempts);
                assertThat(attempts.keySet()).as("the job the killed worker was rendering came back and was done again")
                        .anyMatch(a -> a >= 2);

                Invariants.over(stores.albums(), stores.photos(), stores.blobs())
                        .assertHoldAfterReconcile(owner, gallery.maintenance(), clock, Duration.ofHours(1));
            }
        }

        private static long ready(Gallery gallery, UserId owner, List<Photo> photos) {
            return photos.stream().filter(p -> gallery.photos().get(owner, p.id()).status() == PhotoStatus.READY).count();
        }

        private static boolean allSettled(Gallery gallery, UserId owner, List<Photo> jpegs, Photo undecodable) {
            return ready(gallery, owner, jpegs) == jpegs.size()
                    && gallery.photos().get(owner, undecodable.id()).status() == PhotoStatus.FAILED;
        }

        private static void waitFor(BooleanSupplier condition, Path log) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!condition.getAsBoolean()) {
                assertThat(System.nanoTime()).as("within %s; see %s", PATIENCE, log).isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }
}
