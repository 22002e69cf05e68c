package dev.gallerykit.web.pages;

import dev.gallerykit.auth.MailDeliveryException;
import dev.gallerykit.error.AccessDeniedException;
import dev.gallerykit.error.AuthenticationFailedException;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.LimitExceededException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.error.StorageException;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.error.UnsupportedMediaException;
import dev.gallerykit.web.session.CsrfProtection;
import dev.gallerykit.web.session.SignInRequiredException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Error pages: GalleryKit's exceptions as statuses and words, never exception text or a stack trace")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.servlet.multipart.max-file-size=1KB")
@Import(ErrorPagesTest.Failing.class)
class ErrorPagesTest {

    /** Put into the messages and causes of exceptions whose text is not for users: no page may show it. */
    private static final String SECRET = "s3cr3t-" + UUID.randomUUID();
    private static final Pattern STATUS = Pattern.compile("<h1 id=\"status\">(.*?)</h1>", Pattern.DOTALL);
    private static final Pattern MESSAGE = Pattern.compile("<p class=\"problem\" id=\"message\">(.*?)</p>", Pattern.DOTALL);

    /** One exception a page may throw, and the page the visitor should see for it. */
    record Failure(String kind, Supplier<RuntimeException> exception, int status, String heading, String message,
                   boolean retryAfter) {

        @Override
        public String toString() {
            return exception.get().getClass().getSimpleName() + " answers " + heading;
        }
    }

    private static final List<Failure> FAILURES = List.of(
            // Messages written for users are shown as they are.
            new Failure("invalid", () -> new InvalidInputException("name", "must not be blank"),
                    400, "400 Bad Request", "name must not be blank", false),
            new Failure("limit", () -> new LimitExceededException("pixels", 40_000_000, "the image has 50000000"),
                    413, "413 Content Too Large", "pixels exceeds the limit of 40000000: the image has 50000000", false),
            new Failure("unsupported", () -> new UnsupportedMediaException("the file is not a JPEG, PNG, GIF or WebP"),
                    415, "415 Unsupported Media Type", "the file is not a JPEG, PNG, GIF or WebP", false),
            new Failure("conflict", () -> new ConflictException("an account with this email already exists"),
                    409, "409 Conflict", "an account with this email already exists", false),
            new Failure("authentication", () -> new AuthenticationFailedException("wrong email or password"),
                    401, "401 Unauthorized", "wrong email or password", false),
            // Messages that name ids, stores or causes are replaced by the page's own words.
            new Failure("not-found", () -> new NotFoundException("album", SECRET),
                    404, "404 Not Found", "There is nothing here, or it is not yours to see.", false),
            new Failure("access-denied", () -> new AccessDeniedException("manage album " + SECRET, "only the owner may"),
                    403, "403 Forbidden", "This album is shared with you, but your role in it does not allow that.", false),
            new Failure("concurrent", () -> new ConcurrentModificationException("album", SECRET, 3),
                    409, "409 Conflict", "It was changed meanwhile; reload the page and try again.", false),
            new Failure("upload-too-large", () -> new MaxUploadSizeExceededException(1024, new IllegalStateException(SECRET)),
                    413, "413 Content Too Large", "The upload is larger than this site accepts.", false),
            new Failure("storage-unavailable",
                    () -> new StorageUnavailableException("S3 timed out: " + SECRET, new IOException(SECRET)),
                    503, "503 Service Unavailable", "The service is unavailable for a moment; try again soon.", true),
            new Failure("mail-unavailable",
                    () -> new MailDeliveryException("SMTP refused: " + SECRET, new IOException(SECRET), true),
                    503, "503 Service Unavailable", "The service is unavailable for a moment; try again soon.", true),
            new Failure("storage", () -> new StorageException("no table " + SECRET, new SQLException(SECRET)),
                    500, "500 Internal Server Error", "Something went wrong on our side.", false));

    /** Pages that fail on purpose. A nested class of a test: component scanning leaves it out of other tests. */
    @Controller
    static class Failing {

