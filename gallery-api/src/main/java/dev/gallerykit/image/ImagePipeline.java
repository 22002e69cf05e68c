package dev.gallerykit.image;

import dev.gallerykit.internal.image.Analyzer;
import dev.gallerykit.internal.image.Thumbnailer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Turns an uploaded file into what a photo record needs: its real type, its metadata and its
 * renditions. Thread-safe; one instance serves every upload.
 */
public final class ImagePipeline {

    private final ImageOptions options;

    public ImagePipeline(ImageOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public ImageOptions options() {
        return options;
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
     * decode; EXIF orientation is applied and no metadata is copied. Returns an empty list for a
     * format that is recognised but not {@link MediaType#decodable() decodable}.
     *
     * @throws dev.gallerykit.error.UnsupportedMediaException when the pixel data is truncated or corrupt
     */
    public List<Rendition> render(Path file, ImageAnalysis analysis) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(analysis, "analysis");
        if (!analysis.type().decodable() || options.thumbnailSizes().isEmpty()) {
            return List.of();
        }
        return Thumbnailer.render(file, analysis.type(), analysis.metadata().orientation(),
                options.thumbnailSizes(), options.maxPixels(), options.jpegQuality());
    }
}
