package dev.gallerykit.internal.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Arrays;

/**
 * Shrinks images by an exact area average (every source pixel weighted by the share of it a target
 * pixel covers), in one pass over the source rows: each row is read, reduced horizontally and added
 * into the target rows it covers, so the extra memory is a few rows, never a second image. Results
 * are opaque {@link BufferedImage#TYPE_3BYTE_BGR}, the layout the JPEG codec reads and writes without
 * converting; transparency is flattened onto white on the way.
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
        int sourceWidth = source.getWidth();
        int sourceHeight = source.getHeight();
        if (width > sourceWidth || height > sourceHeight || width < 1 || height < 1) {
            throw new IllegalArgumentException("cannot shrink " + sourceWidth + "x" + sourceHeight + " to " + width + "x" + height);
        }
        Spread columns = Spread.of(sourceWidth, width);
        Spread rows = Spread.of(sourceHeight, height);
        RowReader reader = new RowReader(source);
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        WritableRaster out = target.getRaster();

        int[] reduced = new int[width * 3];      // the current source row, reduced horizontally (RGB)
        int[] current = new int[width * 3];      // sums of the target row being filled
        int[] next = new int[width * 3];         // and of the one after it, which the same source row may touch
        Arrays.fill(current, HALF);
        Arrays.fill(next, HALF);
        byte[] line = new byte[width * 3];
        int filling = 0;
        for (int y = 0; y < sourceHeight; y++) {
            int to = rows.to[y];
            if (to < 0) {
                continue;
            }
            while (filling < to) {
                emit(current, line, out, filling++);
                int[] swap = current;
                current = next;
                next = swap;
                Arrays.fill(next, HALF);
            }
            reduce(reader, reader.read(y), columns, reduced);
            int first = rows.first[y];
            for (int i = 0; i < reduced.length; i++) {
                current[i] += reduced[i] * first;
            }
            int second = rows.second[y];
            if (second != 0) {
                for (int i = 0; i < reduced.length; i++) {
                    next[i] += reduced[i] * second;
                }
            }
        }
        while (filling < height) {
            emit(current, line, out, filling++);
            int[] swap = current;
            current = next;
            next = swap;
            Arrays.fill(next, HALF);
        }
        return target;
    }

    private static void emit(int[] sums, byte[] line, WritableRaster out, int y) {
        for (int i = 0; i < line.length; i++) {
            line[i] = (byte) Math.min(255, sums[i] >>> SHIFT);
        }
        out.setDataElements(0, y, line.length / 3, 1, line);
    }

    /**
     * One source row to the target width: each source pixel adds into the one or two targets it
     * covers. The row starts at {@code base} in {@code reader.data()}, three bytes a pixel.
     */
    private static void reduce(RowReader reader, int base, Spread columns, int[] into) {
        Arrays.fill(into, HALF);
        byte[] row = reader.data();
        int red = base + reader.red;
        int green = base + reader.green;
        int blue = base + reader.blue;
        int sourceWidth = columns.to.length;
        for (int x = 0, from = 0; x < sourceWidth; x++, from += 3) {
            int to = columns.to[x] * 3;
            if (to < 0) {
                continue;
            }
            int r = row[red + from] & 0xFF;
            int g = row[green + from] & 0xFF;
            int b = row[blue + from] & 0xFF;
            int first = columns.first[x];
            into[to] += r * first;
            into[to + 1] += g * first;
            into[to + 2] += b * first;
            int second = columns.second[x];
            if (second != 0) {
                into[to + 3] += r * second;
                into[to + 4] += g * second;
                into[to + 5] += b * second;
            }
        }
        for (int i = 0; i < into.length; i++) {
            into[i] >>>= SHIFT;
        }
    }

    /**
     * Gives access to source rows, three bytes a pixel. The JPEG decoder's own layout (interleaved
     * bytes, one bank) is read in place, with the band offsets its sample model states; greyscale
     * images are read from their samples; every other image type goes through {@code getRGB}, alpha
     * flattened onto white, into a row buffer.
     */
    private static final class RowReader {
        private final BufferedImage image;
        private final byte[] data;
        private final int origin;
        private final int scanline;
        final int red;
        final int green;
        final int blue;
        private final int[] argb;
        /** Grey samples of a row and their alpha (null when opaque); null unless the image is grey. */
        private final int[] grey;
        private final int[] greyAlpha;
        private final int greyMax;
        private final int alphaMax;

        RowReader(BufferedImage image) {
            this.image = image;
            Raster raster = image.getRaster();
            ColorModel colours = image.getColorModel();
            // ImageIO labels the samples of grey JPEGs and PNGs with the linear CS_GRAY, although they
            // are display (gamma-encoded) values; getRGB would convert them to sRGB and lighten them.
            if (!(colours instanceof IndexColorModel) && colours.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                    && raster.getNumBands() == (colours.hasAlpha() ? 2 : 1)) {
                this.grey = new int[image.getWidth()];
                this.greyAlpha = colours.hasAlpha() ? new int[image.getWidth()] : null;
                this.greyMax = (1 << colours.getComponentSize(0)) - 1;
                this.alphaMax = colours.hasAlpha() ? (1 << colours.getComponentSize(1)) - 1 : 1;
            } else {
                this.grey = null;
                this.greyAlpha = null;
                this.greyMax = 0;
                this.alphaMax = 0;
            }
            if (image.getType() == BufferedImage.TYPE_3BYTE_BGR
                    && raster.getSampleModel() instanceof ComponentSampleModel model
                    && model.getPixelStride() == 3 && raster.getDataBuffer() instanceof DataBufferByte buffer
                    && buffer.getNumBanks() == 1) {
                int[] offsets = model.getBandOffsets();
                this.data = buffer.getData();
                this.scanline = model.getScanlineStride();
                this.origin = buffer.getOffset() - raster.getSampleModelTranslateY() * scanline
                        - raster.getSampleModelTranslateX() * 3;
                this.red = offsets[0];
                this.green = offsets[1];
                this.blue = offsets[2];
                this.argb = null;
            } else {
                this.data = new byte[image.getWidth() * 3];
                this.scanline = 0;
                this.origin = 0;
                this.red = 0;
                this.green = 1;
                this.blue = 2;
                this.argb = new int[image.getWidth()];
            }
        }

        byte[] data() {
            return data;
        }

        /** Where row {@code y} starts in {@link #data()}. */
        int read(int y) {
            if (grey != null) {
                return readGrey(y);
            }
            if (argb == null) {
                return origin + y * scanline;
            }
            int width = image.getWidth();
            image.getRGB(0, y, width, 1, argb, 0, width);
            for (int x = 0; x < width; x++) {
                int p = argb[x];
                int alpha = p >>> 24;
                int i = x * 3;
                data[i] = (byte) onWhite(p >>> 16 & 0xFF, alpha);
                data[i + 1] = (byte) onWhite(p >>> 8 & 0xFF, alpha);
                data[i + 2] = (byte) onWhite(p & 0xFF, alpha);
            }
            return 0;
        }

        private int readGrey(int y) {
            int width = image.getWidth();
            Raster raster = image.getRaster();
            int minX = raster.getMinX();
            int row = raster.getMinY() + y;
            raster.getSamples(minX, row, width, 1, 0, grey);
            if (greyAlpha != null) {
                raster.getSamples(minX, row, width, 1, 1, greyAlpha);
            }
            for (int x = 0; x < width; x++) {
                int level = greyMax == 255 ? grey[x] : (grey[x] * 255 + greyMax / 2) / greyMax;
                if (greyAlpha != null) {
                    level = onWhite(level, alphaMax == 255 ? greyAlpha[x] : (greyAlpha[x] * 255 + alphaMax / 2) / alphaMax);
                }
                int i = x * 3;
                data[i] = (byte) level;
                data[i + 1] = (byte) level;
                data[i + 2] = (byte) level;
            }
            return 0;
        }

        private static int onWhite(int channel, int alpha) {
            return alpha == 255 ? channel : (channel * alpha + 255 * (255 - alpha) + 127) / 255;
        }
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

    /**
     * The same weights seen from the source side: shrinking, a source pixel covers one target pixel
     * or straddles two neighbours, so it has a target index {@code to} (-1 if its weights rounded to
     * nothing), the weight it adds there and the weight it adds to {@code to + 1}.
     */
    private static final class Spread {
        final int[] to;
        final int[] first;
        final int[] second;

        private Spread(int sourceLength) {
            to = new int[sourceLength];
            first = new int[sourceLength];
            second = new int[sourceLength];
            Arrays.fill(to, -1);
        }

        static Spread of(int sourceLength, int targetLength) {
            Taps taps = Taps.of(sourceLength, targetLength);
            Spread spread = new Spread(sourceLength);
            for (int i = 0; i < targetLength; i++) {
                for (int k = 0; k < taps.count[i]; k++) {
                    int j = taps.first[i] + k;
                    int weight = taps.weight[i * taps.stride + k];
                    if (weight == 0) {
                        continue;
                    }
                    if (spread.to[j] < 0) {
                        spread.to[j] = i;
                        spread.first[j] = weight;
                    } else {
                        spread.second[j] = weight; // targets come in order, so this one is to[j] + 1
                    }
                }
            }
            return spread;
        }
    }

    /** The BGR bytes of an image this class made (pixel stride 3, no padding). */
    static byte[] bytes(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
