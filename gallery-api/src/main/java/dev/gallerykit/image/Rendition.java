package dev.gallerykit.image;

import dev.gallerykit.domain.Dimensions;
import java.util.Objects;

/**
 * A JPEG made from the original: EXIF orientation applied, no metadata.
 *
 * @param longEdge   the requested size (the actual long edge is smaller when the original is)
 * @param dimensions the pixel size of the JPEG, as displayed
 */
public record Rendition(int longEdge, Dimensions dimensions, byte[] jpeg) {

    public Rendition {
        Objects.requireNonNull(dimensions, "dimensions");
        Objects.requireNonNull(jpeg, "jpeg");
    }

    public static final String CONTENT_TYPE = "image/jpeg";
}
