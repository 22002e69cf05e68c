package dev.gallerykit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.GalleryEvent;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.spi.EventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventPublisher} must do: hand over every event it is given, each field intact. An
 * adapter's test extends this class and gives, for each test, a new publisher and a reader of what that
 * publisher hands over: the listener of an in-process publisher, or a consumer of the queue a publisher
 * sends to. Order is not checked: on a queue, events arrive in any order.
 */
public abstract class EventPublisherContract {

    /** How long a test waits, at most, for events it expects. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /**
     * Reads what a publisher handed over, as a consumer of it would.
     */
    public interface EventReader extends AutoCloseable {

        /**
         * Waits until {@code count} events were read or {@code timeout} passed, and returns those read,
         * possibly more than {@code count} if more came. Each event is returned once.
         */
        List<GalleryEvent> read(int count, Duration timeout);

        /** Releases what the reader holds (a listener, a queue). Nothing by default. */
        @Override
        default void close() {
        }
    }

    /** A publisher and the reader of what it hands over. */
    public record Channel(EventPublisher publisher, EventReader reader) {

        public Channel {
            Objects.requireNonNull(publisher, "publisher");
            Objects.requireNonNull(reader, "reader");
        }
    }

    /** Called before each test: a new publisher whose reader has seen nothing yet. */
    protected abstract Channel newChannel();

    private EventPublisher publisher;
    private EventReader reader;

    @BeforeEach
    void connect() {
        Channel channel = newChannel();
        publisher = channel.publisher();
        reader = channel.reader();
    }

    @AfterEach
    void disconnect() {
        reader.close();
    }

    private List<GalleryEvent> read(int count) {
        List<GalleryEvent> events = reader.read(count, PATIENCE);
        assertThat(events).as("events read within %s", PATIENCE).hasSizeGreaterThanOrEqualTo(count);
        return events;
    }

    private static GalleryEvent aPhotoEvent(GalleryEvent.Type type, Optional<String> reason) {
        return new GalleryEvent(UUID.randomUUID(), type, Instant.parse("2024-05-04T10:15:30.123456789Z"),
                UserId.of(UUID.randomUUID()), Optional.of(AlbumId.of(UUID.randomUUID())),
                Optional.of(PhotoId.of(UUID.randomUUID())), reason);
    }

    private static List<GalleryEvent> oneOfEachType() {
        List<GalleryEvent> events = new ArrayList<>();
        Instant at = Instant.parse("2024-05-04T10:15:30Z");
        events.add(aPhotoEvent(GalleryEvent.Type.PHOTO_UPLOADED, Optional.empty()));
        events.add(aPhotoEvent(GalleryEvent.Type.PHOTO_READY, Optional.empty()));
        events.add(aPhotoEvent(GalleryEvent.Type.PHOTO_FAILED, Optional.of("the engine cannot decode image/heic")));
        events.add(aPhotoEvent(GalleryEvent.Type.PHOTO_DELETED, Optional.empty()));
        events.add(GalleryEvent.ofAlbum(GalleryEvent.Type.ALBUM_DELETED, at, UserId.of(UUID.randomUUID()),
                AlbumId.of(UUID.randomUUID())));
        events.add(GalleryEvent.ofAccount(GalleryEvent.Type.ACCOUNT_CREATED, at, UserId.of(UUID.randomUUID())));
        events.add(GalleryEvent.ofAccount(GalleryEvent.Type.ACCOUNT_DELETED, at, UserId.of(UUID.randomUUID())));
        assertThat(events).extracting(GalleryEvent::type).containsExactlyInAnyOrder(GalleryEvent.Type.values());
        return events;
    }

    @Test
    @DisplayName("an event of every type arrives with every field as published, absent ones absent")
    void everyTypeArrivesWithEveryField() {
        List<GalleryEvent> published = oneOfEachType();

        publisher.publish(published);

        assertThat(read(published.size())).containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    @DisplayName("a reason with quotes, line breaks and non-ASCII letters arrives unchanged")
    void textArrivesUnchanged() {
        GalleryEvent failed = aPhotoEvent(GalleryEvent.Type.PHOTO_FAILED,
                Optional.of("décodage \"HEIC\" refusé\nligne 2 \\ tab\t ✓ 写真"));

        publisher.publish(List.of(failed));

        assertThat(read(1)).containsExactly(failed);
    }

    @Test
    @DisplayName("a call with more than ten events hands over every one of them")
    void manyEventsInOneCall() {
        List<GalleryEvent> published = IntStream.range(0, 23)
                .mapToObj(i -> aPhotoEvent(GalleryEvent.Type.PHOTO_READY, Optional.empty()))
                .collect(Collectors.toList());

        publisher.publish(published);

        assertThat(read(published.size())).containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    @DisplayName("events of several calls all arrive")
    void eventsOfSeveralCalls() {
        GalleryEvent first = aPhotoEvent(GalleryEvent.Type.PHOTO_UPLOADED, Optional.empty());
        GalleryEvent second = aPhotoEvent(GalleryEvent.Type.PHOTO_READY, Optional.empty());

        publisher.publish(List.of(first));
        publisher.publish(List.of(second));

        assertThat(read(2)).containsExactlyInAnyOrder(first, second);
    }

    @Test
    @DisplayName("an empty list is accepted and hands over nothing")
    void anEmptyListHandsOverNothing() {
        GalleryEvent marker = aPhotoEvent(GalleryEvent.Type.PHOTO_READY, Optional.empty());

        assertThatCode(() -> publisher.publish(List.of())).doesNotThrowAnyException();
        publisher.publish(List.of(marker));

        assertThat(read(1)).containsExactly(marker);
    }
}
