package dev.gallerykit.spi;

import dev.gallerykit.domain.GalleryEvent;
import java.util.List;

/**
 * Hands {@link GalleryEvent}s to whoever listens: in-process listeners, or a queue other systems read.
 *
 * <p>Guarantees, checked by {@code EventPublisherContract}: {@link #publish} returns once every event is
 * handed over (an adapter on a queue: accepted by it); events of one call arrive in their order for
 * in-process listeners, in any order on a queue. The gallery publishes after the change is stored and
 * treats a failure as logged, never as a failure of the use case that already happened.
 */
public interface EventPublisher {

    void publish(List<GalleryEvent> events);

    /** A publisher that drops every event, the default. */
    static EventPublisher none() {
        return events -> { };
    }
}
