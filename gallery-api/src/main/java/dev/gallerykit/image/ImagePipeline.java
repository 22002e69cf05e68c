package dev.gallerykit.image;

import dev.gallerykit.internal.image.Analyzer;
import dev.gallerykit.spi.ImageEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Turns an uploaded file into what a photo record needs: its real type, its metadata and its
 * renditions. Thread-safe; one instance serves every upload.
 */
public final class ImagePipeline {

    private final ImageOptions options;
    private final ImageEngine engine;

    /** A pipeline on the pure-Java {@link JavaImageEngine}. */
    public ImagePipeline(ImageOptions options) {
        this(options, new JavaImageEngine());
    }

    public ImagePipeline(ImageOptions options, ImageEngine engine) {
        this.options = Objects.requireNonNull(options, "options");
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    public ImageOptions options() {
        return options;
    }

    public ImageEngine engine() {
        return engine;
    }

    /**
     * Recognises the format from the first bytes, checks the pixel limit from the header and reads
     * the metadata, all without decoding pixels.
     *
     * @throws dev.gallerykit.error.UnsupportedMediaException when the bytes are not a recognised image
     * @throws dev.gallerykit.error.LimitExceededException when the header claims more than
     *         {@link ImageOptions#maxPixels()} pixels
     */
    public ImageAnalysis analyze(Path file) {
        Objects.requireNonNull(file, "file");
        return Analyzer.analyze(file, options.maxPixels());
    }

    /**
     * Makes one rendition per {@link ImageOptions#thumbnailSizes() size}, largest first, from a single
     * decode by the {@link #engine() engine}; EXIF orientation is applied and no metadata is copied.
     * Returns an empty list for a format that is recognised but that the engine does not
     * {@link ImageEngine#decodes decode}.
     *
     * @throws dev.gallerykit.error.UnsupportedMediaException when the pixel data is truncated or corrupt
     */
    public List<Rendition> render(Path file, ImageAnalysis analysis) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(analysis, "analysis");
        if (!engine.decodes(analysis.type()) || options.thumbnailSizes().isEmpty()) {
            return List.of();
        }
        // A HEIF decoder applies the container's own rotation (irot), which the analysis recorded as the
        // orientation: turning the decoded picture again would turn it twice.
        boolean heif = analysis.type() == MediaType.HEIC || analysis.type() == MediaType.AVIF;
        int orientation = heif ? 1 : analysis.metadata().orientation();
        return engine.render(file, analysis.type(), orientation, options);
    }
}
