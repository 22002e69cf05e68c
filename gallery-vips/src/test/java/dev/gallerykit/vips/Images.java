package dev.gallerykit.vips;

import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Pictures for the tests and what they check in the renditions. */
final class Images {

    static final Color TOP_LEFT = PhotoFixtures.TOP_LEFT;
    static final Color TOP_RIGHT = PhotoFixtures.TOP_RIGHT;
    static final Color BOTTOM_LEFT = PhotoFixtures.BOTTOM_LEFT;
    static final Color BOTTOM_RIGHT = PhotoFixtures.BOTTOM_RIGHT;

    private Images() {
    }

    /** Four quadrants of {@link #TOP_LEFT}, {@link #TOP_RIGHT}, {@link #BOTTOM_LEFT}, {@link #BOTTOM_RIGHT}. */
    static BufferedImage quadrants(int width, int height) {
        return PhotoFixtures.quadrants(width, height);
    }

    static Path writeWithImageIo(BufferedImage image, String format, Path file) {
        try {
            if (!ImageIO.write(image, format, file.toFile())) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage decode(byte[] jpeg) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
            if (image == null) {
                throw new IllegalStateException("not a JPEG ImageIO reads");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The colours a quarter of the way in from each corner: top-left, top-right, bottom-left, bottom-right. */
    static List<Color> corners(BufferedImage image) {
        int x1 = image.getWidth() / 4;
        int x2 = image.getWidth() * 3 / 4;
        int y1 = image.getHeight() / 4;
        int y2 = image.getHeight() * 3 / 4;
        return List.of(new Color(image.getRGB(x1, y1)), new Color(image.getRGB(x2, y1)),
                new Color(image.getRGB(x1, y2)), new Color(image.getRGB(x2, y2)));
    }

    static boolean near(Color a, Color b, int tolerance) {
        return Math.abs(a.getRed() - b.getRed()) <= tolerance && Math.abs(a.getGreen() - b.getGreen()) <= tolerance
                && Math.abs(a.getBlue() - b.getBlue()) <= tolerance;
    }

    /** The markers of a JPEG's segments before its first scan, such as 0xE0 for APP0 and 0xE1 for APP1. */
    static List<Integer> markersBeforeScan(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int i = 2; // after SOI
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
        }
        return markers;
    }
}
