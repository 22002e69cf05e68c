package dev.gallerykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.DirectUpload;
import dev.gallerykit.DirectUploadRequest;
import dev.gallerykit.Gallery;
import dev.gallerykit.GalleryWorker;
import dev.gallerykit.JobHandler.Outcome;
import dev.gallerykit.LinkSettings;
import dev.gallerykit.PhotoUpdate;
import dev.gallerykit.PublicPhoto;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumRole;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.GalleryEvent;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoStatus;
import dev.gallerykit.domain.Processing;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.error.AccessDeniedException;
import dev.gallerykit.error.DuplicatePhotoException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.LimitExceededException;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.error.UnsupportedMediaException;
import dev.gallerykit.memory.InProcessEventPublisher;
import dev.gallerykit.spi.Delivery;
import dev.gallerykit.spi.ImageLabeler;
import dev.gallerykit.spi.Job;
import dev.gallerykit.spi.JobQueue;
import dev.gallerykit.testkit.contract.Race;
import dev.gallerykit.testkit.faults.FaultPlan;
import dev.gallerykit.testkit.faults.Faults;
import dev.gallerykit.testkit.faults.Operation;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The use cases with asynchronous ingest: an upload checks the file, stores the original and a
 * processing record and sends a job; handling the job (what a worker does) makes the renditions and
 * tags. Handling is idempotent under every way a job comes back: twice in a row, twice at once, after
 * the photo changed or went, after a lost response, after a crash that reconcile finds.
 */
abstract class AsyncIngestContract extends GalleryCase {

    private static final Duration GRACE = Duration.ofDays(1);
    private static final AtomicLong SEED = new AtomicLong(31_000);

    private JobQueue queue;
    private List<GalleryEvent> events;
    private Gallery async;
    private Invariants invariants;

    @BeforeEach
    void buildAnAsynchronousGallery() {
        queue = fixture().queues().get();
        events = Collections.synchronizedList(new ArrayList<>());
        InProcessEventPublisher publisher = new InProcessEventPublisher().listen(events::add);
        async = gallery(b -> b.asynchronous(queue).events(publisher));
        invariants = Invariants.over(albums, photos, blobs);
    }

    private static Fixture aJpeg() {
        return PhotoFixtures.aJpeg(96, 64, SEED.incrementAndGet());
    }

    private Photo uploadAsync(Album album, Fixture file) {
        return async.photos().upload(alice, album.id(), Upload.of(file.stream(), file.fileName()));
    }

    /** The jobs waiting in the queue, received (and so hidden) for a minute. */
    private List<Delivery> waiting() {
        List<Delivery> all = new ArrayList<>();
        List<Delivery> batch;
        do {
            batch = queue.receive(JobQueue.MAX_BATCH, Duration.ofSeconds(1), Duration.ofMinutes(1));
            all.addAll(batch);
        } while (!batch.isEmpty());
        return all;
    }

    /** The waiting jobs of {@code owner}'s photos; the others (of a store other tests share) are completed unread. */
    private List<Delivery> waitingFor(dev.gallerykit.domain.UserId owner) {
        List<Delivery> all = waiting();
        queue.complete(all.stream().filter(d -> !d.job().ownerId().equals(owner)).toList());
        return all.stream().filter(d -> d.job().ownerId().equals(owner)).toList();
    }

    private List<GalleryEvent.Type> eventTypes() {
        synchronized (events) {
            return events.stream().map(GalleryEvent::type).toList();
        }
    }

    private List<String> thumbnailNames(Photo photo) {
        return photo.thumbnails().stream().map(Derivative::name).toList();
    }

