package dev.gallerykit.web;

import dev.gallerykit.domain.Tag;
import dev.gallerykit.spi.ImageLabeler;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asynchronous ingest in Chromium, with the app's own worker bean. The worker's labeler waits at a gate
 * the test opens, so the album page is seen while the photo is processing, however fast the worker is;
 * then the page, left alone, shows the thumbnail.
 */
@DisplayName("The web app in Chromium with asynchronous ingest: the album page waits for its photos by itself")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gallerykit.processing.mode=asynchronous")
@Import(BrowserProcessingTest.Gated.class)
class BrowserProcessingTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static Path good;
    private static Path truncated;

    @LocalServerPort
    int port;
    @Autowired
    Gate gate;

    @BeforeAll
    static void photos() {
        good = PhotoFixtures.aJpeg(800, 600, 21).writeTo(dir("processing-good"));
        truncated = PhotoFixtures.aTruncatedJpeg().writeTo(dir("processing-truncated"));
    }

    private static Path dir(String name) {
        try {
            return Files.createDirectories(Path.of("target", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void openTheGate() {
        // Whatever happened, the worker is not left waiting.
        gate.open();
    }

    @Test
    @DisplayName("an upload shows \"Processing…\" and the page brings its thumbnail without a reload; a file that "
            + "cannot be processed ends \"Could not be processed\", with the reason on its page")
    void processingThenReady() {
        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.signUpAndConfirm("nia@example.test", "Nia", PASSWORD);
            browser.signIn("nia@example.test", PASSWORD);
            browser.fill("#new-album", "name", "Harbour");
            browser.submit("#new-album");

            browser.find("#upload input[type=file]").sendKeys(good.toAbsolutePath().toString());
            browser.submit("#upload");
            assertThat(browser.find("#uploaded").getText()).isEqualTo("1 photo(s) uploaded.");
            WebElement placeholder = browser.find("#photos .card .none.processing");
            assertThat(placeholder.getText()).isEqualTo("Processing…");
            assertThat(browser.driver().findElements(By.cssSelector("#photos img.thumbnail"))).isEmpty();
            browser.screenshot("album-processing");

            // The worker may finish now; the test touches the page no more until the thumbnail is there.
            gate.open();
            WebElement thumbnail = browser.await(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("#photos img.thumbnail")));
            assertThat(browser.loaded(thumbnail)).as("the thumbnail loaded from its presigned URL").isTrue();
            assertThat(browser.driver().findElements(By.cssSelector("#photos .none.processing"))).isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("script[src$='/js/processing.js']")))
                    .as("nothing left to wait for").isEmpty();
            browser.screenshot("album-processed");

            browser.find("#upload input[type=file]").sendKeys(truncated.toAbsolutePath().toString());
            browser.submit("#upload");
            WebElement failed = browser.await(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("#photos .none.failed")));
            assertThat(failed.getText()).isEqualTo("Could not be processed");
            browser.follow(failed);
            assertThat(browser.find("#photo-status").getText()).contains("Could not be processed");
            assertThat(browser.find("#status-reason").getText()).isNotBlank();
        }
    }

    /** A labeler that holds the worker until the test opens the gate (or a minute passes), then labels nothing. */
    static final class Gate implements ImageLabeler {
        private final CountDownLatch open = new CountDownLatch(1);

        void open() {
            open.countDown();
        }

        @Override
        public List<Tag> label(byte[] jpeg) {
            try {
                open.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Gated {

        @Bean
        Gate gate() {
            return new Gate();
        }
    }
}
