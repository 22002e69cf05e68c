package dev.gallerykit.benchmarks;

import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.image.ImagePipeline;
import dev.gallerykit.image.JavaImageEngine;
import dev.gallerykit.spi.ImageEngine;
import dev.gallerykit.vips.VipsImageEngine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Peak resident memory of a JVM that ingests one file over and over with one engine, on one thread or
 * more: {@code VmHWM} of {@code /proc/self/status} (Linux) after the run, beside the peak before the first
 * ingest (the JVM itself) and the heap in use. The file comes from {@link EngineSamples#main} run in another
 * JVM, so that drawing it does not count. As docs/PERFORMANCE.md runs it:
 *
 * <pre>java -Xmx256m -cp gallery-benchmarks/target/benchmarks.jar dev.gallerykit.benchmarks.PeakMemory vips /tmp/samples/jpeg-24.jpg 40 2</pre>
 */
public final class PeakMemory {

    private PeakMemory() {
    }

    public static void main(String[] args) throws Exception {
        String engineName = args[0];
        Path photo = Path.of(args[1]);
        int ingests = Integer.parseInt(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        ImageEngine engine = engineName.equals("vips") ? VipsImageEngine.create() : new JavaImageEngine();
        ImagePipeline pipeline = new ImagePipeline(ImageOptions.defaults(), engine);
        long before = residentPeakKb();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < ingests; i++) {
            work.add(pool.submit(() -> pipeline.render(photo, pipeline.analyze(photo))));
        }
        for (Future<?> done : work) {
            done.get();
        }
        pool.shutdown();
        long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("engine=%s file=%s ingests=%d threads=%d peakRssMB=%.1f peakRssBeforeMB=%.1f heapUsedMB=%.1f%n",
                engine.name(), photo.getFileName(), ingests, threads, residentPeakKb() / 1024.0, before / 1024.0, heapUsed / 1048576.0);
    }

    private static long residentPeakKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
