package dev.gallerykit.vips;

import com.sun.jna.Pointer;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Writes test images with libvips itself, for the formats Java cannot write (HEIC, AVIF, lossy WebP, TIFF):
 * the pixels of a {@link BufferedImage}, in the format the file name's suffix says, with libvips options
 * in brackets as {@code vips copy} takes them ({@code photo.avif[compression=av1]}).
 */
final class VipsWriter {

    private VipsWriter() {
    }

    /**
     * Loads {@code source} with libvips and writes it as {@code nameWithOptions} says, with the metadata
     * libvips keeps (EXIF among it).
     *
     * @return the file written, without the bracketed options
     */
    static Path convert(Path source, Path directory, String nameWithOptions) {
        LibVips vips = Vips.library();
        Pointer input = vips.vips_source_new_from_file(Vips.fileName(source));
        if (input == null) {
            throw new IllegalStateException(Vips.takeError(vips));
        }
        try {
            Pointer image = vips.vips_image_new_from_source(input, "", (Object) null);
            if (image == null) {
                throw new IllegalStateException("libvips could not read " + source + ": " + Vips.takeError(vips));
            }
            try {
                Path file = directory.resolve(nameWithOptions);
                if (vips.vips_image_write_to_file(image, Vips.fileName(file), (Object) null) != 0) {
                    throw new IllegalStateException("libvips could not write " + file + ": " + Vips.takeError(vips));
                }
                int options = nameWithOptions.indexOf('[');
                return options < 0 ? file : directory.resolve(nameWithOptions.substring(0, options));
            } finally {
                vips.g_object_unref(image);
            }
        } finally {
            vips.g_object_unref(input);
        }
    }

    /** @return {@code file}, without the bracketed options */
    static Path write(BufferedImage image, Path directory, String nameWithOptions) {
        LibVips vips = Vips.library();
        boolean alpha = image.getColorModel().hasAlpha();
        int bands = alpha ? 4 : 3;
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] pixels = new byte[width * height * bands];
        int i = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = image.getRGB(x, y);
                pixels[i++] = (byte) (argb >> 16);
                pixels[i++] = (byte) (argb >> 8);
                pixels[i++] = (byte) argb;
                if (alpha) {
                    pixels[i++] = (byte) (argb >>> 24);
                }
            }
        }
        Pointer memory = vips.vips_image_new_from_memory_copy(pixels, pixels.length, width, height, bands,
                LibVips.VIPS_FORMAT_UCHAR);
        if (memory == null) {
            throw new IllegalStateException(Vips.takeError(vips));
        }
        try {
            Path file = directory.resolve(nameWithOptions);
            if (vips.vips_image_write_to_file(memory, Vips.fileName(file), (Object) null) != 0) {
                throw new IllegalStateException("libvips could not write " + file + ": " + Vips.takeError(vips));
            }
            int options = nameWithOptions.indexOf('[');
            return options < 0 ? file : directory.resolve(nameWithOptions.substring(0, options));
        } finally {
            vips.g_object_unref(memory);
        }
    }
}
