package dev.gallerykit.internal.image;

import java.awt.image.BufferedImage;

/** Turns and flips pixels as EXIF orientation 1 to 8 says, so that the result displays upright. */
final class Orientation {

    private Orientation() {
    }

    /** @param image a {@link BufferedImage#TYPE_3BYTE_BGR} image made by {@link Downscaler}; returned as is for orientation 1 */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        // Target column tx = ax*x + bx*y + cx and row ty = ay*x + by*y + cy of source pixel (x, y).
        int[] c = switch (orientation) {
            case 2 -> new int[] {-1, 0, w - 1, 0, 1, 0}; // mirrored horizontally
            case 3 -> new int[] {-1, 0, w - 1, 0, -1, h - 1}; // turned 180 degrees
            case 4 -> new int[] {1, 0, 0, 0, -1, h - 1}; // mirrored vertically
            case 5 -> new int[] {0, 1, 0, 1, 0, 0}; // transposed
            case 6 -> new int[] {0, -1, h - 1, 1, 0, 0}; // turn 90 degrees clockwise
            case 7 -> new int[] {0, -1, h - 1, -1, 0, w - 1}; // transversed
            default -> new int[] {0, 1, 0, -1, 0, w - 1}; // 8: turn 90 degrees counter-clockwise
        };
        boolean quarterTurn = orientation >= 5;
        int outWidth = quarterTurn ? h : w;
        BufferedImage out = new BufferedImage(outWidth, quarterTurn ? w : h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] src = Downscaler.bytes(image);
        byte[] dst = Downscaler.bytes(out);
        int step = (c[3] * outWidth + c[0]) * 3;
        for (int y = 0; y < h; y++) {
            int target = ((c[4] * y + c[5]) * outWidth + c[1] * y + c[2]) * 3;
            int source = y * w * 3;
            for (int x = 0; x < w; x++, target += step, source += 3) {
                dst[target] = src[source];
                dst[target + 1] = src[source + 1];
                dst[target + 2] = src[source + 2];
            }
        }
        return out;
    }
}
