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

@DisplayName("Sharing in Chromium: members of an album, and a password link opened by a visitor without an account")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserSharingPagesTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String LINK_PASSWORD = "tram 28";
    private static final String GONE = "This link does not exist, or it has ended.";
    /** The fixture's GPS position as the pages would write it, in full and cut short. */
    private static final List<String> PLACE = List.of("48.8584", "48.85840", "2.29450", "Location");

    @LocalServerPort
    int port;

    @Test
    @DisplayName("the owner shares with a viewer, who sees the album under Shared with me without any owner's control, "
            + "then makes them a contributor; a password link shows the album to a fresh browser until it is revoked")
    void shareAlbumAndLink() throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "sharing"));
        Path withGps = PhotoFixtures.aJpegWithExif().writeTo(folder).toAbsolutePath();
        Path fromMember = PhotoFixtures.aJpeg(480, 360, 41).writeTo(folder).toAbsolutePath();
        String base = "http://localhost:" + port;
        try (Browser owner = new Browser(base); Browser member = new Browser(base)) {
            owner.signUpAndConfirm("olga@example.test", "Olga", PASSWORD);
            owner.signIn("olga@example.test", PASSWORD);
            member.signUpAndConfirm("max@example.test", "Max", PASSWORD);
            member.signIn("max@example.test", PASSWORD);

            owner.fill("#new-album", "name", "Paris");
            owner.submit("#new-album");
            String album = owner.path();
            owner.find("#upload input[type=file]").sendKeys(withGps.toString());
            owner.submit("#upload");
            assertThat(owner.find("#uploaded").getText()).isEqualTo("1 photo(s) uploaded.");
            assertThat(owner.find("#no-members").getText()).isEqualTo("Not shared with anyone yet.");

            // Sharing with an email that has no account says so, on the page.
            owner.fill("#share", "email", "nobody@example.test");
            owner.submit("#share");
            assertThat(owner.find("#member-problem").getText()).isEqualTo("There is no account with that email.");
            assertThat(owner.find("[name=email]").getAttribute("value")).isEqualTo("nobody@example.test");
            assertThat(owner.find("h1").getText()).isEqualTo("Paris");

            owner.fill("#share", "email", "MAX@example.test");
            owner.submit("#share");
            assertThat(owner.path()).startsWith(album + "?shared");
            WebElement row = memberRow(owner, "max@example.test");
            assertThat(row.findElement(By.cssSelector(".name")).getText()).isEqualTo("Max");
            assertThat(row.findElement(By.cssSelector(".role")).getText()).isEqualTo("viewer");
            assertThat(row.findElement(By.cssSelector(".originals")).getText()).isEqualTo("no");

            // The viewer: the album under "Shared with me", with its owner and the role; the photo, no controls.
            member.open("/albums");
            member.follow(member.find("#shared-link"));
            assertThat(member.path()).isEqualTo("/shared");
            WebElement shared = member.find("#shared-albums li.shared");
            assertThat(shared.findElement(By.cssSelector("a.album")).getText()).isEqualTo("Paris");
            assertThat(shared.findElement(By.cssSelector(".owner")).getText()).isEqualTo("Olga");
            assertThat(shared.findElement(By.cssSelector(".role")).getText()).isEqualTo("viewer");
            member.follow(shared.findElement(By.cssSelector("a.album")));
            assertThat(member.path()).isEqualTo(album);
            assertThat(member.find("#shared-by").getText()).contains("Olga").contains("viewer");
            WebElement thumbnail = member.find("#photos img.thumbnail");
            assertThat(member.loaded(thumbnail)).as("the viewer's thumbnail %s loaded", thumbnail.getAttribute("src"))
                    .isTrue();
            assertAbsent(member, "#upload", "#direct-upload", "#edit-album", "#delete-album", "#members", "#share",
                    "#links", "#new-link-form", ".use-as-cover");
            member.screenshot("shared-album-viewer");
            member.follow(member.find("#photos a.photo"));
            String ownersPhoto = member.path();
            WebElement preview = member.find("#preview");
            assertThat(member.loaded(preview)).isTrue();
            assertAbsent(member, "#edit-photo", "#move-photo", "#delete-photo", "#near-here");

            // An owner's action posted by the member anyway: 403, and nothing changes.
            member.post(album + "/delete");
            assertThat(member.find("#status").getText()).isEqualTo("403 Forbidden");
            assertThat(member.find("#message").getText())
                    .isEqualTo("This album is shared with you, but your role in it does not allow that.");
            member.open(album);
            Object upload = member.script("const form = new FormData();"
                    + "form.append('_csrf', document.querySelector('input[name=_csrf]').value);"
                    + "form.append('files', new Blob(['not a photo either'], {type: 'image/jpeg'}), 'sneaky.jpg');"
                    + "return fetch(arguments[0], {method: 'POST', body: form}).then(answer => answer.status);",
                    album + "/photos");
            assertThat(((Number) upload).intValue()).as("a viewer's upload, posted anyway").isEqualTo(403);
            owner.open(album);
            assertThat(owner.find("h1").getText()).as("the album is still there").isEqualTo("Paris");
            assertThat(owner.driver().findElements(By.cssSelector("#photos .card"))).as("and no photo was added")
                    .hasSize(1);

            // Sharing again changes the role: a contributor uploads, and deletes only what they uploaded.
            owner.fill("#share", "email", "max@example.test");
            new Select(owner.find("#share select[name=role]")).selectByValue("contributor");
            owner.find("#share [name=originals]").click();
            owner.submit("#share");
            row = memberRow(owner, "max@example.test");
            assertThat(row.findElement(By.cssSelector(".role")).getText()).isEqualTo("contributor");
            assertThat(row.findElement(By.cssSelector(".originals")).getText()).isEqualTo("yes");
            assertThat(owner.driver().findElements(By.cssSelector("#member-list tr.member"))).hasSize(1);
            owner.screenshotWholePage("album-members-and-links");

            member.open(album);
            assertThat(member.find("#my-role").getText()).isEqualTo("contributor");
            member.find("#upload input[type=file]").sendKeys(fromMember.toString());
            member.submit("#upload");
            assertThat(member.find("#uploaded").getText()).isEqualTo("1 photo(s) uploaded.");
            assertAbsent(member, "#edit-album", "#delete-album", "#members", "#links", ".use-as-cover");
            member.follow(card(member, title(fromMember)).findElement(By.cssSelector("a.photo")));
            assertThat(member.find("#delete-photo")).isNotNull();
            assertThat(member.find("#edit-photo")).isNotNull();
            assertAbsent(member, "#move-photo");
            member.open(ownersPhoto);
            assertAbsent(member, "#delete-photo", "#edit-photo", "#move-photo");
            owner.open(album);
            owner.follow(card(owner, title(fromMember)).findElement(By.cssSelector("a.photo")));
            assertThat(owner.find("#uploaded-by").getText()).isEqualTo("Uploaded by Max");
            assertThat(owner.find("#move-photo")).as("the owner's photo page is as it was").isNotNull();

            // A password link, without originals or places; its address is shown once.
            owner.open(album);
            assertThat(owner.find("#no-links").getText()).isEqualTo("No links yet.");
            owner.fill("#new-link-form", "expiresInDays", "7");
            owner.fill("#new-link-form", "password", LINK_PASSWORD);
            owner.submit("#new-link-form");
            String url = owner.find("#new-link-url").getAttribute("value");
            assertThat(url).startsWith(base + "/s/").hasSize((base + "/s/").length() + 43);
            String link = url.substring(base.length());
            WebElement linkRow = owner.find("#link-list tr.link");
            assertThat(linkRow.findElement(By.cssSelector(".state")).getText()).isEqualTo("active");
            assertThat(linkRow.findElement(By.cssSelector(".password")).getText()).isEqualTo("yes");
            assertThat(linkRow.findElement(By.cssSelector(".views")).getText()).isEqualTo("0");
            owner.open(album);
            assertAbsent(owner, "#new-link-url");
            assertThat(owner.driver().getPageSource()).as("the token is shown only once").doesNotContain(link);

            try (Browser visitor = new Browser(base)) {
                visitor.open(link);
                assertThat(visitor.find("#link-password")).isNotNull();
                assertAbsent(visitor, "#photos", "#account-link");
                visitor.fill("#link-password", "password", "tram 29");
                visitor.submit("#link-password");
                assertThat(visitor.find("#status").getText()).isEqualTo("404 Not Found");
                assertThat(visitor.find("#message").getText()).isEqualTo(GONE);
                assertThat(visitor.driver().getCurrentUrl()).doesNotContain("tram");

                visitor.open(link);
                visitor.fill("#link-password", "password", LINK_PASSWORD);
                visitor.submit("#link-password");
                assertThat(visitor.path()).isEqualTo(link);
                assertThat(visitor.driver().getCurrentUrl()).doesNotContain("tram");
                assertThat(visitor.find("#album-name").getText()).isEqualTo("Paris");
                visitor.await(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#photos img.thumbnail"), 2));
                for (WebElement image : visitor.driver().findElements(By.cssSelector("#photos img.thumbnail"))) {
                    assertThat(visitor.loaded(image)).as("the visitor's thumbnail %s loaded", image.getAttribute("src"))
                            .isTrue();
                }
                assertThat(visitor.driver().manage().getCookieNamed("GK_LINK")).as("the visit's cookie")
                        .satisfies(cookie -> {
                            assertThat(cookie.isHttpOnly()).isTrue();
                            assertThat(cookie.getPath()).isEqualTo(link);
                            assertThat(cookie.getValue()).doesNotContain("tram");
                        });
                assertNoPlace(visitor);
                visitor.screenshot("link-album");

                visitor.follow(card(visitor, title(withGps)).findElement(By.cssSelector("a.photo")));
                assertThat(visitor.path()).startsWith(link + "/photos/");
                assertThat(visitor.find("h1").getText()).isEqualTo(title(withGps));
                assertThat(visitor.loaded(visitor.find("#preview"))).isTrue();
                assertThat(visitor.find("#details").getText()).contains(PhotoFixtures.EXIF_MODEL);
                assertAbsent(visitor, "#download-original", "#details .location");
                assertNoPlace(visitor);

                owner.open(album);
                linkRow = owner.find("#link-list tr.link");
                assertThat(linkRow.findElement(By.cssSelector(".views")).getText())
                        .as("one view: the right password, not the wrong one nor the pages after it").isEqualTo("1");
                owner.follow(linkRow.findElement(By.cssSelector(".revoke-link button")));
                assertThat(owner.find("#link-revoked").getText()).contains("revoked");
                linkRow = owner.find("#link-list tr.link");
                assertThat(linkRow.findElement(By.cssSelector(".state")).getText()).isEqualTo("revoked");
                assertThat(linkRow.findElements(By.cssSelector(".revoke-link"))).isEmpty();

                visitor.driver().navigate().refresh();
                assertThat(visitor.find("#status").getText()).as("the photo page after the revoke")
                        .isEqualTo("404 Not Found");
                assertThat(visitor.find("#message").getText()).isEqualTo(GONE);
                visitor.open(link);
                assertThat(visitor.find("#status").getText()).isEqualTo("404 Not Found");
                assertThat(visitor.find("#message").getText()).isEqualTo(GONE);
                visitor.screenshot("link-revoked");
            }

            // The member's row: back to viewer (originals kept as they were), then revoked.
            owner.open(album);
            WebElement change = memberRow(owner, "max@example.test").findElement(By.cssSelector(".change-member"));
            new Select(change.findElement(By.cssSelector("select[name=role]"))).selectByValue("viewer");
            owner.follow(change.findElement(By.cssSelector("button[type=submit]")));
            assertThat(owner.find("#member-changed").getText()).contains("changed");
            row = memberRow(owner, "max@example.test");
            assertThat(row.findElement(By.cssSelector(".role")).getText()).isEqualTo("viewer");
            assertThat(row.findElement(By.cssSelector(".originals")).getText()).isEqualTo("yes");
            member.open(album);
            assertThat(member.find("#my-role").getText()).isEqualTo("viewer");
            assertAbsent(member, "#upload", "#direct-upload");
            owner.follow(memberRow(owner, "max@example.test").findElement(By.cssSelector(".revoke-member button")));
            assertThat(owner.find("#member-revoked").getText()).contains("no longer");
            assertThat(owner.find("#no-members").getText()).isEqualTo("Not shared with anyone yet.");
            member.open(album);
            assertThat(member.find("#status").getText()).as("the album after the revoke").isEqualTo("404 Not Found");
            member.open("/shared");
            assertThat(member.find("#none-shared").getText()).contains("Nobody");
        }
    }

    private static WebElement memberRow(Browser browser, String email) {
        return browser.await(d -> d.findElements(By.cssSelector("#member-list tr.member")).stream()
                .filter(row -> email.equals(row.getAttribute("data-email"))).findFirst().orElse(null));
    }

    private static WebElement card(Browser browser, String title) {
        return browser.driver().findElements(By.cssSelector("#photos .card")).stream()
                .filter(card -> card.findElement(By.cssSelector("a.photo span")).getText().equals(title))
                .findFirst().orElseThrow(() -> new AssertionError("no photo titled " + title + " on " + browser.path()));
    }

    private static void assertAbsent(Browser browser, String... selectors) {
        browser.find("main");
        for (String css : selectors) {
            assertThat(browser.driver().findElements(By.cssSelector(css))).as("%s on %s", css, browser.path()).isEmpty();
        }
    }

    private static void assertNoPlace(Browser browser) {
        String source = browser.driver().getPageSource();
        for (String place : PLACE) {
            assertThat(source).as("the page shows no place").doesNotContain(place);
        }
    }

    /** A photo's title is its file name without the extension until someone gives it another. */
    private static String title(Path file) {
        return file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
    }
}
