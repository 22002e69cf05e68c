package dev.gallerykit.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.GalleryEvent;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.spi.Job;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The JSON bodies: their exact shape, round trips, and what a reader refuses, naming the field. */
class MessageJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final UserId OWNER = UserId.of(UUID.fromString("0190f1a2-3b4c-7d5e-8f60-718293a4b5c6"));
    private static final PhotoId PHOTO = PhotoId.of(UUID.fromString("0190f1a2-3b4c-7d5e-8f60-718293a4b5c7"));
    private static final AlbumId ALBUM = AlbumId.of(UUID.fromString("0190f1a2-3b4c-7d5e-8f60-718293a4b5c8"));
    private static final UUID EVENT_ID = UUID.fromString("0190f1a2-3b4c-7d5e-8f60-718293a4b5c9");

    private static JsonNode tree(String json) throws Exception {
        return MAPPER.readTree(json);
    }

    private static void assertRefused(Runnable read, String field) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Nested
    @DisplayName("A job body")
    class Jobs {

        @Test
        @DisplayName("is version 1 with the kind and both ids, nothing else")
        void shape() throws Exception {
            JsonNode body = tree(JobJson.write(Job.processPhoto(OWNER, PHOTO)));

            assertThat(body).isEqualTo(tree("{\"version\":1,\"kind\":\"PROCESS_PHOTO\","
                    + "\"ownerId\":\"0190f1a2-3b4c-7d5e-8f60-718293a4b5c6\","
                    + "\"photoId\":\"0190f1a2-3b4c-7d5e-8f60-718293a4b5c7\"}"));
        }

        @Test
        @DisplayName("reads back as the job it was written from, also with fields this version does not know")
        void roundTrip() {
            Job job = Job.processPhoto(OWNER, PHOTO);

            assertThat(JobJson.read(JobJson.write(job))).isEqualTo(job);
            assertThat(JobJson.read("{\"priority\":3,\"version\":1,\"kind\":\"PROCESS_PHOTO\",\"ownerId\":\"" + OWNER
                    + "\",\"photoId\":\"" + PHOTO + "\",\"traceId\":\"abc\"}")).isEqualTo(job);
        }

        @Test
        @DisplayName("that is not a JSON object is refused naming body")
        void notAnObject() {
            assertRefused(() -> JobJson.read("not json"), "body");
            assertRefused(() -> JobJson.read("[1, 2]"), "body");
            assertRefused(() -> JobJson.read(""), "body");
            assertRefused(() -> JobJson.read("{\"version\":1,"), "body");
        }

        @Test
        @DisplayName("of another or no version is refused naming version")
        void otherVersions() {
            String rest = ",\"kind\":\"PROCESS_PHOTO\",\"ownerId\":\"" + OWNER + "\",\"photoId\":\"" + PHOTO + "\"}";
            assertRefused(() -> JobJson.read("{\"version\":2" + rest), "version");
            assertRefused(() -> JobJson.read("{\"version\":\"1\"" + rest), "version");
            assertRefused(() -> JobJson.read("{\"v\":1" + rest), "version");
        }

        @Test
        @DisplayName("with an unknown kind, a missing or malformed id is refused naming that field")
        void badFields() {
            assertRefused(() -> JobJson.read("{\"version\":1,\"kind\":\"RESIZE\",\"ownerId\":\"" + OWNER
                    + "\",\"photoId\":\"" + PHOTO + "\"}"), "kind");
            assertRefused(() -> JobJson.read("{\"version\":1,\"kind\":\"PROCESS_PHOTO\",\"ownerId\":\"" + OWNER
                    + "\"}"), "photoId");
            assertRefused(() -> JobJson.read("{\"version\":1,\"kind\":\"PROCESS_PHOTO\",\"ownerId\":\"ann\","
                    + "\"photoId\":\"" + PHOTO + "\"}"), "ownerId");
            assertRefused(() -> JobJson.read("{\"version\":1,\"kind\":\"PROCESS_PHOTO\",\"ownerId\":7,"
                    + "\"photoId\":\"" + PHOTO + "\"}"), "ownerId");
        }
    }

    @Nested
    @DisplayName("An event body")
    class Events {

        private final GalleryEvent failed = new GalleryEvent(EVENT_ID, GalleryEvent.Type.PHOTO_FAILED,
                Instant.parse("2024-05-04T10:15:30.250Z"), OWNER, Optional.of(ALBUM), Optional.of(PHOTO),
                Optional.of("no decoder for image/heic"));

        @Test
        @DisplayName("carries every field, the instant in ISO-8601")
        void shapeOfAFullEvent() throws Exception {
            assertThat(tree(EventJson.write(failed))).isEqualTo(tree("{\"version\":1,"
                    + "\"id\":\"0190f1a2-3b4c-7d5e-8f60-718293a4b5c9\",\"type\":\"PHOTO_FAILED\","
                    + "\"occurredAt\":\"2024-05-04T10:15:30.250Z\","
                    + "\"userId\":\"0190f1a2-3b4c-7d5e-8f60-718293a4b5c6\","
                    + "\"albumId\":\"0190f1a2-3b4c-7d5e-8f60-718293a4b5c8\","
                    + "\"photoId\":\"0190f1a2-3b4c-7d5e-8f60-718293a4b5c7\","
                    + "\"reason\":\"no decoder for image/heic\"}"));
        }

        @Test
        @DisplayName("leaves out the album, photo and reason it does not have")
        void shapeOfAnAccountEvent() throws Exception {
            GalleryEvent created = GalleryEvent.ofAccount(GalleryEvent.Type.ACCOUNT_CREATED,
                    Instant.parse("2024-05-04T10:15:30Z"), OWNER);

            JsonNode body = tree(EventJson.write(created));

            Iterator<String> names = body.fieldNames();
            assertThat(names).toIterable().containsExactly("version", "id", "type", "occurredAt", "userId");
            assertThat(body.get("occurredAt").textValue()).isEqualTo("2024-05-04T10:15:30Z");
        }

        @Test
        @DisplayName("reads back as the event it was written from; null optional fields read as absent")
        void roundTrip() {
            assertThat(EventJson.read(EventJson.write(failed))).isEqualTo(failed);
            GalleryEvent deleted = new GalleryEvent(EVENT_ID, GalleryEvent.Type.ALBUM_DELETED,
                    Instant.parse("2024-05-04T10:15:30Z"), OWNER, Optional.of(ALBUM), Optional.empty(), Optional.empty());
            assertThat(EventJson.read(EventJson.write(deleted))).isEqualTo(deleted);
            assertThat(EventJson.read("{\"version\":1,\"id\":\"" + EVENT_ID + "\",\"type\":\"ALBUM_DELETED\","
                    + "\"occurredAt\":\"2024-05-04T10:15:30Z\",\"userId\":\"" + OWNER + "\",\"albumId\":\"" + ALBUM
                    + "\",\"photoId\":null,\"reason\":null}")).isEqualTo(deleted);
        }

        @Test
        @DisplayName("of another version, or with a bad type or instant, is refused naming the field")
        void refused() {
            String body = EventJson.write(failed);
            assertRefused(() -> EventJson.read(body.replace("\"version\":1", "\"version\":2")), "version");
            assertRefused(() -> EventJson.read(body.replace("PHOTO_FAILED", "PHOTO_LIKED")), "type");
            assertRefused(() -> EventJson.read(body.replace("2024-05-04T10:15:30.250Z", "yesterday")), "occurredAt");
            assertRefused(() -> EventJson.read(body.replace("\"userId\"", "\"user\"")), "userId");
            assertRefused(() -> EventJson.read("{}"), "version");
            assertRefused(() -> EventJson.read(null), "body");
        }
    }
}
