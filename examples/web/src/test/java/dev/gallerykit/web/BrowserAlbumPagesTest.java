package dev.gallerykit.web;

import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Managing albums in Chromium: rename and describe, cover, move a photo, delete a photo")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserAlbumPagesTest {

    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;

    @Test
    @DisplayName("an album is renamed and described, gets a cover the album list shows, and its photos are moved and deleted")
    void manageAlbums() throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "ivy"));
        Path first = PhotoFixtures.aJpeg(640, 480, 21).writeTo(folder).toAbsolutePath();
        Path second = PhotoFixtures.aJpeg(480, 640, 22).writeTo(folder).toAbsolutePath();
        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.signUpAndConfirm("ivy@example.test", "Ivy", PASSWORD);
            browser.signIn("ivy@example.test", PASSWORD);
            String other = createAlbum(browser, "Other");
            String trip = createAlbum(browser, "Trip");
            browser.find("#upload input[type=file]").sendKeys(first + "\n" + second);
            browser.submit("#upload");
            browser.await(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#photos .card"), 2));

            browser.fill("#edit-album", "name", "   ");
            browser.submit("#edit-album");
            assertThat(browser.find("#edit-problem").getText()).isEqualTo("name must not be blank");
            assertThat(browser.find("h1").getText()).as("a refused name changes nothing").isEqualTo("Trip");
            browser.fill("#edit-album", "name", "Road trip");
            browser.fill("#edit-album", "description", "Coast to coast, 2024");
            browser.submit("#edit-album");
            assertThat(browser.path()).isEqualTo(trip);
            assertThat(browser.find("h1").getText()).isEqualTo("Road trip");
            assertThat(browser.find("#description").getText()).isEqualTo("Coast to coast, 2024");

            String coverTitle = title(first);
            browser.follow(card(browser, coverTitle).findElement(By.cssSelector(".use-as-cover button")));
            assertThat(card(browser, coverTitle).findElements(By.cssSelector(".is-cover"))).hasSize(1);
            assertThat(browser.driver().findElements(By.cssSelector("#photos .is-cover"))).hasSize(1);
            browser.screenshot("album-with-cover");

            browser.open("/albums");
            WebElement row = browser.driver().findElements(By.cssSelector("ul.albums li")).stream()
                    .filter(li -> li.findElement(By.cssSelector("a.album")).getText().equals("Road trip"))
                    .findFirst().orElseThrow();
            WebElement cover = row.findElement(By.cssSelector("img.cover"));
            assertThat(browser.loaded(cover)).as("the cover thumbnail %s loaded", cover.getAttribute("src")).isTrue();
            assertThat(browser.driver().findElements(By.cssSelector("ul.albums img.cover")))
                    .as("the album without a cover shows none").hasSize(1);
            browser.screenshot("albums-with-cover");

            browser.open(trip);
            browser.follow(card(browser, title(second)).findElement(By.cssSelector("a.photo")));
            String moved = browser.path();
            new Select(browser.find("#move-photo select")).selectByVisibleText("Other");
            browser.screenshot("photo-move");
            browser.submit("#move-photo");
            assertThat(browser.path()).isEqualTo(moved);
            assertThat(browser.find("#album-link").getText()).endsWith("Other");
            browser.open(other);
            assertThat(titles(browser)).containsExactly(title(second));
            browser.open(trip);
            assertThat(titles(browser)).containsExactly(coverTitle);

            browser.open(moved);
            browser.submitConfirmed("#delete-photo");
            assertThat(browser.path()).isEqualTo(other + "?photoDeleted");
            assertThat(browser.find("#photo-deleted").getText()).contains("deleted");
            assertThat(titles(browser)).isEmpty();
            browser.open(moved);
            assertThat(browser.find("#status").getText()).as("the deleted photo is gone").startsWith("404");
        }
    }

    @Test
    @DisplayName("a refused direct upload says why and adds no photo; a refused photo edit changes none of its fields")
    void refusals() throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "jay"));
        Path notAnImage = PhotoFixtures.aTextFileNamedJpg().writeTo(folder).toAbsolutePath();
        Path photo = PhotoFixtures.aJpeg(320, 240, 31).writeTo(folder).toAbsolutePath();
        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.signUpAndConfirm("jay@example.test", "Jay", PASSWORD);
            browser.signIn("jay@example.test", PASSWORD);
            String album = createAlbum(browser, "Refusals");

            browser.find("#direct-upload input[type=file]").sendKeys(notAnImage.toString());
            browser.find("#direct-upload button[type=submit]").click();
            WebElement problem = browser.await(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#direct-upload-problem")));
            assertThat(problem.getText()).as("the gallery's own words for the refusal").contains("not");
            assertThat(browser.path()).as("the page stays, with the message").isEqualTo(album);
            browser.screenshot("direct-upload-refused");
            browser.open(album);
            assertThat(titles(browser)).as("no photo from the refused file").isEmpty();

            browser.find("#upload input[type=file]").sendKeys(photo.toString());
            browser.submit("#upload");
            browser.follow(card(browser, title(photo)).findElement(By.cssSelector("a.photo")));
            String page = browser.path();
            browser.fill("#edit-photo", "title", " ");
            browser.fill("#edit-photo", "tags", "kept, out");
            browser.submit("#edit-photo");
            assertThat(browser.find("#edit-problem").getText()).isEqualTo("title must not be blank");
            assertThat(browser.find("[name=tags]").getAttribute("value")).as("the form keeps what was typed")
                    .isEqualTo("kept, out");
            browser.open(page);
            assertThat(browser.find("h1").getText()).isEqualTo(title(photo));
            assertThat(browser.find("#tags").getText()).as("the tags of the refused edit were not written").isEmpty();
        }
    }

    /** Creates an album from the albums page and answers its path. */
    private static String createAlbum(Browser browser, String name) {
        browser.open("/albums");
        browser.fill("#new-album", "name", name);
        browser.submit("#new-album");
        assertThat(browser.find("h1").getText()).isEqualTo(name);
        return browser.path();
    }

    private static WebElement card(Browser browser, String title) {
        return browser.driver().findElements(By.cssSelector("#photos .card")).stream()
                .filter(card -> card.findElement(By.cssSelector("a.photo span")).getText().equals(title))
                .findFirst().orElseThrow(() -> new AssertionError("no photo titled " + title + " on " + browser.path()));
    }

    private static List<String> titles(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#photos a.photo span")).stream().map(WebElement::getText)
                .toList();
    }

    /** A photo's title is its file name without the extension until someone gives it another. */
    private static String title(Path file) {
        return file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
    }
}
