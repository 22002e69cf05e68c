package dev.gallerykit.labeling;

import dev.gallerykit.domain.Tag;
import dev.gallerykit.spi.ImageLabeler;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An {@link ImageLabeler} that needs no service: it sorts the pixels into colour families (red,
 * orange, yellow, green, cyan, blue, purple, pink, white, grey, black) by hue, saturation and
 * brightness, and proposes up to three families that cover at least 15% of the picture, with that
 * share as the confidence, largest first. Bytes it cannot decode give no tags.
 *
 * <p>{@code labeler.label(jpegOfASunset)} might give {@code [orange 0.46, black 0.31]}.
 */
public final class DominantColorLabeler implements ImageLabeler {

    static final double MIN_SHARE = 0.15;
    static final int MAX_TAGS = 3;
    /** Larger pictures are decoded with subsampling down to about this many pixels. */
    private static final int MAX_SAMPLES = 1 << 16;

    /** A labeler with the thresholds the class describes; it keeps no state, so one instance serves every thread. */
    public DominantColorLabeler() {
    }

    @Override
    public List<Tag> label(byte[] jpeg) {
        Objects.requireNonNull(jpeg, "jpeg");
        BufferedImage image = decode(jpeg);
        if (image == null) {
            return List.of();
        }
        long[] counts = new long[Family.values().length];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                counts[Family.of(image.getRGB(x, y)).ordinal()]++;
            }
        }
        double total = (double) image.getWidth() * image.getHeight();
        return Arrays.stream(Family.values())
                .filter(family -> counts[family.ordinal()] / total >= MIN_SHARE)
                .sorted(Comparator.comparingLong((Family family) -> counts[family.ordinal()]).reversed())
                .limit(MAX_TAGS)
                .map(family -> Tag.machine(family.tag(), counts[family.ordinal()] / total))
                .toList();
    }

    private static BufferedImage decode(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                double pixels = (double) reader.getWidth(0) * reader.getHeight(0);
                int step = (int) Math.max(1, Math.ceil(Math.sqrt(pixels / MAX_SAMPLES)));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // ImageIO's readers throw unchecked exceptions on corrupt data too; either way: no labels.
            return null;
        }
    }

    enum Family {
        RED, ORANGE, YELLOW, GREEN, CYAN, BLUE, PURPLE, PINK, WHITE, GREY, BLACK;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Family of(int rgb) {
            float[] hsb = Color.RGBtoHSB((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, null);
            float saturation = hsb[1];
            float brightness = hsb[2];
            if (brightness < 0.2f) {
                return BLACK;
            }
            if (saturation < 0.15f) {
                return brightness > 0.85f ? WHITE : GREY;
            }
            float hue = hsb[0] * 360;
            if (hue < 15 || hue >= 345) {
                return saturation < 0.5f && brightness > 0.7f ? PINK : RED;
            }
            if (hue < 40) {
                return ORANGE;
            }
            if (hue < 70) {
                return YELLOW;
            }
            if (hue < 160) {
                return GREEN;
            }
            if (hue < 195) {
                return CYAN;
            }
            if (hue < 255) {
                return BLUE;
            }
            return hue < 290 ? PURPLE : PINK;
        }
    }
}
