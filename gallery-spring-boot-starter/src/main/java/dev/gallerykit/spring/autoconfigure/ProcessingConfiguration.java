package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.Gallery;
import dev.gallerykit.GalleryWorker;
import dev.gallerykit.memory.InMemoryJobQueue;
import dev.gallerykit.spi.EventPublisher;
import dev.gallerykit.spi.JobQueue;
import dev.gallerykit.spring.GalleryKitConfigurationException;
import dev.gallerykit.spring.GalleryKitProperties;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Events, and with {@code gallerykit.processing.mode=asynchronous} the job queue and the worker of this
 * process. A host {@link JobQueue}, {@link EventPublisher} or {@link GalleryWorker} bean is used instead of the
 * one made here, and so are the SQS ones of {@link SqsConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class ProcessingConfiguration {

    static final String MODE = "gallerykit.processing.mode";
    static final String QUEUE = "gallerykit.processing.queue";
    static final String THREADS = "gallerykit.processing.worker-threads";
    static final String MAX_ATTEMPTS = "gallerykit.processing.max-attempts";
    static final String VISIBILITY = "gallerykit.processing.visibility";
    static final String RECEIVE_WAIT = "gallerykit.processing.receive-wait";
    static final String STOP_GRACE = "gallerykit.processing.stop-grace";
    static final int MAX_THREADS = 256;
    /** Waiting on the in-memory queue costs nothing, and a short wait lets the worker stop at once. */
    static final Duration IN_MEMORY_WAIT = Duration.ofSeconds(1);

    /**
     * The gallery's events as Spring application events: a host listens with {@code @EventListener GalleryEvent}.
     * With an events queue set, {@link SqsConfiguration} has made the publisher unless gallery-sqs is missing.
     */
    @Bean
    @ConditionalOnMissingBean
    EventPublisher gallerykitEventPublisher(ApplicationEventPublisher publisher, GalleryKitProperties properties) {
        if (properties.sqs().eventsQueue() != null) {
            throw new GalleryKitConfigurationException(SqsConfiguration.EVENTS_QUEUE, Modules.SQS_MISSING);
        }
        return new ApplicationEventsPublisher(publisher);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = MODE, havingValue = "asynchronous")
    static class Asynchronous {

        /** Jobs in this JVM: they do not survive a restart, and only workers of this process see them. */
        @Bean
        @ConditionalOnProperty(name = QUEUE, havingValue = "memory", matchIfMissing = true)
        @ConditionalOnMissingBean
        JobQueue gallerykitJobQueue() {
            return new InMemoryJobQueue();
        }
    }

    /**
     * The worker of this process, started with the application context and stopped with it
     * ({@link WorkerLifecycle}); absent with {@code worker-threads=0} or a host worker of its own.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = MODE, havingValue = "asynchronous")
    @Conditional(WorkersInThisProcess.class)
    @ConditionalOnMissingBean(GalleryWorker.class)
    static class Worker {

        @Bean
        GalleryWorker gallerykitWorker(Gallery gallery, GalleryKitProperties properties) {
            GalleryKitProperties.Processing processing = properties.processing();
            Problems problems = new Problems();
            int threads = processing.workerThreads();
            if (threads < 1 || threads > MAX_THREADS) {
                problems.add(THREADS, "must be 0 (no worker in this process) to " + MAX_THREADS + " (it is " + threads + ")");
            }
            duration(problems, VISIBILITY, processing.visibility(), Duration.ofSeconds(1), JobQueue.MAX_VISIBILITY);
            duration(problems, RECEIVE_WAIT, processing.receiveWait(), Duration.ZERO, JobQueue.MAX_WAIT);
            duration(problems, STOP_GRACE, processing.stopGrace(), Duration.ZERO, null);
            JobQueue queue = gallery.jobQueue().orElse(null);
            if (queue == null) {
                problems.add(MODE, "is asynchronous, but the application's Gallery has no job queue: build it with "
                        + "asynchronous(queue), or set " + THREADS + "=0");
            }
            problems.throwIfAny();
            Duration wait = processing.receiveWait() != null ? processing.receiveWait()
                    : queue instanceof InMemoryJobQueue ? IN_MEMORY_WAIT : JobQueue.MAX_WAIT;
            return Problems.build("gallerykit.processing", () -> GalleryWorker.builder(gallery)
                    .threads(threads)
                    .visibility(processing.visibility())
                    .wait(wait)
                    .stopGrace(processing.stopGrace())
                    .build());
        }

        @Bean
        WorkerLifecycle gallerykitWorkerLifecycle(GalleryWorker worker) {
            return new WorkerLifecycle(worker);
        }
    }

    /** Checks a duration property against its range; {@code max} null for none. Null values are left to defaults. */
    static void duration(Problems problems, String property, Duration value, Duration min, Duration max) {
        if (value == null) {
            return;
        }
        if (value.compareTo(min) < 0 || (max != null && value.compareTo(max) > 0)) {
            problems.add(property, "must be " + (max == null ? "at least " + min : "between " + min + " and " + max)
                    + " (it is " + value + ")");
        }
    }

    /** Not {@code worker-threads=0}: this process runs workers. */
    static final class WorkersInThisProcess extends NoneNestedConditions {

        WorkersInThisProcess() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(name = THREADS, havingValue = "0")
        static final class NoWorkerThreads {
        }
    }
}
