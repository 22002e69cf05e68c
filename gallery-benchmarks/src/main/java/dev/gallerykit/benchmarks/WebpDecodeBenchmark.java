package dev.gallerykit.benchmarks;

import dev.gallerykit.image.ImageAnalysis;
import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.image.ImagePipeline;
import dev.gallerykit.image.Rendition;
import dev.gallerykit.internal.image.ChannelImageInputStream;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
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
 * Decoding a lossless WebP (the test kit's writer: two bits a pixel, 4:3) with TwelveMonkeys' reader
 * over the stream the pipeline used to open ({@code FileImageInputStream}, unbuffered) and over the one
 * it opens now ({@link ChannelImageInputStream}), against a plain {@code ImageIO.read(File)}, and the
 * pipeline's whole ingest of the same file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djava.awt.headless=true"})
public class WebpDecodeBenchmark {

    @Param({"1", "10"})
    public int megapixels;

    private Path directory;
    private Path webp;
    private ImagePipeline pipeline;

    @Setup(Level.Trial)
    public void writeSample() throws IOException {
        directory = Files.createTempDirectory("gallerykit-bench");
        int width = (int) Math.sqrt(megapixels * 1_000_000 * 4 / 3.0);
        webp = PhotoFixtures.aWebp(width, width * 3 / 4).writeTo(directory);
        pipeline = new ImagePipeline(ImageOptions.defaults());
    }

    @TearDown(Level.Trial)
    public void removeSample() throws IOException {
        SamplePhotos.delete(directory);
    }

    @Benchmark
    public BufferedImage decodeOverFileImageInputStream() throws IOException {
        return decode(new FileImageInputStream(webp.toFile()));
    }

    @Benchmark
    public BufferedImage decodeOverChannelImageInputStream() throws IOException {
        return decode(new ChannelImageInputStream(webp));
    }

    @Benchmark
    public BufferedImage baselineImageIoRead() throws IOException {
        return ImageIO.read(webp.toFile());
    }

    @Benchmark
    public List<Rendition> ingest() {
        ImageAnalysis analysis = pipeline.analyze(webp);
        return pipeline.render(webp, analysis);
    }

    private static BufferedImage decode(ImageInputStream stream) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByMIMEType("image/webp").next();
        try (stream) {
            reader.setInput(stream, true, true);
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }
}