        @GetMapping("/failing/{kind}")
        String fail(@PathVariable("kind") String kind) {
            if (kind.equals("sign-in")) {
                throw new SignInRequiredException();
            }
            if (kind.equals("unexpected")) {
                throw new IllegalStateException("unexpected: " + SECRET);
            }
            throw FAILURES.stream().filter(failure -> failure.kind().equals(kind)).findFirst().orElseThrow()
                    .exception().get();
        }

        @PostMapping("/failing/form")
        String form() {
            return "redirect:/";
        }

        @PostMapping("/failing/upload")
        String upload(@RequestParam("file") MultipartFile file) {
            return "redirect:/";
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    static Stream<Failure> failures() {
        return FAILURES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    @DisplayName("each GalleryKit exception answers its status on the error page, with only words meant for users")
    void mapsEachException(Failure failure) {
        HttpResponse<String> page = get("/failing/" + failure.kind());

        assertThat(page.statusCode()).isEqualTo(failure.status());
        assertErrorPage(page, failure.heading(), failure.message());
        if (failure.retryAfter()) {
            assertThat(page.headers().firstValue("Retry-After")).contains("10");
        } else {
            assertThat(page.headers().firstValue("Retry-After")).isEmpty();
        }
    }

    @Test
    @DisplayName("a page for signed-in users, asked for without a session, redirects to the sign-in page")
    void signInRequired() {
        HttpResponse<String> page = get("/failing/sign-in");

        assertThat(page.statusCode()).isEqualTo(302);
        Optional<String> location = page.headers().firstValue("Location");
        assertThat(location).isPresent();
        assertThat(URI.create(base()).resolve(location.get()).getPath()).isEqualTo("/signin");
    }

    @Test
    @DisplayName("a form posted without its CSRF token answers 403 and asks for a reload")
    void csrfRejected() {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base() + "/failing/form"))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=x")));

        assertThat(page.statusCode()).isEqualTo(403);
        assertErrorPage(page, "403 Forbidden", new CsrfProtection.CsrfRejectedException().getMessage());
    }

    @Test
    @DisplayName("a multipart body over the servlet's limit answers 413 before the CSRF check or the controller")
    void multipartOverLimit() {
        String boundary = "gk-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n" + "x".repeat(4096) + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base() + "/failing/upload"))
                .header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));

        assertThat(page.statusCode()).isEqualTo(413);
        assertErrorPage(page, "413 Content Too Large", "The upload is larger than this site accepts.");
    }

    @Test
    @DisplayName("an exception that is not GalleryKit's answers 500 without its text")
    void unexpectedException() {
        HttpResponse<String> page = get("/failing/unexpected");

        assertThat(page.statusCode()).isEqualTo(500);
        assertErrorPage(page, "500 Internal Server Error", "Sorry, that did not work.");
    }

    @Test
    @DisplayName("a path that does not exist answers 404 on the error page, without a stack trace")
    void unknownPath() {
        HttpResponse<String> page = get("/no-such-page/" + SECRET);

        assertThat(page.statusCode()).isEqualTo(404);
        assertErrorPage(page, "404 Not Found", "Sorry, that did not work.");
    }

    private void assertErrorPage(HttpResponse<String> page, String heading, String message) {
        String body = page.body();
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(text(STATUS, body)).as("the heading").isEqualTo(heading);
        assertThat(text(MESSAGE, body)).as("the message").isEqualTo(message);
        assertThat(body).as("no exception text").doesNotContain(SECRET)
                .doesNotContain("Exception").doesNotContain("java.").doesNotContain("dev.gallerykit.")
                .doesNotContainPattern("\\sat [a-z]+\\.[a-zA-Z.$]+\\(");
    }

    /** The visible text inside the first match of the pattern: tags dropped, entities decoded, spaces collapsed. */
    private static String text(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertThat(matcher.find()).as("%s in the page:%n%s", pattern, html).isTrue();
        return HtmlUtils.htmlUnescape(matcher.group(1).replaceAll("<[^>]+>", "")).replaceAll("\\s+", " ").trim();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html").GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
