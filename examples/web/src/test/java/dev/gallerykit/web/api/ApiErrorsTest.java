package dev.gallerykit.web.api;

import dev.gallerykit.Gallery;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.AlbumRole;
import dev.gallerykit.domain.User;
import dev.gallerykit.local.LocalCloud;
import dev.gallerykit.spi.UserRepository;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import dev.gallerykit.web.local.DevMailbox;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

@DisplayName("The JSON API's failures are RFC 9457 problems with our statuses and messages, never a stack trace")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ApiTest.UPLOAD_LIMIT, ApiTest.MULTIPART_LIMIT})
class ApiErrorsTest {

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

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    @DisplayName("without a token, or with a bad one, every API path answers 401 with WWW-Authenticate: Bearer")
    void unauthenticated() {
        JsonNode missing = problem(api.get("/api/v1/albums", null), 401, "authentication");
        assertThat(missing.get("detail").asString()).contains("Authorization: Bearer");
        problem(api.get("/api/v1/albums", "not-a-token"), 401, "authentication");
        problem(api.post("/api/v1/albums", "eyJhbGciOiJIUzI1NiJ9.e30.x", Map.of("name", "x")), 401, "authentication");
        problem(api.get("/api/v1/nothing-here", null), 401, "authentication");
        problem(api.post("/api/v1/tokens", null, Map.of("email", "nobody@example.test", "password", "wrong password")),
                401, "authentication");
        assertThat(api.get("/api/v1/openapi.json", null).status()).as("the document is public").isEqualTo(200);
    }

    @Test
    @DisplayName("the API reads no cookies: a signed-in browser's session cookies give no access to it")
    void cookiesAreNotRead() {
        api.signUpAndSignIn("max@example.test", mailbox, cloud);
        String cookies = api.pageSessionCookies("max@example.test");
        assertThat(api.getWithCookies("/albums", cookies).status()).as("the cookies sign the pages in").isEqualTo(200);
        problem(api.getWithCookies("/api/v1/albums", cookies), 401, "authentication");
    }

    @Test
    @DisplayName("another user's album and photo are 404, like ones that do not exist")
    void otherUsers() {
        String owner = api.signUpAndSignIn("ida@example.test", mailbox, cloud);
        String album = api.post("/api/v1/albums", owner, Map.of("name", "Mine")).json().get("id").asString();
        String photo = api.upload("/api/v1/albums/" + album + "/photos", owner, "a.jpg",
                PhotoFixtures.aJpeg(300, 200, 3).bytes(), Map.of()).json().get("id").asString();
        String intruder = api.signUpAndSignIn("jon@example.test", mailbox, cloud);

        problem(api.get("/api/v1/albums/" + album, intruder), 404, "not-found");
        problem(api.get("/api/v1/albums/" + album + "/photos", intruder), 404, "not-found");
        problem(api.patch("/api/v1/albums/" + album, intruder, Map.of("name", "Taken")), 404, "not-found");
        problem(api.upload("/api/v1/albums/" + album + "/photos", intruder, "b.jpg",
                PhotoFixtures.aJpeg(300, 200, 4).bytes(), Map.of()), 404, "not-found");
        problem(api.get("/api/v1/photos/" + photo, intruder), 404, "not-found");
        problem(api.patch("/api/v1/photos/" + photo, intruder, Map.of("title", "Taken")), 404, "not-found");
        problem(api.get("/api/v1/photos/" + UUID.randomUUID(), intruder), 404, "not-found");
        assertThat(ApiTest.ids(ApiTest.ok(api.get("/api/v1/photos", intruder)))).isEmpty();
        assertThat(api.delete("/api/v1/albums/" + album, intruder).status()).as("idempotent, and nothing happens")
                .isEqualTo(204);
        assertThat(api.get("/api/v1/albums/" + album, owner).status()).isEqualTo(200);
        assertThat(ApiTest.ok(api.get("/api/v1/photos/" + photo, owner)).get("title").asString()).isEqualTo("a");
    }

    @Test
    @DisplayName("a viewer of a shared album reads it and is refused the rest with 403, without the library's words")
    void member() {
        String owner = api.signUpAndSignIn("una@example.test", mailbox, cloud);
        String album = api.post("/api/v1/albums", owner, Map.of("name", "Ours")).json().get("id").asString();
        String viewer = api.signUpAndSignIn("vic@example.test", mailbox, cloud);
        gallery.sharing().share(users.findByEmail("una@example.test").map(User::id).orElseThrow(), AlbumId.parse(album),
                users.findByEmail("vic@example.test").map(User::id).orElseThrow(), AlbumRole.VIEWER, false);

        assertThat(ApiTest.ok(api.get("/api/v1/albums/" + album, viewer)).get("name").asString()).isEqualTo("Ours");
        for (ApiClient.Response refused : new ApiClient.Response[] {
                api.patch("/api/v1/albums/" + album, viewer, Map.of("name", "Theirs")),
                api.upload("/api/v1/albums/" + album + "/photos", viewer, "c.jpg", PhotoFixtures.aJpeg(300, 200, 5).bytes(),
                        Map.of())}) {
            JsonNode problem = problem(refused, 403, "access-denied");
            assertThat(problem.get("detail").asString())
                    .isEqualTo("The album is shared with you, but your role in it does not allow that.")
                    .doesNotContain(album);
        }
        assertThat(ApiTest.ok(api.get("/api/v1/albums/" + album, owner)).get("name").asString()).isEqualTo("Ours");
    }

