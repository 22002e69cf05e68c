package dev.gallerykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.PublicPhoto;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
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

    @Test
    @DisplayName("the README's sharing example runs: her upload is the owner's, marked as hers")
    void sharingRuns() {
        UserId me = new UserId(UUID.randomUUID());
        UserId sister = new UserId(UUID.randomUUID());

        List<Photo> photos = SharingExample.shareWithFamily(me, sister, PhotoFixtures.aJpeg(64, 48, 1).stream(),
                PhotoFixtures.aJpeg(64, 48, 2).stream());

        assertThat(photos).hasSize(2).allSatisfy(photo -> assertThat(photo.ownerId()).isEqualTo(me));
        assertThat(photos).extracting(Photo::uploaderId).containsExactlyInAnyOrder(me, sister);
    }

    @Test
    @DisplayName("the README's link example runs: a guest sees the photo without its location")
    void linkRuns() {
        List<PublicPhoto> photos = LinkExample.showToGuests(new UserId(UUID.randomUUID()),
                PhotoFixtures.aJpegWithExif().stream());

        assertThat(photos).singleElement().satisfies(photo -> {
            assertThat(photo.location()).isEmpty();
            assertThat(photo.files()).contains("thumb-256").doesNotContain("original");
        });
    }

    @Test
    @DisplayName("the README's asynchronous example runs: the upload answers processing, a worker makes it ready")
    void asyncRuns() throws Exception {
        Photo photo = AsyncExample.uploadNowProcessLater(new UserId(UUID.randomUUID()), PhotoFixtures.aJpeg().stream());

        assertThat(photo.status()).isEqualTo(dev.gallerykit.domain.PhotoStatus.READY);
        assertThat(photo.hasThumbnails()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"QuickStart", "ProductionWiring", "SharingExample", "LinkExample", "AsyncExample"})
    @DisplayName("the README quotes each example exactly as it is compiled, imports first")
    void readmeQuotesIt(String example) throws IOException {
        String source = Files.readString(Path.of("src/main/java/dev/gallerykit/examples/" + example + ".java"));
        String imports = source.lines().filter(line -> line.startsWith("import ")).collect(Collectors.joining("\n"));
        String method = source.substring(source.indexOf("// README:begin") + "// README:begin".length(),
                source.indexOf("    // README:end")).strip();

        assertThat(imports).isNotBlank();
        assertThat(folded(readme())).contains(folded(imports + "\n\n" + method));
    }

    @Test
    @DisplayName("the README's consumer POM is the one the consumer build in CI uses")
    void readmeQuotesTheConsumerPom() throws IOException {
        String pom = Files.readString(Path.of("../it/consumer/pom.xml"));
        String project = pom.substring(pom.indexOf("<project"));

        assertThat(project).contains("<artifactId>gallery-bom</artifactId>", "<artifactId>gallery-local</artifactId>");
        assertThat(folded(readme())).contains(folded(project.strip()));
    }

    private static String readme() throws IOException {
        return Files.readString(Path.of("../README.md"));
    }

    private static String folded(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
