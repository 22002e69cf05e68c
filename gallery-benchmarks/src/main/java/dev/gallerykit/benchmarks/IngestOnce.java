package dev.gallerykit.benchmarks;

import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.image.ImagePipeline;
import dev.gallerykit.image.Rendition;
import java.nio.file.Path;
import java.util.List;

/**
 * Ingests one file and prints what it made; the low-heap test runs it in a JVM whose -Xmx is the
 * file size plus 64 MB, to prove that ingest never needs the full-size raster.
 */
public final class IngestOnce {

    private IngestOnce() {
    }

    public static void main(String[] args) {
        Path photo = Path.of(args[0]);
        ImagePipeline pipeline = new ImagePipeline(ImageOptions.defaults());
        List<Rendition> renditions = pipeline.render(photo, pipeline.analyze(photo));
        for (Rendition rendition : renditions) {
            System.out.println("rendition " + rendition.longEdge() + " " + rendition.dimensions() + " " + rendition.jpeg().length);
        }
        System.out.println("max heap " + Runtime.getRuntime().maxMemory());
    }
}
