package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.GalleryWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the worker once the application context is refreshed, and closes it when the context stops or
 * closes, before the stores it uses are shut: the jobs under way finish within the stop grace, the rest go
 * back to the queue. A worker starts once, so a context started again after a stop runs no worker.
 */
final class WorkerLifecycle implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerLifecycle.class);

    private final GalleryWorker worker;
    private boolean started;

    WorkerLifecycle(GalleryWorker worker) {
        this.worker = worker;
    }

    @Override
    public synchronized void start() {
        if (started) {
            LOG.warn("the gallery worker was stopped and does not start again; restart the application to run one");
            return;
        }
        started = true;
        worker.start();
    }

    @Override
    public void stop() {
        worker.close();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
