package dev.gallerykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuickStartTest {

    @Test
    @DisplayName("the README's wiring example runs")
    void runs() {
        Photo photo = QuickStart.addToNewAlbum(new UserId(UUID.randomUUID()), PhotoFixtures.aJpeg().stream());

        assertThat(photo.hasThumbnails()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"QuickStart", "ProductionWiring"})
    @DisplayName("the README quotes each example exactly as it is compiled")
    void readmeQuotesIt(String example) throws IOException {
        String source = Files.readString(Path.of("src/main/java/dev/gallerykit/examples/" + example + ".java"));
        String snippet = source.substring(source.indexOf("// README:begin") + "// README:begin".length(),
                source.indexOf("    // README:end")).strip();
        String readme = Files.readString(Path.of("../README.md"));

        assertThat(readme.replaceAll("\\s+", " ")).contains(snippet.replaceAll("\\s+", " "));
    }
}
