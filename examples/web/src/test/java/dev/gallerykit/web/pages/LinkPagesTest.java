package dev.gallerykit.web.pages;

import dev.gallerykit.Gallery;
import dev.gallerykit.IssuedLink;
import dev.gallerykit.LinkSettings;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.ShareLink;
import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.domain.UserStatus;
import dev.gallerykit.spi.UserRepository;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Share-link pages over HTTP: no sign-in, one visit per opening, only what the link gives, one page for every failure")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LinkPagesTest {

    private static final Pattern MESSAGE = Pattern.compile("<p class=\"problem\" id=\"message\">(.*?)</p>", Pattern.DOTALL);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern IMAGES = Pattern.compile("<img src=\"([^\"]+)\"[^>]*class=\"thumbnail\"");
    private static final Pattern PHOTO_LINKS = Pattern.compile("href=\"(/s/[^\"]+/photos/[^\"]+)\"");
    /** The fixture's place, as the pages write it. */
    private static final String PLACE = "48.85840° N, 2.29450° E";

    @LocalServerPort
    int port;
    @Autowired
    Gallery gallery;
    @Autowired
    UserRepository users;

    private final HttpClient http = HttpClient.newHttpClient();
    private UserId owner;
    private Album album;

    @BeforeEach
    void anAlbumWithAPhotoThatRecordsAPlace() {
        Instant now = Instant.now();
        String email = "owner-" + UUID.randomUUID() + "@example.test";
        owner = users.create(new User(UserId.of(UUID.randomUUID()), email, "Owner", "not a password hash",
                UserStatus.ACTIVE, 0, Optional.empty(), now, now, Optional.of(now), 0)).id();
        album = gallery.albums().create(owner, "Lisbon", "");
        Photo photo = gallery.photos().upload(owner, album.id(),
                Upload.of(PhotoFixtures.aJpegWithExif().stream(), "tram.jpg"));
        assertThat(photo.location()).as("the fixture records a place").isPresent();
    }

    @Test
    @DisplayName("a link without a password opens without an account; the visit is kept in an HttpOnly cookie of the "
            + "link's own path, so pages after the first count no more views; nothing says where the photo was taken")
    void linkWithoutPassword() {
        IssuedLink issued = link(LinkSettings.defaults());
        String link = "/s/" + issued.token();
        Visitor visitor = new Visitor();

        HttpResponse<String> page = visitor.get(link);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1 id=\"album-name\">Lisbon</h1>").doesNotContain(PLACE)
                .doesNotContain("Sign out");
        assertThat(IMAGES.matcher(page.body()).results().count()).isEqualTo(1);
        assertThat(page.headers().firstValue("Referrer-Policy")).as("the token stays out of Referer headers")
                .contains("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(VisitCookie.NAME + "="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("Path=" + link + ";").contains("SameSite=Lax");
        assertThat(views(issued)).isEqualTo(1);

        String photoPage = first(PHOTO_LINKS, page.body());
        HttpResponse<String> photo = visitor.get(photoPage);
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.body()).contains("id=\"preview\"").contains(PhotoFixtures.EXIF_MODEL)
                .doesNotContain(PLACE).doesNotContain("id=\"download-original\"").doesNotContain("tram.jpg");
        visitor.get(link);
        assertThat(views(issued)).as("the visit's later pages are not new views").isEqualTo(1);

        new Visitor().get(link);
        assertThat(views(issued)).as("another browser is another view").isEqualTo(2);
    }

    @Test
    @DisplayName("a link that shows places and gives originals shows the place and a download of the original")
    void linkWithPlacesAndOriginals() {
        String link = "/s/" + link(LinkSettings.defaults().allowingOriginals(true).showingLocation(true)).token();
        Visitor visitor = new Visitor();

        HttpResponse<String> photo = visitor.get(first(PHOTO_LINKS, visitor.get(link).body()));

        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.body()).contains(PLACE).contains("id=\"download-original\"");
    }

    @Test
    @DisplayName("a link that gives originals but hides places offers no original of a photo whose file records one")
    void originalsWithoutPlaces() {
        String link = "/s/" + link(LinkSettings.defaults().allowingOriginals(true)).token();
        Visitor visitor = new Visitor();

        HttpResponse<String> photo = visitor.get(first(PHOTO_LINKS, visitor.get(link).body()));

        assertThat(photo.body()).doesNotContain(PLACE).doesNotContain("id=\"download-original\"");
    }

    @Test
    @DisplayName("the password goes in a POST body; the right one opens the album, the wrong one is the not-found page")
    void password() {
        IssuedLink issued = link(LinkSettings.defaults().withPassword("azulejo"));
        String link = "/s/" + issued.token();
        Visitor visitor = new Visitor();

        HttpResponse<String> form = visitor.get(link);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"link-password\"").doesNotContain("Lisbon");
        assertThat(views(issued)).isZero();

        HttpResponse<String> wrong = visitor.post(link, first(CSRF, form.body()), "azulej0");
        assertGone(wrong);
        assertThat(wrong.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(VisitCookie.NAME + "="));

        HttpResponse<String> right = visitor.post(link, first(CSRF, form.body()), "azulejo");
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(right.headers().firstValue("Location").orElseThrow()).endsWith(link).doesNotContain("azulejo");
        HttpResponse<String> page = visitor.get(link);
        assertThat(page.body()).contains("<h1 id=\"album-name\">Lisbon</h1>");
        assertThat(views(issued)).isEqualTo(1);
    }

    @Test
    @DisplayName("a visit's cookie is taken only on its own link's pages, and not when altered")
    void cookieBoundToItsLink() {
        IssuedLink issued = link(LinkSettings.defaults());
        String open = "/s/" + issued.token();
        String locked = "/s/" + link(LinkSettings.defaults().withPassword("azulejo")).token();
        Visitor visitor = new Visitor();
        visitor.get(open);
        String value = visitor.cookies.stream().filter(c -> c.startsWith(VisitCookie.NAME + "=")).findFirst()
                .orElseThrow();

        Visitor replaying = new Visitor();
        replaying.cookies.add(value);
        assertThat(replaying.get(locked).body()).as("another link's visit does not open this one")
                .contains("id=\"link-password\"").doesNotContain("Lisbon");
        Visitor altering = new Visitor();
        altering.cookies.add(value.substring(0, value.length() - 2) + (value.endsWith("A") ? "BB" : "AA"));
        assertThat(altering.get(open).statusCode()).isEqualTo(200);
        assertThat(views(issued)).as("the altered cookie was not taken: the link was opened again").isEqualTo(2);
    }

    @Test
    @DisplayName("unknown, malformed and revoked links and a wrong password all answer the same 404 page")
    void oneNotFoundPage() {
        IssuedLink issued = link(LinkSettings.defaults());
        String link = "/s/" + issued.token();
        Visitor visitor = new Visitor();
        String photoPage = first(PHOTO_LINKS, visitor.get(link).body());

        assertGone(new Visitor().get("/s/" + "x".repeat(43)));
        assertGone(new Visitor().get("/s/not%20a%20token"));
        gallery.sharing().revokeLink(owner, album.id(), issued.link().id());
        assertGone(visitor.get(link));
        assertGone(visitor.get(photoPage));
        assertGone(new Visitor().get(link));
    }

    private IssuedLink link(LinkSettings settings) {
        return gallery.sharing().createLink(owner, album.id(), settings);
    }

    private long views(IssuedLink link) {
        List<ShareLink> links = gallery.sharing().links(owner, album.id(), PageRequest.first(10)).items();
        return links.stream().filter(l -> l.id().equals(link.link().id())).findFirst().orElseThrow().views();
    }

    private static void assertGone(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(404);
        Matcher message = MESSAGE.matcher(page.body());
        assertThat(message.find()).as("the error page:%n%s", page.body()).isTrue();
        assertThat(HtmlUtils.htmlUnescape(message.group(1)).strip()).isEqualTo(LinkController.GONE);
        assertThat(page.body()).doesNotContain("Lisbon");
    }

    private static String first(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertThat(matcher.find()).as("%s in:%n%s", pattern, html).isTrue();
        return HtmlUtils.htmlUnescape(matcher.group(1));
    }

    /** A browser without an account: keeps the cookies it is given (name=value), sends them all back. */
    private final class Visitor {

        final List<String> cookies = new ArrayList<>();

        HttpResponse<String> get(String path) {
            return send(request(path).GET());
        }

        HttpResponse<String> post(String path, String csrf, String password) {
            String body = "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html");
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies));
            }
            return request;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                for (String set : response.headers().allValues("Set-Cookie")) {
                    String pair = set.split(";", 2)[0];
                    String name = pair.split("=", 2)[0];
                    cookies.removeIf(c -> c.startsWith(name + "="));
                    if (!pair.endsWith("=")) {
                        cookies.add(pair);
                    }
                }
                return response;
            } catch (IOException e) {
                throw new AssertionError("request failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
