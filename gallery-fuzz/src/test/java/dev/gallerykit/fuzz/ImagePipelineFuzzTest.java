package dev.gallerykit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.error.GalleryException;
import dev.gallerykit.image.ImageAnalysis;
import dev.gallerykit.image.Rendition;
import dev.gallerykit.internal.image.Analyzer;
import dev.gallerykit.internal.image.Thumbnailer;
import java.nio.file.Path;
import java.util.List;

/**
 * The image pipeline on arbitrary bytes: it may accept them or refuse them with one of our exceptions,
 * nothing else (no decoder exception, no {@link Error}, no hang). Seeds: {@code ImagePipelineFuzzTestInputs/}.
 */
class ImagePipelineFuzzTest {

    /** Large enough for every seed; the limit itself is refused from the header, before decoding. */
    private static final long ANALYSIS_MAX_PIXELS = 16_000_000L;
    /** Small, so that an iteration that decodes stays fast. */
    private static final long RENDER_MAX_PIXELS = 1_000_000L;
    private static final List<Integer> SIZES = List.of(64, 32);

    /** Type sniffing, header reading and metadata, as an upload runs them before any decoding. */
    @FuzzTest(maxDuration = "30s")
    void analyze(byte[] input) {
        Path file = ScratchFile.holding(input);
        ImageAnalysis analysis;
        try {
            analysis = Analyzer.analyze(file, ANALYSIS_MAX_PIXELS);
        } catch (GalleryException refused) {
            return;
        }
        Dimensions size = analysis.metadata().dimensions().orElseThrow();
        assertTrue(size.pixels() <= ANALYSIS_MAX_PIXELS, () -> "accepted " + size + " over the pixel limit");
    }

    /** Decoding and rendering of whatever the analysis accepted. */
    @FuzzTest(maxDuration = "30s")
    void render(byte[] input) {
        Path file = ScratchFile.holding(input);
        ImageAnalysis analysis;
        try {
            analysis = Analyzer.analyze(file, RENDER_MAX_PIXELS);
        } catch (GalleryException refused) {
            return;
        }
        if (!analysis.type().decodable()) {
            return; // HEIC: stored with its metadata, never decoded by the pure-Java engine
        }
        List<Rendition> renditions;
        try {
            renditions = Thumbnailer.render(file, analysis.type(), analysis.metadata().orientation(), SIZES,
                    RENDER_MAX_PIXELS, 0.85f);
        } catch (GalleryException refused) {
            return;
        }
        assertEquals(SIZES.size(), renditions.size());
        for (Rendition rendition : renditions) {
            assertTrue(rendition.dimensions().longEdge() <= rendition.longEdge(), () -> "too large: " + rendition);
            assertTrue(rendition.jpeg().length > 0, "an empty rendition");
        }
    }
}
