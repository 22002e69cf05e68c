package dev.gallerykit.domain;

/** Width and height in pixels, as stored in the file (before EXIF orientation is applied). */
public record Dimensions(int width, int height) {

    public Dimensions {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("dimensions must be positive, were " + width + "x" + height);
        }
    }

    public long pixels() {
        return (long) width * height;
    }

    public int longEdge() {
        return Math.max(width, height);
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
