package dev.gallerykit.benchmarks;

import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.image.ImagePipeline;
import dev.gallerykit.image.Rendition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Ingests one file, writes each rendition to {@code rendition-<long edge>.jpg} in the output folder
 * and prints what it made; the low-heap test runs it in a JVM whose -Xmx is the file size plus
 * 64 MB, to prove that ingest never needs the full-size raster.
 *
 * <p>Arguments: the photo, the output folder.
 */
public final class IngestOnce {

    private IngestOnce() {
    }

    public static void main(String[] args) throws IOException {
        Path photo = Path.of(args[0]);
        Path output = Path.of(args[1]);
        ImagePipeline pipeline = new ImagePipeline(ImageOptions.defaults());
        List<Rendition> renditions = pipeline.render(photo, pipeline.analyze(photo));
        for (Rendition rendition : renditions) {
            Files.write(output.resolve(fileName(rendition)), rendition.jpeg());
            System.out.println("rendition " + rendition.longEdge() + " " + rendition.dimensions() + " " + rendition.jpeg().length);
        }
        System.out.println("max heap " + Runtime.getRuntime().maxMemory());
    }

    static String fileName(Rendition rendition) {
        return "rendition-" + rendition.longEdge() + ".jpg";
    }
}
