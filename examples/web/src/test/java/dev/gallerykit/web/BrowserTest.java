package dev.gallerykit.web;

import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The web app in Chromium, on the local profile (H2, S3Proxy, GreenMail)")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static Path uploads;
    private static Path direct;

    @LocalServerPort
    int port;

    @BeforeAll
    static void photos() throws Exception {
        uploads = Files.createDirectories(Path.of("target", "uploads"));
        PhotoFixtures.aJpegWithExif().writeTo(uploads);
        PhotoFixtures.aJpeg(900, 600, 7).writeTo(uploads);
        direct = PhotoFixtures.aJpeg(640, 480, 13).writeTo(Files.createDirectories(Path.of("target", "direct")));
    }

    @Test
    @DisplayName("a visitor signs up, confirms by mail, uploads through the form and directly, edits, searches, "
            + "signs out and in, and deletes the account")
    void journey() throws Exception {
        try (Browser browser = new Browser("http://localhost:" + port)) {
            String email = "ann@example.test";
            browser.signUpAndConfirm(email, "Ann", PASSWORD);
            browser.signIn(email, PASSWORD);
            assertThat(browser.path()).isEqualTo("/albums");

            browser.fill("#new-album", "name", "Holidays");
            browser.fill("#new-album", "description", "Summer 2024");
            browser.submit("#new-album");
            assertThat(browser.find("h1").getText()).isEqualTo("Holidays");

            List<Path> files;
            try (var listing = Files.list(uploads)) {
                files = listing.map(Path::toAbsolutePath).sorted().toList();
            }
            assertThat(files).hasSize(2);
            browser.find("#upload input[type=file]").sendKeys(files.get(0) + "\n" + files.get(1));
            browser.submit("#upload");
            assertThat(browser.find("#uploaded").getText()).isEqualTo("2 photo(s) uploaded.");
            assertThat(browser.driver().getCurrentUrl()).as("no servlet session in the URL").doesNotContain("jsessionid");

            // Direct upload: the page's script PUTs the file to its presigned S3 URL, then completes it.
            browser.find("#direct-upload input[type=file]").sendKeys(direct.toAbsolutePath().toString());
            browser.submit("#direct-upload");
            assertThat(browser.find("#uploaded").getText()).isEqualTo("1 photo(s) uploaded.");
            browser.await(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#photos img.thumbnail"), 3));
            for (WebElement thumbnail : browser.driver().findElements(By.cssSelector("#photos img.thumbnail"))) {
                assertThat(browser.loaded(thumbnail))
                        .as("thumbnail %s loaded from its presigned URL", thumbnail.getAttribute("src")).isTrue();
            }
            browser.screenshot("album");

            // A photo's title is its file name without the extension until someone gives it another.
            String withExif = PhotoFixtures.aJpegWithExif().fileName().replaceFirst("\\.[^.]+$", "");
            browser.follow(browser.driver().findElements(By.cssSelector("#photos a.photo")).stream()
                    .filter(a -> a.getText().equals(withExif)).findFirst().orElseThrow());
            String photoPath = browser.path();
            assertThat(photoPath).startsWith("/photos/");
            String exif = browser.find("#exif").getText();
            assertThat(exif).contains(PhotoFixtures.EXIF_MODEL).contains("ISO 200").contains("f/2.8")
                    .contains("2024-07-14 21:30 +02:00");
            WebElement preview = browser.find("#preview");
            browser.await(d -> (Boolean) browser.script("return arguments[0].complete", preview));
            assertThat(((Number) browser.script("return arguments[0].naturalWidth", preview)).intValue()).isPositive();

            assertThat(browser.find("#location").getText()).contains("48.85840° N, 2.29450° E, 35 m");
            WebElement marker = browser.find("#map circle.marker");
            assertThat(marker.getAttribute("cx")).isEqualTo("180.0");
            assertThat(marker.getAttribute("cy")).isEqualTo("120.0");

            browser.fill("#edit-photo", "title", "Tower at night");
            browser.fill("#edit-photo", "description", "Seen from the Trocadéro");
            browser.fill("#edit-photo", "tags", "Beach, sunset");
            browser.submit("#edit-photo");
            assertThat(browser.find("h1").getText()).isEqualTo("Tower at night");
            assertThat(browser.find("#photo-description").getText()).isEqualTo("Seen from the Trocadéro");
            assertThat(browser.find("#tags").getText()).contains("beach").contains("sunset");
            browser.screenshotWholePage("photo");

            browser.open("/search?tag=sunset");
            assertThat(browser.find("#result-count").getText()).startsWith("1 photo(s)");
            browser.follow(browser.find("#photos a.photo"));
            assertThat(browser.path()).isEqualTo(photoPath);

            // The search form: text (case and accents as the gallery folds them), days, a place box.
            browser.open("/search");
            browser.fill("#search", "text", "TROCADÉRO");
            browser.submit("#search");
            assertThat(resultTitles(browser)).containsExactly("Tower at night");
            browser.open("/search?from=2024-07-14&to=2024-07-14");
            assertThat(resultTitles(browser)).containsExactly("Tower at night");
            browser.open("/search?from=2024-07-15");
            assertThat(resultTitles(browser)).isEmpty();
            browser.open("/search?south=48.80&west=2.20&north=48.90&east=2.40");
            assertThat(resultTitles(browser)).containsExactly("Tower at night");
            browser.screenshot("search");
            browser.open("/search?south=48.80&west=2.20");
            assertThat(browser.find("#search-problem").getText()).contains("box").contains("four edges");
            browser.open(photoPath);
            browser.follow(browser.find("#near-here"));
            assertThat(resultTitles(browser)).containsExactly("Tower at night");

            // Silent refresh: without the access-token cookie, the refresh token signs the page in again.
            browser.driver().manage().deleteCookieNamed("GK_ACCESS");
            browser.open("/albums");
            assertThat(browser.path()).isEqualTo("/albums");
            assertThat(browser.driver().manage().getCookieNamed("GK_ACCESS")).isNotNull();

            browser.follow(browser.find("#sign-out"));
            assertThat(browser.path()).startsWith("/signin");
            browser.open("/albums");
            assertThat(browser.path()).as("signed out: the albums page sends to sign-in").startsWith("/signin");
            browser.signIn(email, PASSWORD);
            assertThat(browser.path()).isEqualTo("/albums");
            assertThat(browser.find("a.album").getText()).isEqualTo("Holidays");

            browser.open("/account");
            browser.fill("#delete-account", "password", PASSWORD);
            browser.submit("#delete-account");
            assertThat(browser.path()).startsWith("/signin");
            browser.signIn(email, PASSWORD);
            assertThat(browser.path()).isEqualTo("/signin");
            assertThat(browser.find("#problem").getText()).isEqualTo("wrong email or password");
            browser.screenshot("signed-in-after-deletion");
        }
    }

    private static java.util.List<String> resultTitles(Browser browser) {
        browser.find("#search");
        return browser.driver().findElements(By.cssSelector("#photos a.photo span")).stream()
                .map(WebElement::getText).toList();
    }

    @Test
    @DisplayName("a POST without the CSRF token is refused with 403 and changes nothing")
    void csrf() throws Exception {
        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.signUpAndConfirm("carl@example.test", "Carl", PASSWORD);
            browser.signIn("carl@example.test", PASSWORD);
            browser.fill("#new-album", "name", "Forged");
            browser.script("document.querySelector('#new-album input[name=_csrf]').remove()");
            browser.submit("#new-album");
            assertThat(browser.find("#status").getText()).startsWith("403");
            browser.open("/albums");
            assertThat(browser.driver().findElements(By.cssSelector("a.album"))).isEmpty();
        }
    }

    @Test
    @DisplayName("another user's photo and album answer 404, like photos that do not exist")
    void otherUsersPhoto() throws Exception {
        String photoPath;
        String albumPath;
        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.signUpAndConfirm("dora@example.test", "Dora", PASSWORD);
            browser.signIn("dora@example.test", PASSWORD);
            browser.fill("#new-album", "name", "Private");
            browser.submit("#new-album");
            albumPath = browser.path();
            Path file = PhotoFixtures.aJpeg(400, 300, 11).writeTo(Files.createDirectories(Path.of("target", "dora")));
            browser.find("#upload input[type=file]").sendKeys(file.toAbsolutePath().toString());
            browser.submit("#upload");
            browser.follow(browser.find("#photos a.photo"));
            photoPath = browser.path();
        }
        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.signUpAndConfirm("eve@example.test", "Eve", PASSWORD);
            browser.signIn("eve@example.test", PASSWORD);
            browser.open(photoPath);
            assertThat(browser.find("#status").getText()).startsWith("404");
            browser.screenshot("not-found");
            browser.open(albumPath);
            assertThat(browser.find("#status").getText()).startsWith("404");
            browser.open("/photos/" + java.util.UUID.randomUUID());
            assertThat(browser.find("#status").getText()).startsWith("404");
        }
    }
}
