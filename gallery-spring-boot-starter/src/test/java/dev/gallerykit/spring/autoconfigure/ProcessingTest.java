package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.Gallery;
import dev.gallerykit.GalleryWorker;
import dev.gallerykit.JobHandler;
import dev.gallerykit.Upload;
import dev.gallerykit.auth.Accounts;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.GalleryEvent;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoStatus;
import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.image.JavaImageEngine;
import dev.gallerykit.image.MediaType;
import dev.gallerykit.image.Rendition;
import dev.gallerykit.memory.InMemoryJobQueue;
import dev.gallerykit.spi.Delivery;
import dev.gallerykit.spi.EventPublisher;
import dev.gallerykit.spi.ImageEngine;
import dev.gallerykit.spi.Job;
import dev.gallerykit.spi.JobQueue;
import dev.gallerykit.spring.GalleryKitConfigurationException;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

@DisplayName("gallerykit.processing: synchronous or asynchronous ingest, the worker, the queue and the events")
class ProcessingTest {

    private static final String ASYNCHRONOUS = "gallerykit.processing.mode=asynchronous";

    static ApplicationContextRunner gallery() {
        return Contexts.starter().withPropertyValues("gallerykit.accounts.enabled=false", "gallerykit.upload.engine=java")
                .withUserConfiguration(Listener.class);
    }

