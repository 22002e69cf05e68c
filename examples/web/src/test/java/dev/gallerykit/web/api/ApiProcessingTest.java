package dev.gallerykit.web.api;

import dev.gallerykit.Gallery;
import dev.gallerykit.JobHandler;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.local.LocalCloud;
import dev.gallerykit.spi.Job;
import dev.gallerykit.spi.UserRepository;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import dev.gallerykit.web.local.DevMailbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's photos with asynchronous ingest and no worker in the app: the test plays the worker. */
@DisplayName("The JSON API with asynchronous ingest: a photo's status, and why it failed")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gallerykit.processing.mode=asynchronous", "gallerykit.processing.worker-threads=0"})
class ApiProcessingTest {

    @LocalServerPort
    int port;
    @Autowired
    DevMailbox mailbox;
    @Autowired
    LocalCloud cloud;
    @Autowired
    Gallery gallery;
    @Autowired
    UserRepository users;

    private ApiClient api;
    private String email;
    private String token;
    private String album;

    @BeforeEach
    void signedInWithAnAlbum() {
        api = new ApiClient(port);
        email = "api-" + UUID.randomUUID() + "@example.test";
        token = api.signUpAndSignIn(email, mailbox, cloud);
        ApiClient.Response created = api.post("/api/v1/albums", token, Map.of("name", "Harbour"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        album = created.json().get("id").asString();
    }

    @Test
    @DisplayName("an upload answers status processing with the original only; once processed, ready with its renditions")
    void processingThenReady() {
        JsonNode uploaded = upload(PhotoFixtures.aJpeg(900, 600, 11));
        assertThat(uploaded.get("status").asString()).isEqualTo("processing");
        assertThat(uploaded.get("statusReason").isNull()).isTrue();
        assertThat(fileNames(uploaded)).containsExactly("original");
        String id = uploaded.get("id").asString();
        assertThat(listed().get(0).get("status").asString()).isEqualTo("processing");

        assertThat(process(uploaded)).isEqualTo(JobHandler.Outcome.READY);

        JsonNode ready = photo(id);
        assertThat(ready.get("status").asString()).isEqualTo("ready");
        assertThat(ready.get("statusReason").isNull()).isTrue();
        assertThat(fileNames(ready)).contains("original").hasSizeGreaterThan(1);
        assertThat(listed().get(0).get("status").asString()).isEqualTo("ready");
    }

    @Test
    @DisplayName("a photo that could not be processed is failed, with statusReason saying why, and keeps its original")
    void failed() {
        JsonNode uploaded = upload(PhotoFixtures.aTruncatedJpeg());
        assertThat(process(uploaded)).isEqualTo(JobHandler.Outcome.FAILED);
        String reason = gallery.photos().get(owner(), PhotoId.parse(uploaded.get("id").asString()))
                .processing().reason().orElseThrow();

        JsonNode failed = photo(uploaded.get("id").asString());
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("statusReason").asString()).isEqualTo(reason).isNotBlank();
        assertThat(fileNames(failed)).containsExactly("original");
        assertThat(failed.get("files").get(0).get("url").asString()).as("the original can still be fetched").startsWith("http");
    }

    private JsonNode upload(Fixture file) {
        ApiClient.Response response = api.upload("/api/v1/albums/" + album + "/photos", token, file.fileName(),
                file.bytes(), Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private JsonNode photo(String id) {
        ApiClient.Response response = api.get("/api/v1/photos/" + id, token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode listed() {
        ApiClient.Response response = api.get("/api/v1/albums/" + album + "/photos", token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("items");
    }

    /** What a worker does with the upload's job. */
    private JobHandler.Outcome process(JsonNode photo) {
        return gallery.jobs().handle(Job.processPhoto(owner(), PhotoId.parse(photo.get("id").asString())));
    }

    private UserId owner() {
        return users.findByEmail(email).orElseThrow().id();
    }

    private static List<String> fileNames(JsonNode photo) {
        List<String> names = new ArrayList<>();
        photo.get("files").forEach(file -> names.add(file.get("name").asString()));
        return names;
    }
}
