package dev.gallerykit.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.GalleryEvent;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The JSON form of a {@link GalleryEvent}, as {@link SqsEventPublisher} sends it and a Java consumer
 * reads it back (see {@code docs/EVENTS.md}):
 *
 * <pre>{@code
 * {"version":1,"id":"…","type":"PHOTO_FAILED","occurredAt":"2024-05-04T10:15:30Z","userId":"…",
 *  "albumId":"…","photoId":"…","reason":"…"}
 * }</pre>
 *
 * Absent album, photo and reason are left out. A reader ignores fields it does not know and refuses
 * a version other than {@link GalleryEvent#VERSION}.
 */
public final class EventJson {

    private EventJson() {
    }

    public static String write(GalleryEvent event) {
        Objects.requireNonNull(event, "event");
        ObjectNode node = Json.object(GalleryEvent.VERSION);
        node.put("id", event.id().toString());
        node.put("type", event.type().name());
        node.put("occurredAt", event.occurredAt().toString());
        node.put("userId", event.userId().toString());
        event.albumId().ifPresent(album -> node.put("albumId", album.toString()));
        event.photoId().ifPresent(photo -> node.put("photoId", photo.toString()));
        event.reason().ifPresent(reason -> node.put("reason", reason));
        return Json.write(node);
    }

    /**
     * @throws InvalidInputException naming {@code body} when it is not a JSON object, {@code version} when
     *         it is of another version, or the field that is missing or malformed
     */
    public static GalleryEvent read(String body) {
        JsonNode node = Json.read(body, GalleryEvent.VERSION);
        String occurredAt = Json.text(node, "occurredAt");
        Instant at;
        try {
            at = Instant.parse(occurredAt);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("occurredAt", "is not an ISO-8601 instant: " + occurredAt);
        }
        return new GalleryEvent(Json.uuid(node, "id"), Json.constant(node, "type", GalleryEvent.Type.class), at,
                UserId.of(Json.uuid(node, "userId")), Json.optionalUuid(node, "albumId").map(AlbumId::of),
                Json.optionalUuid(node, "photoId").map(PhotoId::of), Json.optionalText(node, "reason"));
    }
}