    @Test
    @DisplayName("an upload answers at once with a processing photo and a job; handling it makes what synchronous ingest makes")
    void uploadThenProcess() {
        Album album = anAlbum(alice, "Async");
        Fixture file = aJpeg();
        Photo accepted = uploadAsync(album, file);

        assertThat(accepted.status()).isEqualTo(PhotoStatus.PROCESSING);
        assertThat(accepted.derivatives()).extracting(Derivative::name).containsExactly(Derivative.ORIGINAL);
        assertThat(accepted.hasThumbnails()).isFalse();
        assertThat(accepted.tags()).as("no machine tags before the worker").isEmpty();
        assertThat(accepted.dimensions()).as("the header was read at upload").isPresent();
        assertThat(gallery.photos().get(alice, accepted.id())).isEqualTo(accepted);
        assertThat(storedBytes(accepted, Derivative.ORIGINAL)).isEqualTo(file.bytes());
        invariants.assertHold(alice);

        List<Delivery> jobs = waiting();
        assertThat(jobs).extracting(Delivery::job).containsExactly(Job.processPhoto(alice, accepted.id()));
        assertThat(async.jobs().handle(jobs.get(0).job())).isEqualTo(Outcome.READY);
        queue.complete(jobs);

        Photo ready = gallery.photos().get(alice, accepted.id());
        Photo synchronous = upload(bob, anAlbum(bob, "Sync").id(), file);
        assertThat(ready.status()).isEqualTo(PhotoStatus.READY);
        assertThat(ready.processing()).isEqualTo(new Processing(PhotoStatus.READY, 1, java.util.Optional.empty()));
        assertThat(thumbnailNames(ready)).isNotEmpty().isEqualTo(thumbnailNames(synchronous));
        assertThat(ready.tags()).isEqualTo(synchronous.tags()).contains(Tag.machine("sunny", 0.9));
        assertThat(ready.metadata()).isEqualTo(synchronous.metadata());
        assertThat(ready.original()).isEqualTo(accepted.original());
        for (Derivative thumbnail : ready.thumbnails()) {
            assertThat(dimensionsOf(storedBytes(ready, thumbnail.name()))).isEqualTo(thumbnail.dimensions().orElseThrow());
        }
        assertThat(eventTypes()).containsExactly(GalleryEvent.Type.PHOTO_UPLOADED, GalleryEvent.Type.PHOTO_READY);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.photoId()).contains(accepted.id());
            assertThat(e.albumId()).contains(album.id());
            assertThat(e.userId()).isEqualTo(alice);
        });
        assertThat(events.get(0).id()).isNotEqualTo(events.get(1).id());
        invariants.assertHoldAfterReconcile(alice, gallery.maintenance(), clock, GRACE);
    }

    @Test
    @DisplayName("a completed direct upload is processing too, and its job finishes it")
    void directUpload() {
        Album album = anAlbum(alice, "Direct");
        Fixture file = aJpeg();
        DirectUpload upload = async.photos().startDirectUpload(alice, album.id(),
                DirectUploadRequest.of(file.fileName(), "image/jpeg", file.size()));
        presigned.put(upload.put(), file.bytes());

        Photo accepted = async.photos().completeDirectUpload(alice, upload.token());
        assertThat(accepted.status()).isEqualTo(PhotoStatus.PROCESSING);
        assertThat(async.photos().completeDirectUpload(alice, upload.token())).as("a repeated completion").isEqualTo(accepted);

        List<Delivery> jobs = waiting();
        assertThat(jobs).extracting(Delivery::job).containsExactly(Job.processPhoto(alice, upload.photoId()));
        assertThat(async.jobs().handle(jobs.get(0).job())).isEqualTo(Outcome.READY);
        assertThat(gallery.photos().get(alice, upload.photoId()).hasThumbnails()).isTrue();
        invariants.assertHoldAfterReconcile(alice, gallery.maintenance(), clock, GRACE);
    }

    @Test
    @DisplayName("a file that is not an image, a pixel bomb or a duplicate is refused at upload: no record, no blob, no job")
    void refusedAtUpload() {
        Album album = anAlbum(alice, "Refused");
        assertThatThrownBy(() -> uploadAsync(album, PhotoFixtures.aTextFileNamedJpg()))
                .isInstanceOf(UnsupportedMediaException.class);
        assertThatThrownBy(() -> uploadAsync(album, PhotoFixtures.aHugeHeaderPng()))
                .isInstanceOf(LimitExceededException.class);
        assertNothingStoredFor(alice);

        Fixture file = aJpeg();
        Photo first = uploadAsync(album, file);
        assertThatThrownBy(() -> uploadAsync(album, file))
                .isInstanceOfSatisfying(DuplicatePhotoException.class, e -> assertThat(e.existing()).isEqualTo(first.id()));
        assertThat(photosOf(alice)).containsExactly(first);
        assertThat(waiting()).extracting(Delivery::job).containsExactly(Job.processPhoto(alice, first.id()));
        assertThat(eventTypes()).containsExactly(GalleryEvent.Type.PHOTO_UPLOADED);
    }

    @Test
    @DisplayName("the same job handled again is skipped and leaves exactly the blobs the record names")
    void sameJobTwice() {
        Photo accepted = uploadAsync(anAlbum(alice, "Twice"), aJpeg());
        Job job = Job.processPhoto(alice, accepted.id());

        assertThat(async.jobs().handle(job)).isEqualTo(Outcome.READY);
        Photo ready = gallery.photos().get(alice, accepted.id());
        assertThat(async.jobs().handle(job)).isEqualTo(Outcome.SKIPPED);

        assertThat(gallery.photos().get(alice, accepted.id())).isEqualTo(ready);
        assertThat(blobKeysOf(alice)).containsExactlyInAnyOrderElementsOf(blobKeysIn(ready));
        assertThat(eventTypes()).containsExactly(GalleryEvent.Type.PHOTO_UPLOADED, GalleryEvent.Type.PHOTO_READY);
    }

    @Test
    @DisplayName("two workers handling one job at the same moment: one makes it ready, the other takes its blobs back")
    void sameJobAtOnce() throws InterruptedException {
        for (int round = 0; round < 4; round++) {
            Photo accepted = uploadAsync(anAlbum(alice, "Race " + round), aJpeg());
            Job job = Job.processPhoto(alice, accepted.id());

            Race.Results<Outcome> results = Race.run(2, contender -> async.jobs().handle(job));

            assertThat(results.failures()).as(results.failureTraces()).isEmpty();
            assertThat(results.wins()).containsExactlyInAnyOrder(Outcome.READY, Outcome.SKIPPED);
            Photo ready = gallery.photos().get(alice, accepted.id());
            assertThat(ready.status()).isEqualTo(PhotoStatus.READY);
            assertThat(ready.hasThumbnails()).isTrue();
        }
        List<String> referenced = photosOf(alice).stream().flatMap(p -> blobKeysIn(p).stream()).toList();
        assertThat(blobKeysOf(alice)).as("no blob of the losing tries is left").containsExactlyInAnyOrderElementsOf(referenced);
        invariants.assertHoldAfterReconcile(alice, gallery.maintenance(), clock, GRACE);
    }

    @Test
    @DisplayName("a job for a photo deleted before it runs is skipped, and nothing of the photo is left")
    void photoDeletedBefore() {
        Photo accepted = uploadAsync(anAlbum(alice, "Gone"), aJpeg());
        async.photos().delete(alice, accepted.id());

        assertThat(async.jobs().handle(Job.processPhoto(alice, accepted.id()))).isEqualTo(Outcome.SKIPPED);
        assertThat(blobKeysOf(alice)).isEmpty();
        assertThat(eventTypes()).containsExactly(GalleryEvent.Type.PHOTO_UPLOADED, GalleryEvent.Type.PHOTO_DELETED);
    }

    @Test
    @DisplayName("a photo deleted while its job runs: the job is skipped and takes the renditions it wrote back")
    void photoDeletedWhileRunning() {
        AtomicReference<Photo> doomed = new AtomicReference<>();
        // The labeler runs after the renditions are stored and before the record names them.
        ImageLabeler deleting = jpeg -> {
            async.photos().delete(alice, doomed.get().id());
            return List.of(Tag.machine("late", 0.5));
        };
        Gallery worker = gallery(b -> b.asynchronous(queue).labeler(deleting));
        doomed.set(uploadAsync(anAlbum(alice, "Doomed"), aJpeg()));

        assertThat(worker.jobs().handle(Job.processPhoto(alice, doomed.get().id()))).isEqualTo(Outcome.SKIPPED);
        assertThat(photosOf(alice)).isEmpty();
        assertThat(blobKeysOf(alice)).as("no rendition is left behind").isEmpty();
    }

    @Test
    @DisplayName("an edit while the photo is processing is kept, with the renditions and machine tags of the job")
    void editWhileRunning() {
        AtomicReference<Photo> edited = new AtomicReference<>();
        ImageLabeler editing = jpeg -> {
            async.photos().update(alice, edited.get().id(), PhotoUpdate.of(u -> u.title("Renamed").tags(List.of("pier"))));
            return List.of(Tag.machine("sunny", 0.9));
        };
        Gallery worker = gallery(b -> b.asynchronous(queue).labeler(editing));
        edited.set(uploadAsync(anAlbum(alice, "Edited"), aJpeg()));

        assertThat(worker.jobs().handle(Job.processPhoto(alice, edited.get().id()))).isEqualTo(Outcome.READY);
        Photo ready = gallery.photos().get(alice, edited.get().id());
        assertThat(ready.title()).isEqualTo("Renamed");
        assertThat(ready.tags()).containsExactly(Tag.user("pier"), Tag.machine("sunny", 0.9));
        assertThat(ready.hasThumbnails()).isTrue();
        invariants.assertHoldAfterReconcile(alice, gallery.maintenance(), clock, GRACE);
    }

    @Test
    @DisplayName("a file whose pixels cannot be decoded ends failed with a reason, its original kept, and is not tried again")
    void poisonFile() {
        Fixture poison = PhotoFixtures.aTruncatedJpeg();
        Photo accepted = uploadAsync(anAlbum(alice, "Poison"), poison);
        Job job = Job.processPhoto(alice, accepted.id());

        assertThat(async.jobs().handle(job)).isEqualTo(Outcome.FAILED);
        Photo failed = gallery.photos().get(alice, accepted.id());
        assertThat(failed.status()).isEqualTo(PhotoStatus.FAILED);
        assertThat(failed.processing().reason()).hasValueSatisfying(r -> assertThat(r).contains("truncated or corrupt"));
        assertThat(failed.hasThumbnails()).isFalse();
        assertThat(storedBytes(failed, Derivative.ORIGINAL)).isEqualTo(poison.bytes());
        assertThat(async.jobs().handle(job)).as("a redelivery").isEqualTo(Outcome.SKIPPED);
        assertThat(eventTypes()).containsExactly(GalleryEvent.Type.PHOTO_UPLOADED, GalleryEvent.Type.PHOTO_FAILED);
        assertThat(events.get(1).reason()).isEqualTo(failed.processing().reason());
        invariants.assertHoldAfterReconcile(alice, gallery.maintenance(), clock, GRACE);
        assertThat(waiting()).as("reconcile does not bring a failed photo back").extracting(Delivery::job)
                .containsExactly(job);
    }

    @Test
    @DisplayName("tries that never finish are counted in the record: after the limit the photo ends failed, whatever brings the job back")
    void attemptsRunOut() {
        Faults faults = new Faults();
        Gallery flaky = gallery(b -> b.asynchronous(queue).maxProcessingAttempts(2).blobs(faults.wrap(blobs)));
        Photo accepted = flaky.photos().upload(alice, anAlbum(alice, "Flaky").id(),
                Upload.of(aJpeg().stream(), "flaky.jpg"));
        Job job = Job.processPhoto(alice, accepted.id());

        for (int attempt = 1; attempt <= 2; attempt++) {
            // The original cannot be read: the worker gives up this try (as a worker that dies would).
            faults.inject(FaultPlan.before(Operation.BLOB_GET, 1));
            assertThatThrownBy(() -> flaky.jobs().handle(job)).isInstanceOf(StorageUnavailableException.class);
            faults.disarm();
            assertThat(photos.find(alice, accepted.id()).orElseThrow().processing().attempts()).isEqualTo(attempt);
        }
        assertThat(flaky.jobs().handle(job)).isEqualTo(Outcome.FAILED);
        Photo failed = gallery.photos().get(alice, accepted.id());
        assertThat(failed.processing().reason()).hasValueSatisfying(r -> assertThat(r).contains("gave up after 2 attempts"));
        assertThat(storedBytes(failed, Derivative.ORIGINAL)).isNotEmpty();
        invariants.assertHoldAfterReconcile(alice, gallery.maintenance(), clock, GRACE);
    }

    @Test
    @DisplayName("a lost response to the record write is a success: the next delivery is skipped and the renditions stay")
    void lostResponseToTheFinalWrite() {
        Faults faults = new Faults();
        Gallery lossy = gallery(b -> b.asynchronous(queue).photos(faults.wrap(photos)));
        Photo accepted = uploadAsync(anAlbum(alice, "Lossy"), aJpeg());
        Job job = Job.processPhoto(alice, accepted.id());
        // The worker's second update is the one that names the renditions (the first counts the attempt).
        faults.inject(FaultPlan.after(Operation.PHOTO_UPDATE, 2));

        assertThatThrownBy(() -> lossy.jobs().handle(job)).isInstanceOf(StorageUnavailableException.class);
        faults.disarm();
        Photo ready = gallery.photos().get(alice, accepted.id());
        assertThat(ready.status()).isEqualTo(PhotoStatus.READY);
        assertThat(blobKeysOf(alice)).containsExactlyInAnyOrderElementsOf(blobKeysIn(ready));
        assertThat(lossy.jobs().handle(job)).isEqualTo(Outcome.SKIPPED);
        invariants.assertHoldAfterReconcile(alice, gallery.maintenance(), clock, GRACE);
    }

    @Test
    @DisplayName("a job that could not be sent is sent again by reconcile once the grace has passed, and the photo then finishes")
    void lostJobIsFoundByReconcile() {
        JobQueue refusing = new RefusingQueue(queue);
        Gallery unsent = gallery(b -> b.asynchronous(refusing));
        Photo accepted = unsent.photos().upload(alice, anAlbum(alice, "Unsent").id(), Upload.of(aJpeg().stream(), "unsent.jpg"));
        assertThat(accepted.status()).as("the upload still succeeds: the original is safe").isEqualTo(PhotoStatus.PROCESSING);
        assertThat(waiting()).isEmpty();

        // Reconcile walks the whole store, which other tests may share: only this owner's jobs are looked at.
        async.maintenance().reconcile(GRACE);
        assertThat(waitingFor(alice)).as("within the grace").isEmpty();
        clock.advance(GRACE.plusMinutes(1));
        assertThat(async.maintenance().reconcile(GRACE).requeued()).isPositive();

        List<Delivery> jobs = waitingFor(alice);
        assertThat(jobs).extracting(Delivery::job).containsExactly(Job.processPhoto(alice, accepted.id()));
        assertThat(async.jobs().handle(jobs.get(0).job())).isEqualTo(Outcome.READY);
        async.maintenance().reconcile(GRACE);
        assertThat(waitingFor(alice)).as("a ready photo is not sent again").isEmpty();
        invariants.assertHoldAfterReconcile(alice, gallery.maintenance(), clock, GRACE);
    }

    @Test
    @DisplayName("a job for a photo whose album was deleted is skipped and leaves nothing")
    void albumDeletedBefore() {
        Album album = anAlbum(alice, "Deleted");
        Photo accepted = uploadAsync(album, aJpeg());
        async.albums().delete(alice, album.id());

        assertThat(async.jobs().handle(Job.processPhoto(alice, accepted.id()))).isEqualTo(Outcome.SKIPPED);
        assertThat(blobKeysOf(alice)).isEmpty();
        assertThat(eventTypes()).containsExactly(GalleryEvent.Type.PHOTO_UPLOADED, GalleryEvent.Type.ALBUM_DELETED);
        invariants.assertHold(alice);
    }

    @Test
    @DisplayName("a contributor's upload is processing and belongs to the owner; machine tags are added later by the owner only")
    void contributorAndMachineTags() {
        Album album = anAlbum(alice, "Shared");
        async.sharing().share(alice, album.id(), bob, AlbumRole.CONTRIBUTOR, false);
        Fixture file = aJpeg();
        Photo accepted = async.photos().upload(bob, album.id(), Upload.of(file.stream(), file.fileName()));
        assertThat(accepted.ownerId()).isEqualTo(alice);
        assertThat(accepted.uploaderId()).isEqualTo(bob);
        assertThat(async.jobs().handle(Job.processPhoto(alice, accepted.id()))).isEqualTo(Outcome.READY);

        Photo tagged = async.photos().addMachineTags(alice, accepted.id(), List.of(Tag.machine("harbour", 0.75),
                Tag.machine("sunny", 0.5)));
        assertThat(tagged.tags()).containsExactly(Tag.machine("sunny", 0.9), Tag.machine("harbour", 0.75));
        assertThat(async.photos().addMachineTags(alice, accepted.id(), List.of(Tag.machine("harbour", 0.75))))
                .as("nothing new: not written").isEqualTo(tagged);
        assertThatThrownBy(() -> async.photos().addMachineTags(bob, accepted.id(), List.of(Tag.machine("boat", 0.5))))
                .isInstanceOf(AccessDeniedException.class);
        assertInvalid(() -> async.photos().addMachineTags(alice, accepted.id(), List.of(Tag.user("mine"))), "tags");
        assertThat(gallery.photos().get(alice, accepted.id())).isEqualTo(tagged);
    }

    @Test
    @DisplayName("a share link shows a processing photo as processing with no rendition, then ready with them")
    void linkShowsTheStatus() {
        Album album = anAlbum(alice, "Linked");
        Photo accepted = uploadAsync(album, aJpeg());
        String token = async.sharing().createLink(alice, album.id(), LinkSettings.defaults()).token();
        String ticket = async.links().open(token, java.util.Optional.empty()).ticket();

        PublicPhoto processing = async.links().photo(ticket, accepted.id());
        assertThat(processing.status()).isEqualTo(PhotoStatus.PROCESSING);
        assertThat(processing.files()).isEmpty();

        async.jobs().handle(Job.processPhoto(alice, accepted.id()));
        PublicPhoto ready = async.links().photo(ticket, accepted.id());
        assertThat(ready.status()).isEqualTo(PhotoStatus.READY);
        assertThat(ready.files()).containsExactlyElementsOf(thumbnailNames(gallery.photos().get(alice, accepted.id())));
    }

    @Test
    @DisplayName("synchronous ingest publishes uploaded and ready at once; deletes publish theirs")
    void synchronousEvents() {
        List<GalleryEvent> seen = Collections.synchronizedList(new ArrayList<>());
        Gallery sync = gallery(b -> b.events(new InProcessEventPublisher().listen(seen::add)));
        Album album = sync.albums().create(alice, "Sync", "");
        Photo photo = sync.photos().upload(alice, album.id(), Upload.of(aJpeg().stream(), "sync.jpg"));
        assertThat(photo.status()).isEqualTo(PhotoStatus.READY);
        sync.photos().delete(alice, photo.id());
        sync.albums().delete(alice, album.id());

        assertThat(seen).extracting(GalleryEvent::type).containsExactly(GalleryEvent.Type.PHOTO_UPLOADED,
                GalleryEvent.Type.PHOTO_READY, GalleryEvent.Type.PHOTO_DELETED, GalleryEvent.Type.ALBUM_DELETED);
        assertThat(seen.get(3).albumId()).contains(album.id());
        assertThat(seen.get(3).photoId()).isEmpty();
    }

    @Test
    @DisplayName("a worker with two threads finishes every upload, fails the poison one, and says what it did")
    void workerEndToEnd() {
        Album album = anAlbum(alice, "Worker");
        List<Photo> accepted = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            accepted.add(uploadAsync(album, aJpeg()));
        }
        Photo poison = uploadAsync(album, PhotoFixtures.aTruncatedJpeg());

        GalleryWorker.Metrics metrics;
        try (GalleryWorker worker = GalleryWorker.builder(async).threads(2).wait(Duration.ofMillis(200))
                .visibility(Duration.ofSeconds(30)).build().start()) {
            assertThat(worker.isRunning()).isTrue();
            eventually(() -> photosOf(alice).stream().noneMatch(p -> p.processing().isProcessing()));
            eventually(() -> worker.metrics().completed() == 7);
            metrics = worker.metrics();
        }
        assertThat(metrics.ready()).isEqualTo(6);
        assertThat(metrics.failed()).isEqualTo(1);
        assertThat(metrics.handled()).isEqualTo(7);
        assertThat(accepted).allSatisfy(p -> assertThat(gallery.photos().get(alice, p.id()).hasThumbnails()).isTrue());
        assertThat(gallery.photos().get(alice, poison.id()).status()).isEqualTo(PhotoStatus.FAILED);
        assertThat(waiting()).as("every job completed").isEmpty();
        invariants.assertHoldAfterReconcile(alice, gallery.maintenance(), clock, GRACE);
    }

    @Test
    @DisplayName("a worker releases a job that hit an outage; the job comes back and finishes")
    void workerRetriesAnOutage() {
        Faults faults = new Faults();
        Gallery flaky = gallery(b -> b.asynchronous(queue).blobs(faults.wrap(blobs)));
        Photo accepted = uploadAsync(anAlbum(alice, "Outage"), aJpeg());
        faults.inject(FaultPlan.before(Operation.BLOB_GET, 1));

        try (GalleryWorker worker = GalleryWorker.builder(flaky).threads(1).wait(Duration.ofMillis(200))
                .visibility(Duration.ofSeconds(30)).build().start()) {
            eventually(() -> worker.metrics().ready() == 1);
            assertThat(worker.metrics().retried()).isEqualTo(1);
            assertThat(worker.metrics().redelivered()).isEqualTo(1);
        }
        assertThat(gallery.photos().get(alice, accepted.id()).processing())
                .isEqualTo(new Processing(PhotoStatus.READY, 2, java.util.Optional.empty()));
    }

    @Test
    @DisplayName("a job that throws an Error is released for another try, and the worker's one thread goes on with the next")
    void workerSurvivesAnError() {
        AtomicInteger labelled = new AtomicInteger();
        ImageLabeler overflowsOnce = jpeg -> {
            if (labelled.getAndIncrement() == 0) {
                throw new StackOverflowError("a labeler that recursed too deep");
            }
            return List.of(Tag.machine("calm", 0.5));
        };
        Gallery breaking = gallery(b -> b.asynchronous(queue).labeler(overflowsOnce));
        Album album = anAlbum(alice, "Error");
        Photo first = uploadAsync(album, aJpeg());
        Photo second = uploadAsync(album, aJpeg());

        GalleryWorker.Metrics metrics;
        try (GalleryWorker worker = GalleryWorker.builder(breaking).threads(1).wait(Duration.ofMillis(200))
                .visibility(Duration.ofSeconds(30)).build().start()) {
            eventually(() -> worker.metrics().completed() == 2);
            metrics = worker.metrics();
            assertThat(worker.isRunning()).isTrue();
        }
        assertThat(metrics.ready()).isEqualTo(2);
        assertThat(metrics.retried()).as("the job that threw").isEqualTo(1);
        assertThat(labelled).hasValue(3);
        assertThat(List.of(first, second)).allSatisfy(p -> {
            Photo ready = gallery.photos().get(alice, p.id());
            assertThat(ready.status()).isEqualTo(PhotoStatus.READY);
            assertThat(ready.tags()).containsExactly(Tag.machine("calm", 0.5));
        });
        assertThat(waiting()).as("every job completed").isEmpty();
        invariants.assertHoldAfterReconcile(alice, gallery.maintenance(), clock, GRACE);
    }

    @Test
    @DisplayName("a worker refuses settings that cannot work, naming each")
    void workerSettings() {
        assertThatThrownBy(() -> GalleryWorker.builder(gallery).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a JobQueue");
        assertThatThrownBy(() -> GalleryWorker.builder(async).threads(0).batch(11).visibility(Duration.ZERO).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("threads between 1 and 256")
                .hasMessageContaining("batch between 1 and 10")
                .hasMessageContaining("visibility between 1 second");
        assertThatThrownBy(() -> gallery(b -> b.maxProcessingAttempts(0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("maxProcessingAttempts");
        assertThatThrownBy(() -> async.jobs().handle(null)).isInstanceOf(InvalidInputException.class);
    }

    /** Waits, within a bound, for something the worker threads make true. */
    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the workers did not get there within a minute");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A queue that is down for sending: a crash between the record and the send looks the same. */
    private static final class RefusingQueue implements JobQueue {
        private final JobQueue delegate;

        RefusingQueue(JobQueue delegate) {
            this.delegate = delegate;
        }

        @Override
        public void send(List<Job> jobs) {
            throw new StorageUnavailableException("the queue is down for this test", null);
        }

        @Override
        public List<Delivery> receive(int max, Duration wait, Duration visibility) {
            return delegate.receive(max, wait, visibility);
        }

        @Override
        public boolean extend(Delivery delivery, Duration visibility) {
            return delegate.extend(delivery, visibility);
        }

        @Override
        public void release(Delivery delivery) {
            delegate.release(delivery);
        }

        @Override
        public void complete(List<Delivery> deliveries) {
            delegate.complete(deliveries);
        }

        @Override
        public int maxReceives() {
            return delegate.maxReceives();
        }

        @Override
        public JobQueue deadLetters() {
            return delegate.deadLetters();
        }
    }
}
