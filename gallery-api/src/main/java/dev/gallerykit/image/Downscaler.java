package dev.gallerykit.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * Shrinks images with box filtering: Java2D halves while the image is at least twice the target
 * (bilinear at exactly one half is a 2x2 average, and Java2D does it natively), then an area average
 * covers the last factor below two exactly. Results are opaque {@link BufferedImage#TYPE_INT_RGB};
 * transparency is flattened onto white on the way.
 */
final class Downscaler {

    /** Weights are fixed-point numbers with this many fraction bits. */
    private static final int SHIFT = 14;
    private static final int ONE = 1 << SHIFT;
    private static final int HALF = ONE >> 1;

    private Downscaler() {
    }

    /** The target may not be larger than the source in either direction. */
    static BufferedImage downscale(BufferedImage source, int width, int height) {
        BufferedImage current = source;
        int w = source.getWidth();
        int h = source.getHeight();
        while (w / 2 >= width && h / 2 >= height) {
            w /= 2;
            h /= 2;
            current = draw(current, w, h, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        if (current.getType() != BufferedImage.TYPE_INT_RGB) {
            current = draw(current, w, h, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        }
        return w == width && h == height ? current : areaAverage(current, width, height);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, Object interpolation) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /**
     * Each target pixel is the mean of the source area it covers, partial pixels weighted by how much
     * of them is covered. Separable: rows first, then columns.
     */
    static BufferedImage areaAverage(BufferedImage source, int width, int height) {
        int sourceWidth = source.getWidth();
        int sourceHeight = source.getHeight();
        int[] in = pixels(source);

        Taps columns = Taps.of(sourceWidth, width);
        int[] narrow = new int[width * sourceHeight];
        for (int y = 0; y < sourceHeight; y++) {
            int row = y * sourceWidth;
            int outRow = y * width;
            for (int x = 0; x < width; x++) {
                int r = HALF;
                int g = HALF;
                int b = HALF;
                int tap = x * columns.stride;
                int from = row + columns.first[x];
                for (int k = 0; k < columns.count[x]; k++) {
                    int p = in[from + k];
                    int weight = columns.weight[tap + k];
                    r += (p >>> 16 & 0xFF) * weight;
                    g += (p >>> 8 & 0xFF) * weight;
                    b += (p & 0xFF) * weight;
                }
                narrow[outRow + x] = (r >>> SHIFT) << 16 | (g >>> SHIFT) << 8 | (b >>> SHIFT);
            }
        }

        Taps rows = Taps.of(sourceHeight, height);
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] out = pixels(target);
        int[] r = new int[width];
        int[] g = new int[width];
        int[] b = new int[width];
        for (int y = 0; y < height; y++) {
            Arrays.fill(r, HALF);
            Arrays.fill(g, HALF);
            Arrays.fill(b, HALF);
            int tap = y * rows.stride;
            for (int k = 0; k < rows.count[y]; k++) {
                int from = (rows.first[y] + k) * width;
                int weight = rows.weight[tap + k];
                for (int x = 0; x < width; x++) {
                    int p = narrow[from + x];
                    r[x] += (p >>> 16 & 0xFF) * weight;
                    g[x] += (p >>> 8 & 0xFF) * weight;
                    b[x] += (p & 0xFF) * weight;
                }
            }
            int outRow = y * width;
            for (int x = 0; x < width; x++) {
                out[outRow + x] = (r[x] >>> SHIFT) << 16 | (g[x] >>> SHIFT) << 8 | (b[x] >>> SHIFT);
            }
        }
        return target;
    }

    private static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    /** For each target index along one axis: the first source index, how many follow, their weights. */
    private static final class Taps {
        final int[] first;
        final int[] count;
        final int[] weight;
        final int stride;

        private Taps(int targets, int stride) {
            this.first = new int[targets];
            this.count = new int[targets];
            this.weight = new int[targets * stride];
            this.stride = stride;
        }

        static Taps of(int sourceLength, int targetLength) {
            double scale = (double) sourceLength / targetLength;
            Taps taps = new Taps(targetLength, (int) Math.ceil(scale) + 1);
            for (int i = 0; i < targetLength; i++) {
                double start = i * scale;
                double end = Math.min(sourceLength, (i + 1) * scale);
                int first = (int) start;
                int last = Math.min(sourceLength, (int) Math.ceil(end)) - 1;
                int total = 0;
                int heaviest = 0;
                for (int j = first; j <= last; j++) {
                    double covered = Math.min(end, j + 1) - Math.max(start, j);
                    int weight = (int) Math.round(covered / scale * ONE);
                    int k = j - first;
                    taps.weight[i * taps.stride + k] = weight;
                    total += weight;
                    if (weight > taps.weight[i * taps.stride + heaviest]) {
                        heaviest = k;
                    }
                }
                // Rounding may leave the sum a little off one; the largest weight absorbs the error.
                taps.weight[i * taps.stride + heaviest] += ONE - total;
                taps.first[i] = first;
                taps.count[i] = last - first + 1;
            }
            return taps;
        }
    }
}
