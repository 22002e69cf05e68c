package dev.gallerykit.internal.image;

import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.error.GalleryException;
import dev.gallerykit.error.UnsupportedMediaException;
import dev.gallerykit.image.MediaType;
import dev.gallerykit.image.Rendition;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rendering step of {@link dev.gallerykit.image.ImagePipeline#render}: decodes once, subsampled to
 * keep two to four times the largest rendition, then scales down rendition by rendition (each from the
 * previous one), turns each upright and encodes it as a bare JPEG.
 */
public final class Thumbnailer {

    private static final Logger log = LoggerFactory.getLogger(Thumbnailer.class);

    private Thumbnailer() {
    }

    /** @param sizes long edges, largest first, not empty */
    public static List<Rendition> render(Path file, MediaType type, int orientation, List<Integer> sizes,
                                         long maxPixels, float jpegQuality) {
        Decoded decoded = decode(file, type, sizes.get(0), maxPixels);
        List<Rendition> renditions = new ArrayList<>(sizes.size());
        BufferedImage previous = decoded.image();
        for (int size : sizes) {
            Dimensions target = fit(decoded.original(), size);
            previous = Downscaler.downscale(previous, target.width(), target.height());
            BufferedImage upright = Orientation.apply(previous, orientation);
            renditions.add(new Rendition(size, new Dimensions(upright.getWidth(), upright.getHeight()),
                    encodeJpeg(upright, jpegQuality)));
        }
        return List.copyOf(renditions);
    }

    /** Largest raster decoded for renditions, unless that would leave less than twice the largest one. */
    static final long MAX_DECODED_PIXELS = 16_000_000L;

    /**
     * The source subsampling step. Subsampling drops pixels without filtering them, so it aliases;
     * keeping about four times the largest rendition makes that invisible once the area average has
     * run (measured in docs/PERFORMANCE.md). Past {@link #MAX_DECODED_PIXELS} the step grows further,
     * as long as twice the largest rendition remains, to bound the memory of big originals.
     */
    static int subsampling(Dimensions original, int largestSize) {
        int step = Math.max(1, original.longEdge() / (4 * largestSize));
        while (decodedPixels(original, step) > MAX_DECODED_PIXELS
                && original.longEdge() / (step + 1) >= 2 * largestSize) {
            step++;
        }
        return step;
    }

    private static long decodedPixels(Dimensions original, int step) {
        return (long) ((original.width() + step - 1) / step) * ((original.height() + step - 1) / step);
    }

    /** The size of a rendition with the given long edge; never larger than the original. */
    static Dimensions fit(Dimensions original, int longEdge) {
        if (original.longEdge() <= longEdge) {
            return original;
        }
        double scale = (double) longEdge / original.longEdge();
        int width = original.width() >= original.height() ? longEdge
                : (int) Math.max(1, Math.round(original.width() * scale));
        int height = original.height() > original.width() ? longEdge
                : (int) Math.max(1, Math.round(original.height() * scale));
        return new Dimensions(width, height);
    }

    private record Decoded(BufferedImage image, Dimensions original) {
    }

    private static Decoded decode(Path file, MediaType type, int largestSize, long maxPixels) {
        ImageInputStream in = ImageFiles.open(file);
        ImageReader reader = ImageFiles.reader(type);
        List<String> damage = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> {
            if (isDamage(warning)) {
                damage.add(warning);
            } else {
                log.debug("decoding {}: {}", file, warning);
            }
        });
        try (in) {
            ImageFiles.checkComplete(in, type, maxPixels);
            reader.setInput(in, true, true);
            Dimensions original = new Dimensions(reader.getWidth(0), reader.getHeight(0));
            // The analysis checked this already; the file might have been replaced since.
            ImageFiles.checkDecodable(type, original, maxPixels);
            ImageReadParam param = reader.getDefaultReadParam();
            int step = subsampling(original, largestSize);
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage image = reader.read(0, param);
            if (!damage.isEmpty()) {
                throw new UnsupportedMediaException(ImageFiles.CORRUPT + " (" + damage.get(0) + ")");
            }
            return new Decoded(image, original);
        } catch (GalleryException e) {
            throw e;
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("Unsupported Image Type")) {
                throw new UnsupportedMediaException(
                        "the image uses a colour space that cannot be decoded here (such as CMYK)", e);
            }
            throw ImageFiles.corrupt(e);
        } catch (RuntimeException e) {
            throw ImageFiles.corrupt(e); // decoders throw anything from IndexOutOfBounds to IllegalState
        } finally {
            reader.dispose();
        }
    }

    /**
     * libjpeg does not fail on missing scan data: it warns and paints the rest grey. Extraneous bytes
     * before a marker, by contrast, are skipped without harm and are common in camera files.
     */
    private static boolean isDamage(String warning) {
        String text = warning.toLowerCase(Locale.ROOT);
        return text.contains("premature end") || text.contains("truncat")
                || (text.contains("corrupt") && !text.contains("extraneous bytes"));
    }

    /** No metadata is passed to the writer, so no EXIF (and no GPS position) leaves with the JPEG. */
    static byte[] encodeJpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            if (param instanceof JPEGImageWriteParam jpeg) {
                jpeg.setOptimizeHuffmanTables(true); // a few percent smaller for a little CPU
            }
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a rendition", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
