package dev.gallerykit.image;

import dev.gallerykit.error.UnsupportedMediaException;
import dev.gallerykit.internal.image.Thumbnailer;
import dev.gallerykit.spi.ImageEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The default engine, in pure Java on ImageIO: JPEG, PNG, GIF (first frame) and WebP, subsampled on
 * decode to a few times the largest rendition, then area-averaged; grey and 16-bit samples are taken
 * as they are (no gamma conversion), transparency is composited on white. It needs nothing outside
 * the JVM; HEIC and AVIF uploads get no renditions with it (an engine on libvips makes them).
 */
public final class JavaImageEngine implements ImageEngine {

    /** Stateless: one instance may serve every gallery of the JVM. */
    public JavaImageEngine() {
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public boolean decodes(MediaType type) {
        return Objects.requireNonNull(type, "type").decodable();
    }

    @Override
    public List<Rendition> render(Path file, MediaType type, int orientation, ImageOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        if (!decodes(type)) {
            throw new UnsupportedMediaException(type.mimeType() + " cannot be decoded by the " + name() + " image engine");
        }
        if (orientation < 1 || orientation > 8) {
            throw new IllegalArgumentException("orientation must be within [1, 8], was " + orientation);
        }
        if (options.thumbnailSizes().isEmpty()) {
            return List.of();
        }
        return Thumbnailer.render(file, type, orientation, options.thumbnailSizes(), options.maxPixels(),
                options.jpegQuality());
    }

    @Override
    public String toString() {
        return "JavaImageEngine";
    }
}
