package dev.gallerykit.internal.image;

import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.error.LimitExceededException;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.error.UnsupportedMediaException;
import dev.gallerykit.image.MediaType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/** ImageIO plumbing shared by the analysis and the renderer. */
final class ImageFiles {

    static final String CORRUPT = "the image data is truncated or corrupt";

    private ImageFiles() {
    }

    /**
     * Width and height from the header; ImageIO readers parse only as far as the first frame header
     * to answer {@code getWidth(0)}.
     */
    static Dimensions headerDimensions(Path file, MediaType type) {
        ImageInputStream in = open(file);
        ImageReader reader = reader(type);
        try (in) {
            reader.setInput(in, true, true);
            return new Dimensions(reader.getWidth(0), reader.getHeight(0));
        } catch (IOException | RuntimeException e) {
            throw corrupt(e);
        } finally {
            reader.dispose();
        }
    }

    /**
     * The pixel limit, and for WebP the raster budget as well: its decoder allocates the whole
     * raster, 4 bytes a pixel, whatever the subsampling, so a 40-byte file declaring 10000x10000
     * would take 400 MB. Checked from the header, before any decoder allocates.
     */
    static void checkDecodable(MediaType type, Dimensions dimensions, long maxPixels) {
        checkPixels(dimensions, maxPixels);
        if (type == MediaType.WEBP && dimensions.pixels() > Thumbnailer.MAX_DECODED_PIXELS) {
            throw new LimitExceededException("pixels", Thumbnailer.MAX_DECODED_PIXELS, "the WebP is " + dimensions
                    + "; a WebP is decoded whole, so " + Thumbnailer.MAX_DECODED_PIXELS + " pixels is its limit");
        }
    }

    static void checkPixels(Dimensions dimensions, long maxPixels) {
        if (dimensions.pixels() > maxPixels) {
            throw new LimitExceededException("pixels", maxPixels, "the image is " + dimensions);
        }
    }

    /** The chunks walked by {@link #checkComplete}: the image data comes within the first few. */
    private static final int WEBP_CHUNKS_CHECKED = 16;

    /**
     * Refuses a WebP whose chunks run past the end of the file. The WebP decoder reads zeros past
     * the end without a warning, so a cut lossless WebP would decode to a grey picture. Leaves the
     * stream at its start.
     */
    static void checkComplete(ImageInputStream in, MediaType type, long maxPixels) throws IOException {
        if (type == MediaType.BMP) {
            checkCompleteBmp(in, maxPixels);
            return;
        }
        if (type != MediaType.WEBP) {
            return;
        }
        byte[] header = new byte[8];
        long position = 12; // RIFF, its size, WEBP: the sniffer checked them
        for (int i = 0; i < WEBP_CHUNKS_CHECKED; i++) {
            in.seek(position);
            if (in.read(header) < header.length) {
                break;
            }
            long length = Integer.toUnsignedLong((header[4] & 0xFF) | (header[5] & 0xFF) << 8
                    | (header[6] & 0xFF) << 16 | (header[7] & 0xFF) << 24);
            long end = position + 8 + length;
            if (length > 0) {
                in.seek(end - 1);
                if (in.read() < 0) {
                    throw new UnsupportedMediaException(CORRUPT + " (a WebP chunk of " + length
                            + " bytes at byte " + position + " runs past the end of the file)");
                }
            }
            position = end + (length & 1);
        }
        in.seek(0);
    }

    /**
     * Refuses a BMP cut before the end of its pixels: the decoders fill the missing rows with black without a
     * warning. Uncompressed pixels (BI_RGB, BI_BITFIELDS) must all be in the file; for compressed ones the
     * file must be as long as its header says, when it says. A header over the pixel limit is left to the limit
     * check that follows, which names the limit.
     */
    private static void checkCompleteBmp(ImageInputStream in, long maxPixels) throws IOException {
        in.setByteOrder(java.nio.ByteOrder.LITTLE_ENDIAN);
        in.seek(2);
        long declaredSize = in.readUnsignedInt();
        in.seek(10);
        long pixelOffset = in.readUnsignedInt();
        long infoSize = in.readUnsignedInt();
        long length = in.length();
        long width;
        long height;
        int bits;
        long compression = 0;
        if (infoSize == 12) {
            width = in.readUnsignedShort();
            height = in.readUnsignedShort();
            in.readUnsignedShort(); // planes
            bits = in.readUnsignedShort();
        } else {
            width = in.readInt();
            height = Math.abs((long) in.readInt());
            in.readUnsignedShort(); // planes
            bits = in.readUnsignedShort();
            compression = infoSize >= 40 ? in.readUnsignedInt() : 0;
        }
        in.seek(0);
        in.setByteOrder(java.nio.ByteOrder.BIG_ENDIAN);
        if (width * height > maxPixels) {
            return;
        }
        boolean uncompressed = compression == 0 || compression == 3 || compression == 6;
        long end = uncompressed ? pixelOffset + rowBytes(width, bits) * height : declaredSize;
        if (length >= 0 && end > length) {
            throw new UnsupportedMediaException(CORRUPT + " (the BMP's pixels end at byte " + end
                    + ", the file at byte " + length + ")");
        }
    }

    private static long rowBytes(long width, int bitsPerPixel) {
        return (width * bitsPerPixel + 31) / 32 * 4;
    }

    /** A fresh reader per call: ImageIO readers are stateful and not thread-safe. */
    static ImageReader reader(MediaType type) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.mimeType());
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + type.mimeType());
        }
        return readers.next();
    }

    /**
     * Opens the file for ImageIO without {@code ImageIO.createImageInputStream}, whose stream choice
     * depends on the providers and the cache setting of the whole JVM. A file on disk gets a buffered
     * stream: decoders read it a few bytes at a time, and {@code FileImageInputStream} would make each
     * read and seek a system call (a 1 MP lossless WebP took 750,000 reads and 500,000 seeks).
     */
    static ImageInputStream open(Path file) {
        try {
            if (file.getFileSystem() == FileSystems.getDefault()) {
                return new ChannelImageInputStream(file);
            }
            return new MemoryCacheImageInputStream(new BufferedInputStream(Files.newInputStream(file)));
        } catch (IOException e) {
            throw new StorageUnavailableException("could not read " + file, e);
        }
    }

    static UnsupportedMediaException corrupt(Throwable cause) {
        return new UnsupportedMediaException(CORRUPT, cause);
    }
}
