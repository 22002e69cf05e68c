package dev.gallerykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.gallerykit.DirectUpload;
import dev.gallerykit.DirectUploadRequest;
import dev.gallerykit.Gallery;
import dev.gallerykit.IssuedLink;
import dev.gallerykit.LinkSettings;
import dev.gallerykit.LinkVisit;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumRole;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.ShareLink;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.memory.InMemoryJobQueue;
import dev.gallerykit.spi.Job;
import dev.gallerykit.spi.JobQueue;
import dev.gallerykit.testkit.faults.Call;
import dev.gallerykit.testkit.faults.FaultPlan;
import dev.gallerykit.testkit.faults.Faults;
import dev.gallerykit.testkit.faults.InjectedFault;
import dev.gallerykit.testkit.faults.Operation;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every write path under an injected fault at each of its port calls in turn. A use case is first run
 * once to record the calls it makes; then, for each call, it runs again on a fresh owner with that call
 * failing before it reaches the store, and (for a write) after it took effect with the response lost.
 * Each case asserts that the call failed with the injected, retryable fault (or, where the fault hit a
 * step the gallery recovers from, that it succeeded), that I1, I3 and I6 hold, that the same call
 * repeated completes the use case, and that I1, I2, I3 and I6 hold after reconcile.
 */
abstract class FaultInjectionContract extends GalleryCase {

    private static final Duration GRACE = Duration.ofDays(1);
    private static final AtomicLong SEED = new AtomicLong(9_000);

    private Faults faults;
    private Gallery faulty;
    private Invariants invariants;

    @BeforeEach
    void wrapThePorts() {
        faults = new Faults();
        faulty = gallery(b -> b.albums(faults.wrap(albums)).photos(faults.wrap(photos)).shares(faults.wrap(shares))
                .blobs(faults.wrap(blobs)));
        invariants = Invariants.over(albums, photos, blobs);
    }

    @TestFactory
    @DisplayName("uploading a photo from a stream")
    Stream<DynamicTest> upload() {
        return atEveryCall(Uploading::new);
    }

    @TestFactory
    @DisplayName("uploading a photo with asynchronous ingest")
    Stream<DynamicTest> asyncUpload() {
        return atEveryCall(UploadingForProcessing::new);
    }

    @TestFactory
    @DisplayName("processing a photo's job, as a worker does")
    Stream<DynamicTest> processJob() {
        return atEveryCall(ProcessingAJob::new);
    }

    @TestFactory
    @DisplayName("completing a direct upload")
    Stream<DynamicTest> completeDirectUpload() {
        return atEveryCall(Completing::new);
    }

    @TestFactory
    @DisplayName("uploading into an album shared with the uploader")
    Stream<DynamicTest> contributorUpload() {
        return atEveryCall(Contributing::new);
    }

    @TestFactory
    @DisplayName("sharing an album")
    Stream<DynamicTest> share() {
        return atEveryCall(Sharing::new);
    }

    @TestFactory
    @DisplayName("making a share link")
    Stream<DynamicTest> createLink() {
        return atEveryCall(MakingALink::new);
    }

    @TestFactory
    @DisplayName("opening a share link with its password")
    Stream<DynamicTest> openLink() {
        return atEveryCall(OpeningALink::new);
    }

    @TestFactory
    @DisplayName("deleting a photo that is its album's cover")
    Stream<DynamicTest> deletePhoto() {
        return atEveryCall(DeletingAPhoto::new);
    }

    @TestFactory
    @DisplayName("moving a photo that is its album's cover")
    Stream<DynamicTest> movePhoto() {
        return atEveryCall(Moving::new);
    }

    @TestFactory
    @DisplayName("deleting an album with photos and a cover")
    Stream<DynamicTest> deleteAlbum() {
        return atEveryCall(DeletingAnAlbum::new);
    }

    @TestFactory
    @DisplayName("purging an owner with two albums")
    Stream<DynamicTest> purgeOwner() {
        return atEveryCall(Purging::new);
    }

    /** Records the calls of one clean run, then makes a case of every fault worth injecting at each. */
    private Stream<DynamicTest> atEveryCall(Supplier<Scenario> scenarios) {
        Scenario dryRun = scenarios.get();
        dryRun.setUp();
        faults.record();
        dryRun.call();
        List<Call> calls = faults.calls();
        dryRun.assertDone();
        assertThat(calls).as("the calls the use case makes").isNotEmpty();
        return calls.stream().flatMap(call -> call.faults().stream())
                .map(plan -> dynamicTest(nameOf(plan, scenarios.get()), () -> runWith(plan, scenarios.get())));
    }

