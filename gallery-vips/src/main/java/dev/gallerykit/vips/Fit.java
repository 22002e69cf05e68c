package dev.gallerykit.vips;

import dev.gallerykit.domain.Dimensions;

/** Rendition sizes, rounded exactly as the pure-Java engine rounds them. */
final class Fit {

    private Fit() {
    }

    /** The long edge becomes {@code longEdge}, the other is rounded to the nearest pixel; never enlarged. */
    static Dimensions fit(Dimensions original, int longEdge) {
        if (original.longEdge() <= longEdge) {
            return original;
        }
        double scale = (double) longEdge / original.longEdge();
        boolean landscape = original.width() >= original.height();
        int width = landscape ? longEdge : (int) Math.max(1, Math.round(original.width() * scale));
        int height = landscape ? (int) Math.max(1, Math.round(original.height() * scale)) : longEdge;
        return new Dimensions(width, height);
    }

    /** The size once the EXIF orientation is applied: 5 to 8 turn the image a quarter. */
    static Dimensions oriented(Dimensions size, int orientation) {
        return orientation >= 5 ? new Dimensions(size.height(), size.width()) : size;
    }
}
