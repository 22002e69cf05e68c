package dev.gallerykit.vips;

import dev.gallerykit.error.UnsupportedMediaException;
import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.image.JavaImageEngine;
import dev.gallerykit.image.MediaType;
import dev.gallerykit.image.Rendition;
import dev.gallerykit.spi.ImageEngine;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link ImageEngine} on the system libvips (8.13 or newer; Debian and Ubuntu package it as
 * {@code libvips42}, with HEIC and AVIF through libheif). It decodes JPEG, PNG, GIF (first frame), WebP,
 * HEIC, AVIF and TIFF (and BMP through the pure-Java engine, as libvips reads it only through ImageMagick),
 * shrinking on load (a JPEG is decoded at 1/2, 1/4 or 1/8 of its size when the
 * largest rendition allows), once for all renditions, reading the file sequentially; the pixels stay in
 * native memory and only the finished JPEGs reach the Java heap.
 *
 * <pre>{@code
 * ImageEngine engine = VipsImageEngine.available() ? VipsImageEngine.create() : new JavaImageEngine();
 * Gallery gallery = Gallery.builder().imageEngine(engine) ... .build();
 * }</pre>
 *
 * <p>Thread-safe: one instance serves every upload. libvips is loaded and initialised once per JVM, by
 * the first {@link #create}; {@code -Dgallerykit.vips.library=/path/to/libvips.so.42} names another
 * library than the platform's default one. Initialising it also blocks, for the whole process, the
 * loaders libvips marks untrusted (ImageMagick, PDF, SVG, FITS, ...): uploads only ever reach the loader of
 * their own type.
 */
public final class VipsImageEngine implements ImageEngine {

    /** The libvips loaders allowed for each type, by name prefix: a file another loader claims is refused. */
    private static final Map<MediaType, List<String>> LOADERS = new EnumMap<>(Map.of(
            MediaType.JPEG, List.of("VipsForeignLoadJpeg"),
            MediaType.PNG, List.of("VipsForeignLoadPng", "VipsForeignLoadSpng"),
            MediaType.GIF, List.of("VipsForeignLoadNsgif", "VipsForeignLoadGif"),
            MediaType.WEBP, List.of("VipsForeignLoadWebp"),
            MediaType.HEIC, List.of("VipsForeignLoadHeif"),
            MediaType.AVIF, List.of("VipsForeignLoadHeif"),
            MediaType.TIFF, List.of("VipsForeignLoadTiff")));

    /**
     * For what libvips reads only through loaders it blocks as untrusted (BMP goes through ImageMagick): the
     * pure-Java engine, so that no upload a gallery renders without libvips goes without renditions with it.
     */
    private final ImageEngine fallback = new JavaImageEngine();
    private final LibVips vips;
    private final String name;

    private VipsImageEngine(LibVips vips, String version) {
        this.vips = vips;
        this.name = "libvips " + version;
    }

    /** An engine with {@link VipsSettings#defaults()}. */
    public static VipsImageEngine create() {
        return create(VipsSettings.defaults());
    }

    /**
     * An engine; loads and initialises libvips on the first call, and applies the settings, which are
     * the whole process's.
     *
     * @throws VipsUnavailableException when libvips is not installed, cannot be loaded or is older than 8.13;
     *                                  its message names the package to install
     */
    public static VipsImageEngine create(VipsSettings settings) {
        Objects.requireNonNull(settings, "settings");
        LibVips vips = Vips.library();
        Vips.apply(vips, settings);
        return new VipsImageEngine(vips, Vips.version());
    }

    /** Whether {@link #create} would succeed: libvips 8.13 or newer is installed and loads. */
    public static boolean available() {
        try {
            Vips.library();
            return true;
        } catch (VipsUnavailableException e) {
            return false;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean decodes(MediaType type) {
        return LOADERS.containsKey(Objects.requireNonNull(type, "type")) || fallback.decodes(type);
    }

    @Override
    public List<Rendition> render(Path file, MediaType type, int orientation, ImageOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        if (!decodes(type)) {
            throw new UnsupportedMediaException(type.mimeType() + " cannot be decoded by the " + name + " image engine");
        }
        if (!LOADERS.containsKey(type)) {
            return fallback.render(file, type, orientation, options);
        }
        if (orientation < 1 || orientation > 8) {
            throw new IllegalArgumentException("orientation must be within [1, 8], was " + orientation);
        }
        if (file.getFileSystem() != FileSystems.getDefault()) {
            throw new IllegalArgumentException("libvips reads files on the default file system only, not " + file.toUri());
        }
        if (options.thumbnailSizes().isEmpty()) {
            return List.of();
        }
        int quality = Math.max(1, Math.min(100, Math.round(options.jpegQuality() * 100)));
        try (Renderer renderer = new Renderer(vips)) {
            return renderer.render(file, type, LOADERS.get(type), orientation, options.thumbnailSizes(),
                    options.maxPixels(), quality);
        }
    }

    @Override
    public String toString() {
        return "VipsImageEngine[" + name + "]";
    }
}