    @Test
    @DisplayName("bad input is 400 with our message, too large 413, a text file 415, a tampered cursor 400")
    void badInput() {
        String token = api.signUpAndSignIn("kim@example.test", mailbox, cloud);
        JsonNode blank = problem(api.post("/api/v1/albums", token, Map.of("name", "  ")), 400, "invalid-input");
        assertThat(blank.get("field").asString()).isEqualTo("name");
        assertThat(blank.get("detail").asString()).startsWith("name ");
        assertThat(problem(api.post("/api/v1/albums", token, Map.of("description", "no name")), 400, "invalid-input")
                .get("detail").asString()).isEqualTo("name is missing");
        problem(api.postRaw("/api/v1/albums", token, "application/json", "{\"name\": "), 400, "invalid-input");
        problem(api.get("/api/v1/albums/not-a-uuid", token), 400, "invalid-input");
        problem(api.get("/api/v1/albums?limit=0", token), 400, "invalid-input");
        problem(api.get("/api/v1/albums?limit=many", token), 400, "invalid-input");
        problem(api.get("/api/v1/photos?takenFrom=yesterday", token), 400, "invalid-input");
        problem(api.get("/api/v1/photos?box=1,2,3", token), 400, "invalid-input");

        String album = api.post("/api/v1/albums", token, Map.of("name", "Limits")).json().get("id").asString();
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/albums", token, Map.of("name", "Filler " + i));
        }
        String cursor = api.get("/api/v1/albums?limit=1", token).json().get("next").asString();
        String tampered = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("AA") ? "BB" : "AA");
        JsonNode badCursor = problem(api.get("/api/v1/albums?limit=1&cursor=" + tampered, token), 400, "invalid-input");
        assertThat(badCursor.get("field").asString()).isEqualTo("cursor");

        byte[] jpeg = PhotoFixtures.aJpeg(300, 200, 5).bytes();
        byte[] overLimit = Arrays.copyOf(jpeg, 1024 * 1024 + 4096);
        JsonNode large = problem(api.upload("/api/v1/albums/" + album + "/photos", token, "big.jpg", overLimit, Map.of()),
                413, "limit-exceeded");
        assertThat(large.get("detail").asString()).contains("1048576");
        byte[] overMultipartLimit = Arrays.copyOf(jpeg, 2 * 1024 * 1024 + 4096);
        problem(api.upload("/api/v1/albums/" + album + "/photos", token, "bigger.jpg", overMultipartLimit, Map.of()),
                413, "limit-exceeded");
        problem(api.post("/api/v1/albums/" + album + "/uploads", token,
                Map.of("fileName", "big.jpg", "contentType", "image/jpeg", "size", 2 * 1024 * 1024)), 413, "limit-exceeded");

        JsonNode text = problem(api.upload("/api/v1/albums/" + album + "/photos", token, "notes.txt",
                "these are notes, not a photo\n".getBytes(StandardCharsets.UTF_8), Map.of()), 415, "unsupported-media");
        assertThat(text.get("detail").asString()).isNotBlank();
        problem(api.post("/api/v1/albums/" + album + "/uploads", token,
                Map.of("fileName", "notes.txt", "contentType", "text/plain", "size", 10)), 415, "unsupported-media");
        problem(api.post("/api/v1/uploads/complete", token, Map.of("uploadToken", "forged")), 400, "invalid-input");
        problem(api.patch("/api/v1/photos/" + UUID.randomUUID(), token, Map.of()), 400, "invalid-input");
        problem(api.patch("/api/v1/albums/" + album, token, Map.of()), 400, "invalid-input");
        String nameBefore = ApiTest.ok(api.get("/api/v1/albums/" + album, token)).get("name").asString();
        JsonNode longText = problem(api.patch("/api/v1/albums/" + album, token,
                Map.of("name", "Renamed", "description", "d".repeat(5001))), 400, "invalid-input");
        assertThat(longText.get("detail").asString()).contains("description");
        assertThat(ApiTest.ok(api.get("/api/v1/albums/" + album, token)).get("name").asString())
                .as("a refused description leaves the name too").isEqualTo(nameBefore);
        assertThat(ApiTest.ids(ApiTest.ok(api.get("/api/v1/albums/" + album + "/photos", token))))
                .as("nothing was stored").isEmpty();
    }

    @Test
    @DisplayName("an unknown path is 404 and a wrong method 405, as problems too")
    void unmapped() {
        String token = api.signUpAndSignIn("lea@example.test", mailbox, cloud);
        problem(api.get("/api/v1/nothing-here", token), 404, "not-found");
        ApiClient.Response wrongMethod = api.delete("/api/v1/albums", token);
        problem(wrongMethod, 405, "request");
        assertThat(wrongMethod.header("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET", "POST"));
    }

    /** Checks the problem's shape and that it tells nothing about the code: the parsed body. */
    private static JsonNode problem(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.").doesNotContain("java.");
        JsonNode body = response.json();
        assertThat(body.get("type").asString()).isEqualTo("urn:gallerykit:problem:" + type);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
        if (status == 401) {
            assertThat(response.header("WWW-Authenticate")).hasValue("Bearer");
        }
        return body;
    }
}