    private static String nameOf(FaultPlan plan, Scenario scenario) {
        return plan + (scenario.recoversFrom(plan) ? ": the call still succeeds" : ": the call fails, a retry completes it");
    }

    private void runWith(FaultPlan plan, Scenario scenario) {
        scenario.setUp();
        faults.inject(plan);
        Throwable thrown = catchThrowable(scenario::call);
        faults.disarm();

        InjectedFault fault = faults.fired().orElseThrow(() -> new AssertionError("the fault " + plan
                + " never struck; the calls were " + faults.calls()));
        if (scenario.recoversFrom(plan)) {
            assertThat(thrown).as("the outcome of the call under " + plan).isNull();
        } else {
            assertThat(thrown).as("the outcome of the call under " + plan).isSameAs(fault);
        }
        invariants.assertHold(scenario.owner);

        if (thrown != null) {
            scenario.call();
        }
        scenario.assertDone();
        invariants.assertHoldAfterReconcile(scenario.owner, gallery.maintenance(), clock, GRACE);
        scenario.assertDone();
    }

    /** One use case: the state it starts from, the call, and what the state is once the call completed. */
    private abstract class Scenario {

        final UserId owner = new UserId(UUID.randomUUID());

        /** Builds the starting state, through the gallery over the decorated ports (nothing is armed yet). */
        abstract void setUp();

        /** The call under test; {@link #setUp} ran first, and it may run again as a retry. */
        abstract void call();

        /** The state after the call completed (once, however often it was tried). */
        abstract void assertDone();

        /** Whether the use case completes in spite of this fault. */
        boolean recoversFrom(FaultPlan plan) {
            return false;
        }

        Album album(String name) {
            return faulty.albums().create(owner, name, "");
        }

        Photo upload(Album album) {
            Fixture file = aSmallJpeg();
            return faulty.photos().upload(owner, album.id(), Upload.of(file.stream(), file.fileName()));
        }

        Optional<Photo> find(Photo photo) {
            return photos.find(owner, photo.id());
        }
    }

    private static Fixture aSmallJpeg() {
        return PhotoFixtures.aJpeg(64, 48, SEED.incrementAndGet());
    }

    /** A lost response to the record's create: the record is there, so the upload succeeded. */
    private static boolean lostCreate(FaultPlan plan) {
        return plan.equals(FaultPlan.after(Operation.PHOTO_CREATE, 1));
    }

    private final class Uploading extends Scenario {
        private final Fixture file = aSmallJpeg();
        private Album album;

        @Override
        void setUp() {
            album = album("Uploads");
        }

        @Override
        void call() {
            faulty.photos().upload(owner, album.id(), Upload.of(file.stream(), file.fileName()));
        }

        @Override
        void assertDone() {
            assertThat(photosOf(owner)).as("the photos of the owner").singleElement().satisfies(photo -> {
                assertThat(photo.albumId()).isEqualTo(album.id());
                assertThat(photo.sha256()).isEqualTo(sha256Of(file.bytes()));
            });
        }

        @Override
        boolean recoversFrom(FaultPlan plan) {
            return lostCreate(plan);
        }
    }

    /** A gallery with asynchronous ingest over the decorated ports, and the queue it sends to. */
    private Gallery asynchronous(JobQueue queue) {
        return gallery(b -> b.albums(faults.wrap(albums)).photos(faults.wrap(photos)).shares(faults.wrap(shares))
                .blobs(faults.wrap(blobs)).asynchronous(queue));
    }

    private final class UploadingForProcessing extends Scenario {
        private final Fixture file = aSmallJpeg();
        private final Gallery async = asynchronous(new InMemoryJobQueue());
        private Album album;

        @Override
        void setUp() {
            album = album("Async uploads");
        }

        @Override
        void call() {
            async.photos().upload(owner, album.id(), Upload.of(file.stream(), file.fileName()));
        }

        @Override
        void assertDone() {
            assertThat(photosOf(owner)).as("the photos of the owner").singleElement().satisfies(photo -> {
                assertThat(photo.albumId()).isEqualTo(album.id());
                assertThat(photo.sha256()).isEqualTo(sha256Of(file.bytes()));
                assertThat(photo.status()).isEqualTo(dev.gallerykit.domain.PhotoStatus.PROCESSING);
                assertThat(storedBytes(photo, "original")).isEqualTo(file.bytes());
            });
        }

        @Override
        boolean recoversFrom(FaultPlan plan) {
            return lostCreate(plan);
        }
    }

    private final class ProcessingAJob extends Scenario {
        private final Gallery async = asynchronous(new InMemoryJobQueue());
        private Photo accepted;

        @Override
        void setUp() {
            Fixture file = aSmallJpeg();
            accepted = async.photos().upload(owner, album("Processing").id(), Upload.of(file.stream(), file.fileName()));
        }

