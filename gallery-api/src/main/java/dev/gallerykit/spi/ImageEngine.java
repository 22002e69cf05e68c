package dev.gallerykit.spi;

import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.image.MediaType;
import dev.gallerykit.image.Rendition;
import java.nio.file.Path;
import java.util.List;

/**
 * Decodes an original and makes its renditions: the one step of an upload that touches pixels. The
 * gallery has already recognised the file's type, read its metadata and checked the pixel count its
 * header declares when it calls {@link #render}.
 *
 * <p>Guarantees, checked by {@code ImageEngineContract} in the test kit:
 * <ul>
 *   <li>one rendition per {@link ImageOptions#thumbnailSizes() size}, in that order (largest first), each
 *       a baseline JPEG whose long edge is the size, or the original's when it is smaller, with the
 *       aspect ratio kept to the nearest pixel;</li>
 *   <li>the EXIF orientation applied, so the rendition is upright, and no metadata in it (no EXIF, no
 *       GPS position, no XMP, no ICC profile);</li>
 *   <li>truncated or corrupt pixel data refused with an {@link dev.gallerykit.error.UnsupportedMediaException},
 *       a raster over {@link ImageOptions#maxPixels()} with a {@link dev.gallerykit.error.LimitExceededException},
 *       never an {@link Error} or another exception;</li>
 *   <li>a type the engine does not {@link #decodes decode} refused with an
 *       {@link dev.gallerykit.error.UnsupportedMediaException};</li>
 *   <li>thread-safe: one instance serves every upload, concurrently.</li>
 * </ul>
 */
public interface ImageEngine {

    /** A short name for logs and health pages, such as {@code "java"} or {@code "libvips 8.14.1"}. */
    String name();

    /**
     * Whether this engine makes renditions of the type. An upload of a type it does not decode is still
     * stored, with its metadata, and has no renditions.
     */
    boolean decodes(MediaType type);

    /**
     * Makes the renditions of an original from a single decode.
     *
     * @param file        the original, on a local disk
     * @param type        its type, as recognised from its first bytes
     * @param orientation the EXIF orientation to apply, 1 to 8 (1 when it has none); always 1 for HEIC and AVIF,
     *                    whose decoders apply the container's own rotation (its {@code irot})
     * @param options     the sizes, the JPEG quality and the pixel limit
     * @return one rendition per size of {@code options}, largest first; empty when it has no sizes
     */
    List<Rendition> render(Path file, MediaType type, int orientation, ImageOptions options);
}
