package dev.gallerykit.internal.image;

import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.image.MediaType;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The pipeline's decode and downscaling steps without the JPEG encoding, so that gallery-benchmarks
 * can tell the quality lost to scaling from the quality lost to compression.
 *
 * <p><b>Not API.</b> This package is not exported by the module and may change in any release; the
 * class is public only so that the benchmarks, which run on the class path, can call it. It lives
 * beside the steps it calls, which stay package-private.
 */
public final class ScalingProbe {

    private ScalingProbe() {
    }

    /** The subsampling step the pipeline decodes {@code jpeg} with for a largest rendition of {@code largestSize}. */
    public static int step(Path jpeg, int largestSize) {
        ImageReader reader = ImageFiles.reader(MediaType.JPEG);
        try (ImageInputStream in = ImageFiles.open(jpeg)) {
            reader.setInput(in, true, true);
            return Thumbnailer.subsampling(new Dimensions(reader.getWidth(0), reader.getHeight(0)), largestSize);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reader.dispose();
        }
    }

    /** The smallest of {@code sizes} as the pipeline scales it, before orientation and encoding. */
    public static BufferedImage smallestRendition(Path jpeg, List<Integer> sizes) {
        ImageReader reader = ImageFiles.reader(MediaType.JPEG);
        try (ImageInputStream in = ImageFiles.open(jpeg)) {
            reader.setInput(in, true, true);
            Dimensions original = new Dimensions(reader.getWidth(0), reader.getHeight(0));
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Thumbnailer.subsampling(original, sizes.get(0));
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage image = reader.read(0, param);
            for (int size : sizes) {
                Dimensions target = Thumbnailer.fit(original, size);
                image = Downscaler.downscale(image, target.width(), target.height());
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reader.dispose();
        }
    }
}
