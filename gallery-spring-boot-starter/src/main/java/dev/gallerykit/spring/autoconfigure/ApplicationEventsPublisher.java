package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.domain.GalleryEvent;
import dev.gallerykit.spi.EventPublisher;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes each {@link GalleryEvent} as a Spring application event, in the thread of the use case (or
 * worker) that made it, for listeners such as {@code @EventListener void on(GalleryEvent event)}. As with
 * {@code InProcessEventPublisher}, a listener that throws is logged and the other events of the call are
 * still published; a listener with slow work hands it to an executor (or {@code @Async}).
 */
final class ApplicationEventsPublisher implements EventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationEventsPublisher.class);

    private final ApplicationEventPublisher publisher;

    ApplicationEventsPublisher(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(List<GalleryEvent> events) {
        Objects.requireNonNull(events, "events");
        for (GalleryEvent event : events) {
            Objects.requireNonNull(event, "event");
            try {
                publisher.publishEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("an application listener failed on {} {}", event.type(), event.id(), e);
            }
        }
    }
}
