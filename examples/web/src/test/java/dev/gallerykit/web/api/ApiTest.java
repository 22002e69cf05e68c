package dev.gallerykit.web.api;

import dev.gallerykit.local.LocalCloud;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import dev.gallerykit.web.local.DevMailbox;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The JSON API over real HTTP, on the local profile (H2, S3Proxy, GreenMail)")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ApiTest.UPLOAD_LIMIT, ApiTest.MULTIPART_LIMIT})
class ApiTest {

    /**
     * Small byte limits, so that a file over them is cheap to send: the gallery's, and above it the
     * servlet's multipart limit, which fails before a controller is chosen.
     */
    static final String UPLOAD_LIMIT = "gallerykit.upload.max-bytes=1MB";
    static final String MULTIPART_LIMIT = "spring.servlet.multipart.max-file-size=2MB";

    @LocalServerPort
    int port;
    @Autowired
    DevMailbox mailbox;
    @Autowired
    LocalCloud cloud;

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    @DisplayName("a client gets tokens, creates an album, uploads, pages, reads a rendition, tags, searches, moves and deletes")
    void journey() {
        String token = api.signUpAndSignIn("fay@example.test", mailbox, cloud);

        ApiClient.Response created = api.post("/api/v1/albums", token, Map.of("name", "Holidays", "description", "Summer"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String album = created.json().get("id").asString();
        assertThat(created.header("Location")).hasValue("/api/v1/albums/" + album);
        assertThat(created.json().get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        Fixture withExif = PhotoFixtures.aJpegWithExif();
        ApiClient.Response first = api.upload("/api/v1/albums/" + album + "/photos", token, withExif.fileName(),
                withExif.bytes(), Map.of("title", "Eiffel", "tags", "Paris, night"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String eiffel = first.json().get("id").asString();
        assertThat(tags(first.json())).containsExactlyInAnyOrder("paris", "night");
        assertThat(first.json().get("status").asString()).as("synchronous ingest: ready at once").isEqualTo("ready");
        assertThat(first.json().get("statusReason").isNull()).isTrue();
        Fixture plain = PhotoFixtures.aJpeg(900, 600, 7);
        ApiClient.Response second = api.upload("/api/v1/albums/" + album + "/photos", token, plain.fileName(),
                plain.bytes(), Map.of());
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        String other = second.json().get("id").asString();
        assertThat(second.json().get("title").asString()).isEqualTo("photo-7");

        // Paging: one per page, newest first, the cursor leads to the other one and then ends.
        JsonNode page1 = ok(api.get("/api/v1/albums/" + album + "/photos?limit=1", token));
        assertThat(ids(page1)).containsExactly(other);
        String next = page1.get("next").asString();
        JsonNode page2 = ok(api.get("/api/v1/albums/" + album + "/photos?limit=1&cursor=" + next, token));
        assertThat(ids(page2)).containsExactly(eiffel);
        assertThat(page2.get("next").isNull()).isTrue();

        JsonNode photo = ok(api.get("/api/v1/photos/" + eiffel, token));
        assertThat(photo.get("takenAt").asString()).isEqualTo("2024-07-14T21:30");
        assertThat(photo.get("takenAtOffset").asString()).isEqualTo("+02:00");
        assertThat(photo.get("exif").get("cameraModel").asString()).isEqualTo(PhotoFixtures.EXIF_MODEL);
        assertThat(photo.get("exif").get("iso").asInt()).isEqualTo(PhotoFixtures.EXIF_ISO);
        assertThat(photo.get("location").get("latitude").asDouble()).isEqualTo(PhotoFixtures.EXIF_LATITUDE,
                org.assertj.core.data.Offset.offset(1e-4));
        List<String> files = new ArrayList<>();
        photo.get("files").forEach(file -> files.add(file.get("name").asString()));
        assertThat(files).containsExactly("original", "thumb-1280", "thumb-256");
        JsonNode thumbnail = photo.get("files").get(2);
        HttpResponse<byte[]> bytes = api.absolute(HttpRequest.newBuilder(URI.create(thumbnail.get("url").asString()))
                .GET().build());
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(bytes.body()).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
        assertThat((long) bytes.body().length).isEqualTo(thumbnail.get("size").asLong());

        JsonNode tagged = ok(api.patch("/api/v1/photos/" + eiffel, token, Map.of("tags", List.of("Beach", "sunset"))));
        assertThat(tags(tagged)).containsExactlyInAnyOrder("beach", "sunset");
        assertThat(tagged.get("title").asString()).as("a field left out stays").isEqualTo("Eiffel");
        assertThat(ids(ok(api.get("/api/v1/photos?tag=sunset", token)))).containsExactly(eiffel);
        assertThat(ids(ok(api.get("/api/v1/photos?tag=sunset&tag=paris", token)))).isEmpty();
        assertThat(ids(ok(api.get("/api/v1/photos?text=eiff", token)))).containsExactly(eiffel);
        assertThat(ids(ok(api.get("/api/v1/photos?takenFrom=2024-07-14&takenTo=2024-07-15", token))))
                .containsExactly(eiffel);
        assertThat(ids(ok(api.get("/api/v1/photos?box=48,2,49,3", token)))).containsExactly(eiffel);
        assertThat(ids(ok(api.get("/api/v1/photos", token)))).containsExactly(other, eiffel);

        JsonNode renamed = ok(api.patch("/api/v1/albums/" + album, token, Map.of("name", "Paris")));
        assertThat(renamed.get("name").asString()).isEqualTo("Paris");
        assertThat(renamed.get("description").asString()).isEqualTo("Summer");
        String target = api.post("/api/v1/albums", token, Map.of("name", "Best of")).json().get("id").asString();
        JsonNode moved = ok(api.post("/api/v1/photos/" + eiffel + "/move", token, Map.of("albumId", target)));
        assertThat(moved.get("albumId").asString()).isEqualTo(target);
        assertThat(ids(ok(api.get("/api/v1/albums/" + album + "/photos", token)))).containsExactly(other);
        assertThat(ids(ok(api.get("/api/v1/albums?text=best", token)))).containsExactly(target);
        assertThat(ids(ok(api.get("/api/v1/albums", token)))).containsExactly(target, album);

        assertThat(api.delete("/api/v1/photos/" + eiffel, token).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/photos/" + eiffel, token).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/photos/" + eiffel, token).status()).as("idempotent").isEqualTo(204);
        assertThat(api.delete("/api/v1/albums/" + album, token).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/albums/" + album, token).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/photos/" + other, token).status()).as("deleted with its album").isEqualTo(404);
    }

    @Test
    @DisplayName("a direct upload is presigned, PUT straight to S3 and completed into a photo, once")
    void directUpload() {
        String token = api.signUpAndSignIn("gus@example.test", mailbox, cloud);
        String album = api.post("/api/v1/albums", token, Map.of("name", "Direct")).json().get("id").asString();
        Fixture jpeg = PhotoFixtures.aJpeg(640, 480, 21);

        ApiClient.Response started = api.post("/api/v1/albums/" + album + "/uploads", token,
                Map.of("fileName", jpeg.fileName(), "contentType", "image/jpeg", "size", jpeg.size()));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode put = started.json().get("put");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(put.get("url").asString()))
                .method(put.get("method").asString(), HttpRequest.BodyPublishers.ofByteArray(jpeg.bytes()));
        put.get("headers").properties().forEach(header -> {
            // java.net.http sets these itself, from the body it sends.
            if (!List.of("content-length", "host").contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                request.header(header.getKey(), header.getValue().asString());
            }
        });
        assertThat(api.absolute(request.build()).statusCode()).isEqualTo(200);

        String uploadToken = started.json().get("uploadToken").asString();
        JsonNode photo = ok(api.post("/api/v1/uploads/complete", token, Map.of("uploadToken", uploadToken)));
        assertThat(photo.get("id").asString()).isEqualTo(started.json().get("photoId").asString());
        assertThat(photo.get("width").asInt()).isEqualTo(640);
        assertThat(photo.get("files")).hasSize(3);
        JsonNode again = ok(api.post("/api/v1/uploads/complete", token, Map.of("uploadToken", uploadToken)));
        assertThat(again.get("id").asString()).as("completing again answers the same photo")
                .isEqualTo(photo.get("id").asString());
        assertThat(ids(ok(api.get("/api/v1/albums/" + album + "/photos", token)))).containsExactly(photo.get("id").asString());
    }

    @Test
    @DisplayName("refresh tokens rotate: the new access token works, the old refresh token is refused, revoke ends it")
    void tokens() {
        api.signUpAndSignIn("hal@example.test", mailbox, cloud);
        ApiClient.Response signedIn = api.post("/api/v1/tokens", null,
                Map.of("email", "hal@example.test", "password", ApiClient.PASSWORD));
        assertThat(signedIn.header("Cache-Control")).hasValue("no-store");
        assertThat(signedIn.json().get("tokenType").asString()).isEqualTo("Bearer");
        String refresh = signedIn.json().get("refreshToken").asString();

        ApiClient.Response refreshed = api.post("/api/v1/tokens/refresh", null, Map.of("refreshToken", refresh));
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/albums", refreshed.json().get("accessToken").asString()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/tokens/refresh", null, Map.of("refreshToken", refresh)).status())
                .as("a refresh token works once").isEqualTo(401);

        ApiClient.Response fresh = api.post("/api/v1/tokens", null,
                Map.of("email", "hal@example.test", "password", ApiClient.PASSWORD));
        String freshRefresh = fresh.json().get("refreshToken").asString();
        assertThat(api.post("/api/v1/tokens/revoke", null, Map.of("refreshToken", freshRefresh)).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/tokens/refresh", null, Map.of("refreshToken", freshRefresh)).status())
                .as("revoked").isEqualTo(401);
    }

    static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static List<String> tags(JsonNode photo) {
        List<String> tags = new ArrayList<>();
        photo.get("tags").forEach(tag -> tags.add(tag.get("value").asString()));
        return tags;
    }
}
