package dev.gallerykit.benchmarks;

import dev.gallerykit.image.ImageAnalysis;
import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.image.ImagePipeline;
import dev.gallerykit.image.JavaImageEngine;
import dev.gallerykit.image.Rendition;
import dev.gallerykit.vips.VipsImageEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.coobird.thumbnailator.Thumbnails;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Each engine's ingest (analysis, one decode, the 1280 and 256 px renditions at quality 0.85) against the
 * best alternatives on the same files, in one run: the {@code vipsthumbnail} command making the same two
 * renditions (run as one process over a batch of {@link #BATCH} files per size, so its start-up is
 * amortised; each file once per size, as the command makes one size per run) and Thumbnailator with its
 * defaults. A benchmark that cannot read a sample (the pure-Java engine or Thumbnailator on HEIC) is left
 * out by the command line ({@code -p sample=...}), not measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djava.awt.headless=true"})
public class EngineBenchmark {

    /** Files per {@code vipsthumbnail} run. */
    static final int BATCH = 8;

    @Param({"jpeg-12", "jpeg-12-camera", "jpeg-24", "heic-12", "webp-10"})
    public String sample;

    private Path directory;
    private Path photo;
    private List<String> batch;
    private ImagePipeline java;
    private ImagePipeline vips;

    @Setup(Level.Trial)
    public void writeSample() throws IOException {
        directory = Files.createTempDirectory("gallerykit-engines");
        photo = EngineSamples.write(sample, directory);
        batch = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            Path copy = directory.resolve("batch-" + i + "-" + photo.getFileName());
            Files.copy(photo, copy);
            batch.add(copy.toString());
        }
        Files.createDirectories(directory.resolve("out"));
        java = new ImagePipeline(ImageOptions.defaults(), new JavaImageEngine());
        vips = new ImagePipeline(ImageOptions.defaults(), VipsImageEngine.create());
    }

    @TearDown(Level.Trial)
    public void removeSample() throws IOException {
        SamplePhotos.delete(directory);
    }

    @Benchmark
    public List<Rendition> javaEngine() {
        ImageAnalysis analysis = java.analyze(photo);
        return java.render(photo, analysis);
    }

    @Benchmark
    public List<Rendition> vipsEngine() {
        ImageAnalysis analysis = vips.analyze(photo);
        return vips.render(photo, analysis);
    }

    /** Both sizes for every file of the batch: two runs of the command, one per size. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void vipsthumbnailCommand() {
        for (int size : ImageOptions.DEFAULT_THUMBNAIL_SIZES) {
            List<String> command = new ArrayList<>(List.of("vipsthumbnail", "-s", Integer.toString(size),
                    "-o", directory.resolve("out") + "/%s-" + size + ".jpg[Q=85,strip,optimize_coding]"));
            command.addAll(batch);
            EngineSamples.run(command.toArray(String[]::new));
        }
    }

    @Benchmark
    public int thumbnailator() throws IOException {
        int bytes = 0;
        for (int size : ImageOptions.DEFAULT_THUMBNAIL_SIZES) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thumbnails.of(photo.toFile()).size(size, size).outputFormat("jpg").outputQuality(0.85f).toOutputStream(out);
            bytes += out.size();
        }
        return bytes;
    }
}
