package dev.gallerykit.memory;

import dev.gallerykit.domain.GalleryEvent;
import dev.gallerykit.spi.EventPublisher;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every event to the listeners of this process, in the publishing thread and in order. A listener
 * that throws is logged and does not keep the event from the others; a listener that blocks delays
 * the use case that published, so one with slow work hands it to an executor of its own.
 */
public final class InProcessEventPublisher implements EventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessEventPublisher.class);

    private final List<Consumer<GalleryEvent>> listeners = new CopyOnWriteArrayList<>();

    /** A publisher with no listener yet. */
    public InProcessEventPublisher() {
    }

    /** Adds a listener; it gets the events published from now on. Returns this publisher. */
    public InProcessEventPublisher listen(Consumer<GalleryEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public void publish(List<GalleryEvent> events) {
        Objects.requireNonNull(events, "events");
        // All checked first: a list with a null in it hands over nothing, not the events before the null.
        events.forEach(event -> Objects.requireNonNull(event, "event"));
        for (GalleryEvent event : events) {
            for (Consumer<GalleryEvent> listener : listeners) {
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    LOG.warn("an event listener failed on {} {}", event.type(), event.id(), e);
                }
            }
        }
    }
}
