package dev.gallerykit.benchmarks;

import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.image.ImagePipeline;
import dev.gallerykit.image.Rendition;
import dev.gallerykit.internal.image.ScalingProbe;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * How close the pipeline's 256 px rendition is to an ideal one. The reference is made from the full
 * decode by an exact area average (every source pixel weighted by the share of it a target pixel
 * covers, in double precision), written separately from the pipeline's downscaler on purpose so that
 * the measure does not share its mistakes. Three PSNRs over the RGB channels:
 * <ul>
 *   <li>scaling: the pipeline's decode and downscale, before encoding, against the reference;</li>
 *   <li>delivered: the rendition JPEG as stored, against the reference;</li>
 *   <li>JPEG floor: the reference itself encoded at the same quality, against the reference — the best
 *       any scaler could deliver at that quality.</li>
 * </ul>
 */
public final class RenditionQuality {

    private RenditionQuality() {
    }

    /** Prints the three figures for the 12 and 24 MP samples, default sizes and thumbnail-only. */
    public static void main(String[] args) throws IOException {
        Path directory = Files.createTempDirectory("gallerykit-psnr");
        for (int megapixels : new int[] {12, 24}) {
            Path photo = SamplePhotos.write(megapixels, directory);
            for (List<Integer> sizes : List.of(ImageOptions.DEFAULT_THUMBNAIL_SIZES, List.of(256))) {
                Result result = measure(photo, sizes);
                System.out.printf("%d MP, sizes %s: scaling %.1f dB, delivered %.1f dB, JPEG floor %.1f dB%n",
                        megapixels, sizes, result.scaling(), result.delivered(), result.jpegFloor());
            }
            Files.delete(photo);
        }
        Files.delete(directory);
    }

    public record Result(double scaling, double delivered, double jpegFloor) {
    }

    /** The 256 px figures for {@code photo} rendered with {@code sizes} (the last one being 256). */
    public static Result measure(Path photo, List<Integer> sizes) {
        ImageOptions options = ImageOptions.defaults().withThumbnailSizes(sizes);
        ImagePipeline pipeline = new ImagePipeline(options);
        List<Rendition> renditions = pipeline.render(photo, pipeline.analyze(photo));
        try {
            BufferedImage delivered = ImageIO.read(new ByteArrayInputStream(renditions.get(renditions.size() - 1).jpeg()));
            BufferedImage scaled = ScalingProbe.smallestRendition(photo, options.thumbnailSizes());
            BufferedImage reference = areaAverage(ImageIO.read(photo.toFile()), delivered.getWidth(), delivered.getHeight());
            BufferedImage floor = ImageIO.read(new ByteArrayInputStream(jpeg(reference, options.jpegQuality())));
            return new Result(psnr(reference, scaled), psnr(reference, delivered), psnr(reference, floor));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage areaAverage(BufferedImage source, int width, int height) {
        double sx = (double) source.getWidth() / width;
        double sy = (double) source.getHeight() / height;
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int ty = 0; ty < height; ty++) {
            double y0 = ty * sy;
            double y1 = y0 + sy;
            for (int tx = 0; tx < width; tx++) {
                double x0 = tx * sx;
                double x1 = x0 + sx;
                double r = 0;
                double g = 0;
                double b = 0;
                for (int y = (int) y0; y < Math.min(source.getHeight(), Math.ceil(y1)); y++) {
                    double wy = Math.min(y1, y + 1) - Math.max(y0, y);
                    for (int x = (int) x0; x < Math.min(source.getWidth(), Math.ceil(x1)); x++) {
                        double w = wy * (Math.min(x1, x + 1) - Math.max(x0, x));
                        int p = source.getRGB(x, y);
                        r += w * (p >> 16 & 0xff);
                        g += w * (p >> 8 & 0xff);
                        b += w * (p & 0xff);
                    }
                }
                double area = sx * sy;
                target.setRGB(tx, ty, (int) Math.round(r / area) << 16 | (int) Math.round(g / area) << 8
                        | (int) Math.round(b / area));
            }
        }
        return target;
    }

    static double psnr(BufferedImage expected, BufferedImage actual) {
        double squares = 0;
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int e = expected.getRGB(x, y);
                int a = actual.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = (e >> shift & 0xff) - (a >> shift & 0xff);
                    squares += d * d;
                }
            }
        }
        double mse = squares / (3.0 * expected.getWidth() * expected.getHeight());
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
