package dev.gallerykit.labeling;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** JPEGs drawn for the labeler tests. */
final class Pictures {

    private Pictures() {
    }

    /** A 320 x 240 JPEG of vertical stripes of equal width, one per colour, left to right. */
    static byte[] stripes(Color... colours) {
        return stripes(320, 240, colours);
    }

    static byte[] stripes(int width, int height, Color... colours) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            int stripe = width / colours.length;
            for (int i = 0; i < colours.length; i++) {
                g.setColor(colours[i]);
                g.fillRect(i * stripe, 0, i == colours.length - 1 ? width - i * stripe : stripe, height);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "jpg", out)) {
                throw new IllegalStateException("no JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
