package dev.gallerykit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.image.ImagePipeline;
import dev.gallerykit.image.Rendition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LowHeapIngestTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path directory;

    @Test
    @DisplayName("a 24 MP JPEG is ingested by a JVM whose heap is the file size plus 64 MB, with the renditions a full heap makes")
    void ingestsWithinFileSizePlus64Mb() throws IOException, InterruptedException {
        Path photo = SamplePhotos.write(24, directory);
        long heap = Files.size(photo) + 64 * MB;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path output = Files.createDirectory(directory.resolve("renditions"));
        Path log = directory.resolve("out.txt");

        Process child = new ProcessBuilder(java.toString(), "-Xmx" + heap / 1024 + "k", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), IngestOnce.class.getName(), photo.toString(),
                output.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = child.waitFor(5, TimeUnit.MINUTES);
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);

        assertThat(finished).as("the child JVM finished").isTrue();
        assertThat(child.exitValue()).as(String.join("\n", lines)).isZero();

        // The same file through the same pipeline in this JVM, whose heap is not constrained.
        ImagePipeline pipeline = new ImagePipeline(ImageOptions.defaults());
        List<Rendition> expected = pipeline.render(photo, pipeline.analyze(photo));
        // 6000 x 4000 scaled to long edges of 1280 and 256: 4000 * 1280 / 6000 = 853.3, 4000 * 256 / 6000 = 170.7.
        assertThat(expected).extracting(Rendition::dimensions)
                .containsExactly(new Dimensions(1280, 853), new Dimensions(256, 171));
        for (Rendition rendition : expected) {
            assertThat(lines).contains("rendition " + rendition.longEdge() + " " + rendition.dimensions()
                    + " " + rendition.jpeg().length);
            assertThat(output.resolve(IngestOnce.fileName(rendition))).as("rendition %d", rendition.longEdge())
                    .hasBinaryContent(rendition.jpeg());
        }

        String maxHeapLine = lines.stream().filter(line -> line.startsWith("max heap ")).findFirst().orElseThrow();
        long maxHeap = Long.parseLong(maxHeapLine.substring("max heap ".length()));
        // The collector rounds -Xmx up to its region size (a few MB at most).
        assertThat(maxHeap).as("the child really ran with the small heap").isLessThanOrEqualTo(heap + 4 * MB);
    }
}
