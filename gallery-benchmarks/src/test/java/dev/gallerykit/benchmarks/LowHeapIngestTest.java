package dev.gallerykit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

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
    @DisplayName("a 24 MP JPEG is ingested by a JVM whose heap is the file size plus 64 MB")
    void ingestsWithinFileSizePlus64Mb() throws IOException, InterruptedException {
        Path photo = SamplePhotos.write(24, directory);
        long heap = Files.size(photo) + 64 * MB;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path output = directory.resolve("out.txt");

        Process child = new ProcessBuilder(java.toString(), "-Xmx" + heap / 1024 + "k", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), IngestOnce.class.getName(), photo.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = child.waitFor(5, TimeUnit.MINUTES);
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);

        assertThat(finished).as("the child JVM finished").isTrue();
        assertThat(child.exitValue()).as(String.join("\n", lines)).isZero();
        assertThat(lines).contains("rendition 1280 1280x853 " + lines.get(0).split(" ")[3],
                "rendition 256 256x171 " + lines.get(1).split(" ")[3]);
        long maxHeap = Long.parseLong(lines.get(2).substring("max heap ".length()));
        // The collector rounds -Xmx up to its region size (a few MB at most).
        assertThat(maxHeap).as("the child really ran with the small heap").isLessThanOrEqualTo(heap + 4 * MB);
    }
}
