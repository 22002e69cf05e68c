package dev.gallerykit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.domain.GalleryEvent;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.testkit.contract.EventPublisherContract;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The contract read through a listener of the publisher, as an in-process consumer reads it; then what only it promises. */
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

    private static GalleryEvent anAccountEvent() {
        return GalleryEvent.ofAccount(GalleryEvent.Type.ACCOUNT_CREATED, Instant.parse("2024-05-04T10:15:30Z"),
                UserId.of(UUID.randomUUID()));
    }

    @Test
    @DisplayName("listeners hear the events of one call in their order, and a failing listener keeps them from no other")
    void inOrderAndPastAFailingListener() {
        List<GalleryEvent> heard = new CopyOnWriteArrayList<>();
        InProcessEventPublisher publisher = new InProcessEventPublisher()
                .listen(event -> {
                    throw new IllegalStateException("a listener that always fails");
                })
                .listen(heard::add);
        List<GalleryEvent> published = List.of(anAccountEvent(), anAccountEvent(), anAccountEvent());

        publisher.publish(published);

        assertThat(heard).containsExactlyElementsOf(published);
    }

    @Test
    @DisplayName("a list with a null in it is refused before any event is handed over")
    void aNullEventHandsOverNothing() {
        List<GalleryEvent> heard = new CopyOnWriteArrayList<>();
        InProcessEventPublisher publisher = new InProcessEventPublisher().listen(heard::add);

        assertThatThrownBy(() -> publisher.publish(Arrays.asList(anAccountEvent(), null)))
                .isInstanceOf(NullPointerException.class);

        assertThat(heard).isEmpty();
    }
}
