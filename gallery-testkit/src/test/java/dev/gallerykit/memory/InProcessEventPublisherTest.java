package dev.gallerykit.memory;

import dev.gallerykit.domain.GalleryEvent;
import dev.gallerykit.testkit.contract.EventPublisherContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The contract read through a listener of the publisher, as an in-process consumer reads it. */
class InProcessEventPublisherTest extends EventPublisherContract {

    @Override
    protected Channel newChannel() {
        BlockingQueue<GalleryEvent> heard = new LinkedBlockingQueue<>();
        InProcessEventPublisher publisher = new InProcessEventPublisher().listen(heard::add);
        return new Channel(publisher, (count, timeout) -> read(heard, count, timeout));
    }

    private static List<GalleryEvent> read(BlockingQueue<GalleryEvent> heard, int count, Duration timeout) {
        List<GalleryEvent> events = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (events.size() < count) {
                GalleryEvent event = heard.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event == null) {
                    break;
                }
                events.add(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heard.drainTo(events);
        return events;
    }
}