    @Test
    @DisplayName("by default ingest is synchronous: no queue, no worker, the upload is ready, and its event is a Spring event")
    void synchronousByDefault() {
        gallery().run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(JobQueue.class).doesNotHaveBean(GalleryWorker.class)
                    .hasSingleBean(EventPublisher.class);
            Gallery gallery = context.getBean(Gallery.class);
            assertThat(gallery.jobQueue()).isEmpty();
            Photo photo = upload(gallery, PhotoFixtures.aJpeg());
            assertThat(photo.status()).isEqualTo(PhotoStatus.READY);
            assertThat(photo.hasThumbnails()).isTrue();
            assertThat(context.getBean(Listener.class).types())
                    .containsExactly(GalleryEvent.Type.PHOTO_UPLOADED, GalleryEvent.Type.PHOTO_READY);
        });
    }

    @Test
    @DisplayName("the accounts' events reach Spring's listeners too")
    void accountEvents() {
        Contexts.withAccounts().withUserConfiguration(Listener.class).run(context -> {
            User user = context.getBean(Accounts.class).signUp(Contexts.newEmail(), Contexts.PASSWORD, "Ann");
            assertThat(context.getBean(Listener.class).events).singleElement().satisfies(event -> {
                assertThat(event.type()).isEqualTo(GalleryEvent.Type.ACCOUNT_CREATED);
                assertThat(event.userId()).isEqualTo(user.id());
            });
        });
    }

    @Test
    @DisplayName("asynchronous: the upload returns processing with its original only, and the worker bean makes it ready")
    void asynchronousWithWorker() {
        AtomicReference<GalleryWorker> worker = new AtomicReference<>();
        gallery().withPropertyValues(ASYNCHRONOUS).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(GalleryWorker.class);
            assertThat(context.getBean(JobQueue.class)).isInstanceOf(InMemoryJobQueue.class);
            worker.set(context.getBean(GalleryWorker.class));
            assertThat(worker.get().isRunning()).as("started with the context").isTrue();
            Gallery gallery = context.getBean(Gallery.class);
            assertThat(gallery.jobQueue()).containsSame(context.getBean(JobQueue.class));

            Photo accepted = upload(gallery, PhotoFixtures.aJpeg());
            assertThat(accepted.status()).isEqualTo(PhotoStatus.PROCESSING);
            assertThat(accepted.derivatives()).extracting(Derivative::name).containsExactly(Derivative.ORIGINAL);

            Photo done = awaitProcessed(gallery, accepted);
            assertThat(done.status()).isEqualTo(PhotoStatus.READY);
            assertThat(done.hasThumbnails()).isTrue();
            assertThat(awaitCompleted(worker.get(), 1).ready()).isEqualTo(1);
            assertThat(context.getBean(Listener.class).types())
                    .containsExactly(GalleryEvent.Type.PHOTO_UPLOADED, GalleryEvent.Type.PHOTO_READY);
        });
        assertThat(worker.get().isRunning()).as("closed with the context").isFalse();
    }

    @Test
    @DisplayName("asynchronous: a file whose pixels cannot be decoded ends failed with a reason, its original kept")
    void asynchronousFailure() {
        gallery().withPropertyValues(ASYNCHRONOUS).run(context -> {
            Gallery gallery = context.getBean(Gallery.class);
            Photo accepted = upload(gallery, PhotoFixtures.aTruncatedJpeg());
            assertThat(accepted.status()).isEqualTo(PhotoStatus.PROCESSING);

            Photo failed = awaitProcessed(gallery, accepted);
            assertThat(failed.status()).isEqualTo(PhotoStatus.FAILED);
            assertThat(failed.processing().reason()).hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
            assertThat(failed.derivatives()).extracting(Derivative::name).containsExactly(Derivative.ORIGINAL);
            assertThat(awaitCompleted(context.getBean(GalleryWorker.class), 1).failed()).isEqualTo(1);
            assertThat(context.getBean(Listener.class).events).last().satisfies(event -> {
                assertThat(event.type()).isEqualTo(GalleryEvent.Type.PHOTO_FAILED);
                assertThat(event.reason()).isEqualTo(failed.processing().reason());
            });
        });
    }

    @Test
    @DisplayName("worker-threads=0 runs no worker: the job waits in the queue for a worker elsewhere")
    void noWorkerInThisProcess() {
        gallery().withPropertyValues(ASYNCHRONOUS, "gallerykit.processing.worker-threads=0").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(GalleryWorker.class).doesNotHaveBean(WorkerLifecycle.class);
            Gallery gallery = context.getBean(Gallery.class);
            Photo accepted = upload(gallery, PhotoFixtures.aJpeg());
            assertThat(accepted.status()).isEqualTo(PhotoStatus.PROCESSING);

            // What a worker in another process does with the job.
            JobQueue queue = context.getBean(JobQueue.class);
            List<Delivery> waiting = queue.receive(JobQueue.MAX_BATCH, Duration.ZERO, Duration.ofMinutes(1));
            assertThat(waiting).extracting(Delivery::job).containsExactly(Job.processPhoto(accepted.ownerId(), accepted.id()));
            assertThat(gallery.photos().get(accepted.ownerId(), accepted.id()).status())
                    .as("nobody here processed it").isEqualTo(PhotoStatus.PROCESSING);
            assertThat(gallery.jobs().handle(waiting.get(0).job())).isEqualTo(JobHandler.Outcome.READY);
            queue.complete(waiting);
            assertThat(gallery.photos().get(accepted.ownerId(), accepted.id()).status()).isEqualTo(PhotoStatus.READY);
        });
    }

    @Test
    @DisplayName("the host's JobQueue and EventPublisher beans are used")
    void hostQueueAndPublisher() {
        gallery().withPropertyValues(ASYNCHRONOUS, "gallerykit.processing.worker-threads=0")
                .withUserConfiguration(HostProcessing.class).run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(JobQueue.class).hasSingleBean(EventPublisher.class);
                    HostProcessing host = context.getBean(HostProcessing.class);
                    Gallery gallery = context.getBean(Gallery.class);
                    assertThat(gallery.jobQueue()).containsSame(host.queue);
                    assertThat(gallery.events()).isSameAs(host.publisher);

                    Photo accepted = upload(gallery, PhotoFixtures.aJpeg());
                    assertThat(host.queue.size()).isEqualTo(1);
                    assertThat(host.published).extracting(GalleryEvent::photoId)
                            .containsExactly(Optional.of(accepted.id()));
                    assertThat(context.getBean(Listener.class).events).as("no Spring events with a publisher of the host's")
                            .isEmpty();
                });
    }

    @Test
    @DisplayName("the host's queue is received by the worker bean")
    void workerOnHostQueue() {
        gallery().withPropertyValues(ASYNCHRONOUS).withUserConfiguration(HostProcessing.class).run(context -> {
            Gallery gallery = context.getBean(Gallery.class);
            Photo done = awaitProcessed(gallery, upload(gallery, PhotoFixtures.aJpeg()));
            assertThat(done.status()).isEqualTo(PhotoStatus.READY);
            awaitCompleted(context.getBean(GalleryWorker.class), 1);
            assertThat(context.getBean(HostProcessing.class).queue.size()).as("the job is completed").isZero();
        });
    }

    @Test
    @DisplayName("max-attempts: after that many tries that did not finish, the next one marks the photo failed")
    void maxAttempts() {
        ApplicationContextRunner flaky = gallery().withPropertyValues(ASYNCHRONOUS, "gallerykit.processing.worker-threads=0")
                .withBean(ImageEngine.class, FailsOnce::new);
        flaky.withPropertyValues("gallerykit.processing.max-attempts=1").run(context -> {
            Gallery gallery = context.getBean(Gallery.class);
            Photo accepted = upload(gallery, PhotoFixtures.aJpeg());
            Job job = Job.processPhoto(accepted.ownerId(), accepted.id());
            try {
                gallery.jobs().handle(job);
                fail("the first try should have failed with the store unavailable");
            } catch (StorageUnavailableException expected) {
                // A try that did not finish: it counts.
            }
            assertThat(gallery.jobs().handle(job)).isEqualTo(JobHandler.Outcome.FAILED);
            assertThat(gallery.photos().get(accepted.ownerId(), accepted.id()).processing().reason())
                    .hasValueSatisfying(reason -> assertThat(reason).contains("gave up after 1 attempts"));
        });
        flaky.run(context -> {
            Gallery gallery = context.getBean(Gallery.class);
            Photo accepted = upload(gallery, PhotoFixtures.aJpeg());
            Job job = Job.processPhoto(accepted.ownerId(), accepted.id());
            try {
                gallery.jobs().handle(job);
                fail("the first try should have failed with the store unavailable");
            } catch (StorageUnavailableException expected) {
                // Tried again below, within the default of 5 attempts.
            }
            assertThat(gallery.jobs().handle(job)).isEqualTo(JobHandler.Outcome.READY);
        });
    }

    @Test
    @DisplayName("a wrong value fails the start naming its property")
    void wrongValues() {
        assertProblem(gallery().withPropertyValues(ASYNCHRONOUS, "gallerykit.processing.worker-threads=-1"),
                "gallerykit.processing.worker-threads must be 0 (no worker in this process) to 256 (it is -1)");
        assertProblem(gallery().withPropertyValues(ASYNCHRONOUS, "gallerykit.processing.worker-threads=257"),
                "gallerykit.processing.worker-threads must be 0 (no worker in this process) to 256 (it is 257)");
        assertProblem(gallery().withPropertyValues("gallerykit.processing.max-attempts=0"),
                "gallerykit.processing.max-attempts must be at least 1 (it is 0)");
        assertProblem(gallery().withPropertyValues(ASYNCHRONOUS, "gallerykit.processing.visibility=500ms"),
                "gallerykit.processing.visibility must be between PT1S and PT12H (it is PT0.5S)");
        assertProblem(gallery().withPropertyValues(ASYNCHRONOUS, "gallerykit.processing.receive-wait=21s"),
                "gallerykit.processing.receive-wait must be between PT0S and PT20S (it is PT21S)");
        assertProblem(gallery().withPropertyValues(ASYNCHRONOUS, "gallerykit.processing.stop-grace=-1s"),
                "gallerykit.processing.stop-grace must be at least PT0S (it is PT-1S)");
        // Spring binds the mode; its BindException names the property, and Boot's failure analyzer reports it.
        gallery().withPropertyValues("gallerykit.processing.mode=sometimes").run(context -> {
            assertThat(context).hasFailed();
            Throwable cause = context.getStartupFailure();
            while (cause != null && !(cause instanceof BindException)) {
                cause = cause.getCause();
            }
            assertThat(cause).as("a BindException in %s", context.getStartupFailure()).isNotNull()
                    .hasMessageContaining("gallerykit.processing.mode");
        });
    }

    @Test
    @DisplayName("asynchronous with two JobQueue beans and none chosen names the mode")
    void twoQueues() {
        assertProblem(gallery().withPropertyValues(ASYNCHRONOUS)
                        .withBean("one", JobQueue.class, InMemoryJobQueue::new)
                        .withBean("two", JobQueue.class, InMemoryJobQueue::new),
                "gallerykit.processing.mode is asynchronous, which needs one JobQueue bean (the application defines 2)");
    }

    private static void assertProblem(ApplicationContextRunner runner, String problem) {
        runner.run(context -> assertThat(configurationFailure(context).getMessage()).contains(problem));
    }

    private static GalleryKitConfigurationException configurationFailure(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        Throwable cause = context.getStartupFailure();
        while (cause != null && !(cause instanceof GalleryKitConfigurationException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("a GalleryKitConfigurationException in %s", context.getStartupFailure()).isNotNull();
        return (GalleryKitConfigurationException) cause;
    }

    static Photo upload(Gallery gallery, Fixture file) {
        UserId owner = new UserId(UUID.randomUUID());
        Album album = gallery.albums().create(owner, "Harbour", "");
        return gallery.photos().upload(owner, album.id(), Upload.of(file.stream(), file.fileName()));
    }

    /** Reads the photo until it is no longer processing, a bounded number of times. */
    static Photo awaitProcessed(Gallery gallery, Photo photo) throws InterruptedException {
        for (int read = 0; read < 1_000; read++) {
            Photo current = gallery.photos().get(photo.ownerId(), photo.id());
            if (current.status() != PhotoStatus.PROCESSING) {
                return current;
            }
            Thread.sleep(20);
        }
        return fail("photo %s is still processing after 1000 reads", photo.id());
    }

    /**
     * Waits until the worker has handled {@code jobs} jobs and removed them from the queue. The photo is ready in
     * the store before the handler returns, the worker counts it and completes the job, so a test that saw the photo
     * ready reads the worker's metrics, the events and the queue after this.
     */
    static GalleryWorker.Metrics awaitCompleted(GalleryWorker worker, long jobs) throws InterruptedException {
        for (int read = 0; read < 1_000; read++) {
            GalleryWorker.Metrics metrics = worker.metrics();
            if (metrics.completed() >= jobs) {
                return metrics;
            }
            Thread.sleep(20);
        }
        return fail("the worker completed %s of %d jobs after 1000 reads", worker.metrics().completed(), jobs);
    }

    /** Collects the gallery's events that reach Spring's listeners. */
    @Configuration(proxyBeanMethods = false)
    static class Listener {
        final List<GalleryEvent> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(GalleryEvent event) {
            events.add(event);
        }

        List<GalleryEvent.Type> types() {
            return events.stream().map(GalleryEvent::type).toList();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HostProcessing {
        final InMemoryJobQueue queue = new InMemoryJobQueue();
        final List<GalleryEvent> published = new CopyOnWriteArrayList<>();
        final EventPublisher publisher = published::addAll;

        @Bean
        JobQueue hostQueue() {
            return queue;
        }

        @Bean
        EventPublisher hostPublisher() {
            return publisher;
        }
    }

    /** The pure-Java engine, but its first render finds the store unavailable: a try that does not finish. */
    static final class FailsOnce implements ImageEngine {
        private final ImageEngine delegate = new JavaImageEngine();
        private final AtomicBoolean failed = new AtomicBoolean();

        @Override
        public String name() {
            return "fails once";
        }

        @Override
        public boolean decodes(MediaType type) {
            return delegate.decodes(type);
        }

        @Override
        public List<Rendition> render(Path file, MediaType type, int orientation, ImageOptions options) {
            if (failed.compareAndSet(false, true)) {
                throw new StorageUnavailableException("the spool disk is gone for a moment", null);
            }
            return delegate.render(file, type, orientation, options);
        }
    }
}