        @Override
        void call() {
            async.jobs().handle(Job.processPhoto(owner, accepted.id()));
        }

        @Override
        void assertDone() {
            Photo ready = find(accepted).orElseThrow();
            assertThat(ready.status()).isEqualTo(dev.gallerykit.domain.PhotoStatus.READY);
            assertThat(ready.hasThumbnails()).isTrue();
            assertThat(ready.original()).isEqualTo(accepted.original());
            assertThat(ready.tags()).contains(dev.gallerykit.domain.Tag.machine("sunny", 0.9));
            for (var thumbnail : ready.thumbnails()) {
                assertThat(storedBytes(ready, thumbnail.name())).isNotEmpty();
            }
        }
    }

    private final class Completing extends Scenario {
        private final Fixture file = aSmallJpeg();
        private Album album;
        private DirectUpload upload;

        @Override
        void setUp() {
            album = album("Direct");
            upload = faulty.photos().startDirectUpload(owner, album.id(),
                    DirectUploadRequest.of(file.fileName(), "image/jpeg", file.size()));
            presigned.put(upload.put(), file.bytes());
        }

        @Override
        void call() {
            faulty.photos().completeDirectUpload(owner, upload.token());
        }

        @Override
        void assertDone() {
            assertThat(photosOf(owner)).as("the photos of the owner").singleElement().satisfies(photo -> {
                assertThat(photo.id()).isEqualTo(upload.photoId());
                assertThat(photo.albumId()).isEqualTo(album.id());
                assertThat(photo.sha256()).isEqualTo(sha256Of(file.bytes()));
                assertThat(storedBytes(photo, "original")).isEqualTo(file.bytes());
            });
        }

        @Override
        boolean recoversFrom(FaultPlan plan) {
            // The uploaded (staging) object is removed last and best-effort: the photo is complete by then,
            // and reconcile removes a staging object left behind.
            return lostCreate(plan) || plan.operation() == Operation.BLOB_DELETE;
        }
    }

    private final class DeletingAPhoto extends Scenario {
        private Album album;
        private Photo doomed;
        private Photo kept;

        @Override
        void setUp() {
            album = album("Covered");
            doomed = upload(album);
            kept = upload(album);
            faulty.albums().setCover(owner, album.id(), doomed.id());
        }

        @Override
        void call() {
            faulty.photos().delete(owner, doomed.id());
        }

        @Override
        void assertDone() {
            assertThat(find(doomed)).as("the deleted photo").isEmpty();
            assertThat(find(kept)).as("the other photo").contains(kept);
            assertThat(albums.find(owner, album.id()).orElseThrow().cover()).as("the album's cover").isEmpty();
        }
    }

    private final class Moving extends Scenario {
        private Album from;
        private Album to;
        private Photo photo;

        @Override
        void setUp() {
            from = album("From");
            to = album("To");
            photo = upload(from);
            faulty.albums().setCover(owner, from.id(), photo.id());
        }

        @Override
        void call() {
            faulty.photos().move(owner, photo.id(), to.id());
        }

        @Override
        void assertDone() {
            assertThat(find(photo).orElseThrow().albumId()).as("the moved photo's album").isEqualTo(to.id());
            assertThat(albums.find(owner, from.id()).orElseThrow().cover()).as("the old album's cover").isEmpty();
        }
    }

    private final class DeletingAnAlbum extends Scenario {
        private final UserId member = new UserId(UUID.randomUUID());
        private Album doomed;
        private List<Photo> inside;
        private Photo kept;

        @Override
        void setUp() {
            doomed = album("Doomed");
            inside = List.of(upload(doomed), upload(doomed));
            faulty.albums().setCover(owner, doomed.id(), inside.get(0).id());
            faulty.sharing().share(owner, doomed.id(), member, AlbumRole.VIEWER, false);
            kept = upload(album("Kept"));
        }

        @Override
        void call() {
            faulty.albums().delete(owner, doomed.id());
        }

        @Override
        void assertDone() {
            assertThat(albums.find(owner, doomed.id())).as("the deleted album").isEmpty();
            assertThat(photosOf(owner)).as("the photos left").containsExactly(kept);
            assertThat(shares.listSharedWith(member, 10, Optional.empty()).items()).as("I6: the album's memberships")
                    .isEmpty();
        }
    }

    private final class Purging extends Scenario {
        private final UserId member = new UserId(UUID.randomUUID());
        private final UserId host = new UserId(UUID.randomUUID());
        private Photo givenAway;

