package dev.gallerykit.benchmarks;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.FileImageOutputStream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Photo-like JPEGs made on the spot, so that the benchmarks need no binary files: a sky gradient,
 * a ground gradient, a hundred-odd translucent shapes in muted colours and mild sensor-like noise, written at quality
 * 0.92 like a camera's "fine" setting. The same seed gives the same bytes.
 */
public final class SamplePhotos {

    private SamplePhotos() {
    }

    /** Removes a benchmark's sample directory and everything in it. */
    static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** 12 MP is 4000 x 3000 (4:3, a phone); 24 MP is 6000 x 4000 (3:2, an APS-C camera). */
    public static Path write(int megapixels, Path directory) {
        int width = megapixels == 24 ? 6000 : megapixels == 12 ? 4000 : (int) Math.sqrt(megapixels * 1_000_000 * 4 / 3.0);
        int height = megapixels == 24 ? 4000 : megapixels == 12 ? 3000 : width * 3 / 4;
        Path file = directory.resolve("sample-" + megapixels + "mp.jpg");
        write(picture(width, height, megapixels), file);
        return file;
    }

    /**
     * A 12 MP (4000 x 3000) JPEG as a camera writes it: fine texture over the whole frame, as foliage, gravel or
     * fabric give, so that it weighs 3 to 4 MB at quality 0.92, with 4:2:2 chroma (full vertical, half
     * horizontal colour resolution), which many cameras use where phones use 4:2:0.
     */
    public static Path writeCameraLike(Path directory) {
        int width = 4000;
        int height = 3000;
        BufferedImage image = picture(width, height, 12);
        Random random = new Random(4022);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        // Texture: luminance detail at one- to four-pixel scales, stronger than sensor noise.
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            int phase = random.nextInt(4);
            for (int x = 0; x < width; x++) {
                row[x] = random.nextInt(9) - 4 + (((x + phase) >> 1 & 1) == 0 ? 3 : -3);
            }
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                int t = row[x];
                int p = pixels[i];
                pixels[i] = clamp((p >> 16 & 0xff) + t) << 16 | clamp((p >> 8 & 0xff) + t) << 8 | clamp((p & 0xff) + t);
            }
        }
        Path file = directory.resolve("camera-12mp-422.jpg");
        write(image, file, 0.92f, true);
        return file;
    }

    static BufferedImage picture(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int horizon = height * 3 / 5;
            g.setPaint(new GradientPaint(0, 0, new Color(70, 120, 200), 0, horizon, new Color(190, 215, 240)));
            g.fillRect(0, 0, width, horizon);
            g.setPaint(new GradientPaint(0, horizon, new Color(90, 110, 60), 0, height, new Color(50, 70, 30)));
            g.fillRect(0, horizon, width, height - horizon);
            int unit = Math.max(4, width / 40);
            for (int i = 0; i < 120; i++) {
                // Muted colours: in real scenes chroma changes slowly and most detail is in luminance.
                int grey = 40 + random.nextInt(180);
                g.setColor(new Color(mute(grey, random), mute(grey, random), mute(grey, random), 160));
                int x = random.nextInt(width);
                int y = random.nextInt(height);
                int w = unit + random.nextInt(unit * 4);
                int h = unit + random.nextInt(unit * 4);
                if (random.nextBoolean()) {
                    g.fillOval(x, y, w, h);
                } else {
                    g.fillRoundRect(x, y, w, h, unit, unit);
                }
            }
        } finally {
            g.dispose();
        }
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            int noise = random.nextInt(9) - 4;
            int p = pixels[i];
            pixels[i] = clamp((p >> 16 & 0xff) + noise) << 16 | clamp((p >> 8 & 0xff) + noise) << 8 | clamp((p & 0xff) + noise);
        }
        return image;
    }

    /** Luma sampled 2 x 1, each chroma component 1 x 1: chroma at half the horizontal resolution. */
    private static void subsampleChroma422(IIOMetadata metadata) throws IOException {
        String format = "javax_imageio_jpeg_image_1.0";
        Node root = metadata.getAsTree(format);
        NodeList components = ((Element) root).getElementsByTagName("componentSpec");
        for (int i = 0; i < components.getLength(); i++) {
            Element component = (Element) components.item(i);
            component.setAttribute("HsamplingFactor", i == 0 ? "2" : "1");
            component.setAttribute("VsamplingFactor", "1");
        }
        metadata.setFromTree(format, root);
    }

    private static int mute(int grey, Random random) {
        return clamp(grey + random.nextInt(61) - 30);
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static void write(BufferedImage image, Path file) {
        write(image, file, 0.92f, false);
    }

    private static void write(BufferedImage image, Path file, float quality, boolean chroma422) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            Files.deleteIfExists(file); // FileImageOutputStream writes over a file without truncating it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (FileImageOutputStream out = new FileImageOutputStream(file.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            IIOMetadata metadata = null;
            if (chroma422) {
                metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
                subsampleChroma422(metadata);
            }
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
