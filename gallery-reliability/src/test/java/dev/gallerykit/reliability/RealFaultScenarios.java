package dev.gallerykit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gallerykit.Gallery;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.GalleryException;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.jdbc.JdbcDialect;
import dev.gallerykit.jdbc.JdbcRepositories;
import dev.gallerykit.local.Credentials;
import dev.gallerykit.local.DatabaseServer;
import dev.gallerykit.local.JdbcDatabase;
import dev.gallerykit.local.LocalS3;
import dev.gallerykit.s3.S3BlobStore;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.Blob;
import dev.gallerykit.spi.BlobInfo;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.testkit.Invariants;
import dev.gallerykit.testkit.MutableClock;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Real servers dying in the middle of uploads and purges (issue 11), for one database: a gallery with
 * its records on that database and its blobs on S3Proxy, both started for this class alone, so that
 * stopping them disturbs no other test class. A {@link Tripwire} on the ports stops S3Proxy or kills
 * the database ({@code SIGKILL}) just before the k-th call of one port method, so the fault lands at
 * that step of the use case. Each case proves that the call fails with a retryable
 * {@link StorageUnavailableException}, that nothing is half-written once the server is back (I1, I3
 * and I6; I2 after reconcile), and that the same call, retried, completes the use case.
 * {@link RealFaultsTest} runs it on each database that can be killed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RealFaultScenarios {

    private static final Duration GRACE = Duration.ofDays(1);
    private static final AtomicLong SEED = new AtomicLong(31_000);

    private DatabaseServer database;
    private LocalS3.Server s3;
    private JdbcRepositories db;
    private S3BlobStore blobs;

    private final Tripwire tripwire = new Tripwire();
    private UserId owner;
    private MutableClock clock;
    private Gallery gallery;
    private Invariants invariants;

    /** Starts a database server of this class's own, one that {@link DatabaseServer#kill()} supports. */
    abstract DatabaseServer startDatabase();

    abstract JdbcDialect dialect();

    @BeforeAll
    void startServersOfOurOwn() {
        database = startDatabase();
        s3 = LocalS3.start();
        JdbcDatabase shared = database.database();
        // A short pool time-out: while the server is down, each call waits this long for a connection.
        db = JdbcRepositories.builder().jdbcUrl(shared.url()).username(shared.user())
                .password(shared.password()).dialect(dialect()).maximumPoolSize(4)
                .connectionTimeout(Duration.ofSeconds(2)).build();
        db.migrate();
        LocalS3.Endpoint endpoint = s3.endpoint();
        Credentials key = endpoint.credentials().orElseThrow();
        blobs = S3BlobStore.builder().endpoint(endpoint.uri().orElseThrow()).region(Region.of(endpoint.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))
                .bucket(endpoint.newBucketName("real-faults")).build();
        blobs.createBucketIfMissing();
    }

    @AfterAll
    void stopThem() {
        blobs.close();
        db.close();
        s3.close();
        database.close();
    }

    @BeforeEach
    void buildTheGallery() {
        owner = new UserId(UUID.randomUUID());
        clock = MutableClock.startingNow();
        gallery = Gallery.builder()
                .albums(tripwire.wrap(AlbumRepository.class, db.albums()))
                .photos(tripwire.wrap(PhotoRepository.class, db.photos()))
                .blobs(tripwire.wrap(BlobStore.class, blobs))
                .clock(clock).build();
        invariants = Invariants.over(db.albums(), db.photos(), blobs);
    }

    @AfterEach
    void bringTheServersBack() {
        // Only after a failed case is a tripwire still armed or a server still down; no-ops otherwise.
        tripwire.disarm();
        s3.restart();
        database.restart();
    }

    @ParameterizedTest(name = "S3Proxy stopped before BlobStore.put #{0} ({1})")
    @CsvSource({"1, the original", "2, the 1280 px preview", "3, the 256 px thumbnail"})
    @DisplayName("S3Proxy stopped during an upload: retryable, no record, nothing left after reconcile, the retry stores it")
    void s3StoppedDuringAnUpload(int put, String blob) {
        Album album = gallery.albums().create(owner, "Uploads", "");
        Fixture file = aSmallJpeg();

        tripwire.arm(BlobStore.class, "put", put, s3::stop);
        Throwable thrown = catchThrowable(() -> upload(album, file));

        assertRetryableOutage(thrown);
        assertThat(photosOfOwner()).as("the records after the failed upload").isEmpty();
        s3.restart();
        invariants.assertHoldAfterReconcile(owner, gallery.maintenance(), clock, GRACE);
        assertThat(blobsOfOwner()).as("the blobs after reconcile").isEmpty();

        Photo photo = upload(album, file);

        assertStoredOnce(photo, album, file);
    }

    @ParameterizedTest(name = "database killed before {0}.{1} #{2}")
    @CsvSource({"AlbumRepository, find, 1", "PhotoRepository, findBySha256, 1", "PhotoRepository, create, 1"})
    @DisplayName("the database killed during an upload: retryable, invariants hold after the restart, the retry stores one photo")
    void databaseKilledDuringAnUpload(String port, String method, int call) {
        Album album = gallery.albums().create(owner, "Uploads", "");
        Fixture file = aSmallJpeg();

        tripwire.arm(portNamed(port), method, call, database::kill);
        Throwable thrown = catchThrowable(() -> upload(album, file));

        assertRetryableOutage(thrown);
        database.restart();
        assertThat(photosOfOwner()).as("the records after the failed upload").isEmpty();
        invariants.assertHold(owner);
        invariants.assertHoldAfterReconcile(owner, gallery.maintenance(), clock, GRACE);
        assertThat(blobsOfOwner()).as("the blobs after reconcile").isEmpty();

        Photo photo = upload(album, file);

        assertStoredOnce(photo, album, file);
    }

    @ParameterizedTest(name = "database killed before {0}.{1} #{2}")
    @CsvSource({"AlbumRepository, markDeleting, 1", "PhotoRepository, deleteAll, 1", "AlbumRepository, delete, 1",
            "PhotoRepository, deleteAll, 3", "AlbumRepository, list, 2"})
    @DisplayName("the database killed during an owner purge: retryable, invariants hold after the restart, the retry leaves nothing")
    void databaseKilledDuringAPurge(String port, String method, int call) {
        twoAlbumsOneWithACover();

        tripwire.arm(portNamed(port), method, call, database::kill);
        Throwable thrown = catchThrowable(() -> gallery.owners().purge(owner));

        assertRetryableOutage(thrown);
        database.restart();
        invariants.assertHold(owner);

        gallery.owners().purge(owner);

        assertNothingLeft();
    }

    /**
     * A purge sends the blobs of all its albums together, 1,000 keys per request, after their records are gone:
     * for two small albums that is one {@code deleteAll}, when no record points at those blobs any more.
     */
    @Test
    @DisplayName("S3Proxy stopped before an owner purge deletes the blobs: retryable, the retry finishes, reconcile removes the blobs left")
    void s3StoppedDuringAPurge() {
        twoAlbumsOneWithACover();

        tripwire.arm(BlobStore.class, "deleteAll", 1, s3::stop);
        Throwable thrown = catchThrowable(() -> gallery.owners().purge(owner));

        assertRetryableOutage(thrown);
        s3.restart();
        invariants.assertHold(owner);

        gallery.owners().purge(owner);

        assertThat(db.albums().list(owner, 10, Optional.empty()).items()).as("the owner's albums").isEmpty();
        assertThat(photosOfOwner()).as("the owner's photos").isEmpty();
        invariants.assertHoldAfterReconcile(owner, gallery.maintenance(), clock, GRACE);
        assertNothingLeft();
    }

    private void assertRetryableOutage(Throwable thrown) {
        assertThat(tripwire.fired()).as("the tripwire at " + tripwire.target() + " fired").isTrue();
        assertThat(thrown).as("what the call threw with its server down").isInstanceOf(StorageUnavailableException.class);
        assertThat(((GalleryException) thrown).retryable()).as("retryable").isTrue();
    }

    private void assertStoredOnce(Photo photo, Album album, Fixture file) {
        assertThat(photosOfOwner()).as("the owner's photos after the retry").containsExactly(photo);
        assertThat(photo.albumId()).isEqualTo(album.id());
        assertThat(photo.derivatives()).extracting(Derivative::name).contains("original");
        for (Derivative derivative : photo.derivatives()) {
            assertThat(blobs.head(derivative.blobKey())).as("the blob of " + derivative.name()).isPresent();
        }
        assertThat(original(photo)).as("the stored original").isEqualTo(file.bytes());
        invariants.assertHold(owner);
    }

    private void assertNothingLeft() {
        assertThat(db.albums().list(owner, 10, Optional.empty()).items()).as("the owner's albums").isEmpty();
        assertThat(photosOfOwner()).as("the owner's photos").isEmpty();
        assertThat(blobsOfOwner()).as("the owner's blobs").isEmpty();
    }

    private void twoAlbumsOneWithACover() {
        Album covered = gallery.albums().create(owner, "Covered", "");
        Photo cover = upload(covered, aSmallJpeg());
        upload(covered, aSmallJpeg());
        gallery.albums().setCover(owner, covered.id(), cover.id());
        upload(gallery.albums().create(owner, "Plain", ""), aSmallJpeg());
    }

    private Photo upload(Album album, Fixture file) {
        return gallery.photos().upload(owner, album.id(), Upload.of(file.stream(), file.fileName()));
    }

    private List<Photo> photosOfOwner() {
        return db.photos().search(owner, PhotoQuery.builder().build(), 50, Optional.empty()).items();
    }

    private List<String> blobsOfOwner() {
        return blobs.list(owner + "/", 100, Optional.empty()).items().stream().map(BlobInfo::key).toList();
    }

    private byte[] original(Photo photo) {
        String key = photo.derivatives().stream().filter(d -> d.name().equals("original")).findFirst()
                .orElseThrow().blobKey();
        try (Blob blob = blobs.get(key).orElseThrow(); InputStream in = blob.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> portNamed(String name) {
        return switch (name) {
            case "AlbumRepository" -> AlbumRepository.class;
            case "PhotoRepository" -> PhotoRepository.class;
            case "BlobStore" -> BlobStore.class;
            default -> throw new IllegalArgumentException("no port " + name);
        };
    }

    private static Fixture aSmallJpeg() {
        return PhotoFixtures.aJpeg(64, 48, SEED.incrementAndGet());
    }
}