        @Override
        void setUp() {
            Album covered = album("Covered");
            Photo cover = upload(covered);
            faulty.albums().setCover(owner, covered.id(), cover.id());
            faulty.sharing().share(owner, covered.id(), member, AlbumRole.VIEWER, false);
            upload(album("Plain"));
            // The owner also contributes to someone else's album: that photo is the host's and stays.
            Album hosts = faulty.albums().create(host, "Hosted", "");
            faulty.sharing().share(host, hosts.id(), owner, AlbumRole.CONTRIBUTOR, false);
            givenAway = upload(hosts);
        }

        @Override
        void call() {
            faulty.owners().purge(owner);
        }

        @Override
        void assertDone() {
            assertThat(albums.list(owner, 10, Optional.empty()).items()).as("the owner's albums").isEmpty();
            assertThat(photosOf(owner)).as("the owner's photos").isEmpty();
            assertThat(shares.listSharedWith(member, 10, Optional.empty()).items())
                    .as("I6: memberships of the owner's albums").isEmpty();
            assertThat(shares.listSharedWith(owner, 10, Optional.empty()).items())
                    .as("the owner's memberships of other albums").isEmpty();
            assertThat(photosOf(host)).as("what the owner uploaded into the host's album").containsExactly(givenAway);
        }
    }

    private final class Contributing extends Scenario {
        private final UserId contributor = new UserId(UUID.randomUUID());
        private final Fixture file = aSmallJpeg();
        private Album album;

        @Override
        void setUp() {
            album = album("Shared");
            faulty.sharing().share(owner, album.id(), contributor, AlbumRole.CONTRIBUTOR, false);
        }

        @Override
        void call() {
            faulty.photos().upload(contributor, album.id(), Upload.of(file.stream(), file.fileName()));
        }

        @Override
        void assertDone() {
            assertThat(photosOf(owner)).as("the photos of the album's owner").singleElement().satisfies(photo -> {
                assertThat(photo.albumId()).isEqualTo(album.id());
                assertThat(photo.uploaderId()).isEqualTo(contributor);
                assertThat(photo.sha256()).isEqualTo(sha256Of(file.bytes()));
            });
            assertThat(blobKeysOf(contributor)).as("blobs under the uploader's prefix").isEmpty();
        }

        @Override
        boolean recoversFrom(FaultPlan plan) {
            return lostCreate(plan);
        }
    }

    private final class Sharing extends Scenario {
        private final UserId member = new UserId(UUID.randomUUID());
        private Album album;

        @Override
        void setUp() {
            album = album("To share");
            upload(album);
        }

        @Override
        void call() {
            faulty.sharing().share(owner, album.id(), member, AlbumRole.CONTRIBUTOR, true);
        }

        @Override
        void assertDone() {
            assertThat(shares.findMember(album.id(), member)).as("the membership").hasValueSatisfying(membership -> {
                assertThat(membership.ownerId()).isEqualTo(owner);
                assertThat(membership.role()).isEqualTo(AlbumRole.CONTRIBUTOR);
                assertThat(membership.originals()).isTrue();
            });
            assertThat(faulty.photos().list(member, album.id(), PageRequest.first(10)).items()).as("what the member sees")
                    .hasSize(1);
        }
    }

    private final class MakingALink extends Scenario {
        private Album album;
        private IssuedLink made;

        @Override
        void setUp() {
            album = album("Linked");
            upload(album);
        }

        @Override
        void call() {
            made = faulty.sharing().createLink(owner, album.id(), LinkSettings.defaults());
        }

        @Override
        void assertDone() {
            // A retry after a lost response makes a second link; the first one's token was never seen.
            assertThat(shares.listLinks(owner, album.id(), 10, Optional.empty()).items()).as("the album's links")
                    .isNotEmpty().extracting(ShareLink::id).contains(made.link().id());
            assertThat(gallery.links().photos(gallery.links().open(made.token(), Optional.empty()).ticket(),
                    PageRequest.first(10)).items()).as("what the link shows").hasSize(1);
        }
    }

    private final class OpeningALink extends Scenario {
        private IssuedLink link;
        private LinkVisit visit;

        @Override
        void setUp() {
            Album album = album("Guarded");
            upload(album);
            link = faulty.sharing().createLink(owner, album.id(), LinkSettings.defaults().withPassword("open sesame"));
        }

        @Override
        void call() {
            visit = faulty.links().open(link.token(), Optional.of("open sesame"));
        }

        @Override
        void assertDone() {
            // The clock may have moved past the ticket (reconcile steps over a day): the visit itself tells.
            assertThat(visit.album().name()).isEqualTo("Guarded");
            assertThat(shares.findLink(owner, link.link().id()).orElseThrow().failedGuesses())
                    .as("wrong guesses after the right password").isZero();
        }
    }
}
