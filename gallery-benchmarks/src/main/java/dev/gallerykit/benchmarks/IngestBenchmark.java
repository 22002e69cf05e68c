package dev.gallerykit.benchmarks;

import dev.gallerykit.image.ImageAnalysis;
import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.image.ImagePipeline;
import dev.gallerykit.image.Rendition;
import dev.gallerykit.internal.image.ScalingProbe;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pipeline's ingest (analyze + one decode + 1280 and 256 px renditions) against baselines on the
 * same bytes: a plain full {@code ImageIO.read}, a bare subsampled decode at the step the pipeline
 * uses, and Thumbnailator with its defaults making the same two sizes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djava.awt.headless=true"})
public class IngestBenchmark {

    @Param({"12", "24"})
    public int megapixels;

    private Path directory;
    private Path photo;
    private ImagePipeline pipeline;
    private ImagePipeline thumbnailOnly;
    private int step;

    @Setup(Level.Trial)
    public void writeSample() throws IOException {
        directory = Files.createTempDirectory("gallerykit-bench");
        photo = SamplePhotos.write(megapixels, directory);
        pipeline = new ImagePipeline(ImageOptions.defaults());
        thumbnailOnly = new ImagePipeline(ImageOptions.defaults().withThumbnailSizes(List.of(256)));
        step = ScalingProbe.step(photo, ImageOptions.DEFAULT_THUMBNAIL_SIZES.get(0));
    }

    @TearDown(Level.Trial)
    public void removeSample() throws IOException {
        SamplePhotos.delete(directory);
    }

    @Benchmark
    public List<Rendition> ingest() {
        ImageAnalysis analysis = pipeline.analyze(photo);
        return pipeline.render(photo, analysis);
    }

    @Benchmark
    public List<Rendition> thumbnailOnly() {
        return thumbnailOnly.render(photo, thumbnailOnly.analyze(photo));
    }

    @Benchmark
    public BufferedImage baselineFullDecode() throws IOException {
        return ImageIO.read(photo.toFile());
    }

    @Benchmark
    public BufferedImage baselineSubsampledDecode() throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(photo.toFile())) {
            reader.setInput(in, true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            return reader.read(0, param);
        } finally {
            reader.dispose();
        }
    }

    @Benchmark
    public int baselineThumbnailator() throws IOException {
        int bytes = 0;
        for (int size : ImageOptions.DEFAULT_THUMBNAIL_SIZES) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thumbnails.of(photo.toFile()).size(size, size).outputFormat("jpg").outputQuality(0.85f).toOutputStream(out);
            bytes += out.size();
        }
        return bytes;
    }
}
