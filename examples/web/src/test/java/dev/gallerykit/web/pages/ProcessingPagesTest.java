package dev.gallerykit.web.pages;

import dev.gallerykit.Gallery;
import dev.gallerykit.JobHandler;
import dev.gallerykit.Upload;
import dev.gallerykit.auth.Accounts;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.PhotoStatus;
import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.domain.UserStatus;
import dev.gallerykit.spi.Job;
import dev.gallerykit.spi.UserRepository;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import dev.gallerykit.web.session.SessionCookies;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of photos that are being processed, over HTTP. No worker runs in this app
 * ({@code worker-threads=0}): the test plays the worker, so each page is read in a known state.
 */
@DisplayName("Pages with asynchronous ingest: processing and failed photos in the grids, on the photo page and in the status answer")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gallerykit.processing.mode=asynchronous", "gallerykit.processing.worker-threads=0"})
class ProcessingPagesTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern THUMBNAIL = Pattern.compile("<img src=\"[^\"]+\"[^>]*class=\"thumbnail\"");
    private static final String PLACEHOLDER = "<div class=\"none processing\" role=\"status\">Processing…</div>";
    private static final String FAILED = "<div class=\"none failed\">Could not be processed</div>";
    private static final String SCRIPT = "/js/processing.js";

    @LocalServerPort
    int port;
    @Autowired
    Gallery gallery;
    @Autowired
    Accounts accounts;
    @Autowired
    UserRepository users;

    private final HttpClient http = HttpClient.newHttpClient();
    private UserId owner;
    private String session;
    private Album album;

    @BeforeEach
    void signedInOwnerWithAnAlbum() {
        String email = "owner-" + UUID.randomUUID() + "@example.test";
        owner = account(email);
        session = SessionCookies.ACCESS + "=" + accounts.signIn(email, PASSWORD).accessToken();
        album = gallery.albums().create(owner, "Harbour", "");
    }

    /** An active account with the test's password, as if it had confirmed its email. */
    private UserId account(String email) {
        Instant now = Instant.now();
        return users.create(new User(UserId.of(UUID.randomUUID()), email, "Owner",
                accounts.passwordHasher().hash(PASSWORD), UserStatus.ACTIVE, 0, Optional.empty(), now, now,
                Optional.of(now), 0)).id();
    }

    @Test
    @DisplayName("a processing photo shows \"Processing…\" and the page asks for its status; once ready, its thumbnail and no script")
    void processingThenReady() {
        Photo photo = upload(PhotoFixtures.aJpeg(900, 600, 3));
        assertThat(photo.status()).isEqualTo(PhotoStatus.PROCESSING);

        String page = page("/albums/" + album.id());
        assertThat(page).contains(PLACEHOLDER).doesNotContain("no preview").contains(SCRIPT)
                .contains("data-photo-id=\"" + photo.id() + "\" data-status=\"processing\"")
                .contains("data-status-url=\"/photos/status\"");
        assertThat(THUMBNAIL.matcher(page).find()).isFalse();
        assertThat(page("/photos/" + photo.id())).contains("<strong>Processing…</strong>")
                .contains(SCRIPT).doesNotContain("id=\"preview\"");
        assertThat(status(photo.id())).isEqualTo("{\"" + photo.id() + "\":\"processing\"}");

        assertThat(gallery.jobs().handle(Job.processPhoto(owner, photo.id()))).isEqualTo(JobHandler.Outcome.READY);

        assertThat(status(photo.id())).isEqualTo("{\"" + photo.id() + "\":\"ready\"}");
        String ready = page("/albums/" + album.id());
        assertThat(THUMBNAIL.matcher(ready).results().count()).isEqualTo(1);
        assertThat(ready).doesNotContain("Processing…").doesNotContain(SCRIPT)
                .contains("data-photo-id=\"" + photo.id() + "\" data-status=\"ready\"");
        assertThat(page("/photos/" + photo.id())).contains("<strong>Ready</strong>").contains("id=\"preview\"")
                .doesNotContain(SCRIPT);
    }

    @Test
    @DisplayName("a photo that could not be processed says so in the grid, and on its page with the reason")
    void failed() {
        Photo photo = upload(PhotoFixtures.aTruncatedJpeg());
        assertThat(gallery.jobs().handle(Job.processPhoto(owner, photo.id()))).isEqualTo(JobHandler.Outcome.FAILED);
        String reason = gallery.photos().get(owner, photo.id()).processing().reason().orElseThrow();

        String grid = page("/albums/" + album.id());
        assertThat(grid).contains(FAILED).doesNotContain("no preview").doesNotContain(SCRIPT);
        String photoPage = page("/photos/" + photo.id());
        assertThat(photoPage).contains("<strong>Could not be processed</strong>")
                .contains("<p id=\"status-reason\" class=\"problem\">" + HtmlUtils.htmlEscape(reason) + "</p>")
                .contains("The original is kept.").doesNotContain(SCRIPT);
        assertThat(status(photo.id())).isEqualTo("{\"" + photo.id() + "\":\"failed\"}");
    }

    @Test
    @DisplayName("search results show the same placeholder")
    void searchResults() {
        Photo photo = gallery.photos().upload(owner, album.id(), Upload.of(u -> u
                .content(PhotoFixtures.aJpeg().stream()).fileName("pier.jpg").title("Pier at dawn")));
        assertThat(photo.status()).isEqualTo(PhotoStatus.PROCESSING);

        assertThat(page("/search?text=pier")).contains(PLACEHOLDER).doesNotContain("no preview");
    }

    @Test
    @DisplayName("the status answer: several photos at once, gone for what is not the user's, at most a page of them")
    void statusAnswer() {
        Photo processing = upload(PhotoFixtures.aJpeg(640, 480, 5));
        PhotoId unknown = PhotoId.of(UUID.randomUUID());
        UserId stranger = account("stranger-" + UUID.randomUUID() + "@example.test");
        Album theirs = gallery.albums().create(stranger, "Theirs", "");
        Photo notMine = gallery.photos().upload(stranger, theirs.id(),
                Upload.of(PhotoFixtures.aJpeg(320, 240, 9).stream(), "theirs.jpg"));

        HttpResponse<String> answer = get("/photos/status?ids=" + processing.id() + "," + unknown + "," + notMine.id());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(answer.body()).isEqualTo("{\"" + processing.id() + "\":\"processing\",\"" + unknown
                + "\":\"gone\",\"" + notMine.id() + "\":\"gone\"}");

        String tooMany = String.join(",", Collections.nCopies(AlbumPage.PHOTOS_PER_PAGE + 1, processing.id().toString()));
        assertThat(get("/photos/status?ids=" + tooMany).statusCode()).isEqualTo(400);
    }

    private Photo upload(Fixture file) {
        return gallery.photos().upload(owner, album.id(), Upload.of(file.stream(), file.fileName()));
    }

    private String page(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }

    private String status(PhotoId photo) {
        return page("/photos/status?ids=" + photo);
    }

    private HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", session).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
