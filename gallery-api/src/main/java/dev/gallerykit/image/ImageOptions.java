package dev.gallerykit.image;

import java.util.Comparator;
import java.util.List;

/**
 * Limits and renditions of the image pipeline.
 *
 * @param maxBytes       largest upload accepted, in bytes (checked while reading the stream)
 * @param maxPixels      largest width x height accepted, checked from the header before decoding
 * @param thumbnailSizes long edges of the renditions, in pixels; stored largest first
 * @param jpegQuality    JPEG quality of the renditions, 0 to 1
 */
public record ImageOptions(long maxBytes, long maxPixels, List<Integer> thumbnailSizes, float jpegQuality) {

    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
    public static final List<Integer> DEFAULT_THUMBNAIL_SIZES = List.of(1280, 256);
    public static final float DEFAULT_JPEG_QUALITY = 0.85f;

    public ImageOptions {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, was " + maxPixels);
        }
        thumbnailSizes = thumbnailSizes.stream().distinct().sorted(Comparator.reverseOrder()).toList();
        for (int size : thumbnailSizes) {
            if (size < 16 || size > 8192) {
                throw new IllegalArgumentException("thumbnail sizes must be within [16, 8192], was " + size);
            }
        }
        if (!(jpegQuality > 0f && jpegQuality <= 1f)) {
            throw new IllegalArgumentException("jpegQuality must be within (0, 1], was " + jpegQuality);
        }
    }

    public static ImageOptions defaults() {
        return new ImageOptions(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, DEFAULT_THUMBNAIL_SIZES, DEFAULT_JPEG_QUALITY);
    }

    public ImageOptions withMaxBytes(long value) {
        return new ImageOptions(value, maxPixels, thumbnailSizes, jpegQuality);
    }

    public ImageOptions withMaxPixels(long value) {
        return new ImageOptions(maxBytes, value, thumbnailSizes, jpegQuality);
    }

    public ImageOptions withThumbnailSizes(List<Integer> value) {
        return new ImageOptions(maxBytes, maxPixels, value, jpegQuality);
    }

    public ImageOptions withJpegQuality(float value) {
        return new ImageOptions(maxBytes, maxPixels, thumbnailSizes, value);
    }
}
