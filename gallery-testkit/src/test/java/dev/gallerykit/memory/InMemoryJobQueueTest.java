package dev.gallerykit.memory;

import dev.gallerykit.spi.JobQueue;
import dev.gallerykit.testkit.contract.JobQueueContract;

class InMemoryJobQueueTest extends JobQueueContract {

    @Override
    protected JobQueue newQueue(int maxReceives) {
        return new InMemoryJobQueue(maxReceives);
    }
}
