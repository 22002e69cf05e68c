package dev.gallerykit.internal.image;

import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.error.UnsupportedMediaException;
import dev.gallerykit.image.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/** Tells the format from the first bytes of a file; the name and any declared type are ignored. */
final class MediaTypeSniffer {

    static final String UNSUPPORTED = "the file is not an image of a supported type (JPEG, PNG, GIF, WebP, HEIC, AVIF, TIFF, BMP)";

    /** Plenty for any real {@code ftyp} box and every other signature. */
    private static final int PREFIX_LENGTH = 512;
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] TIFF_LITTLE_ENDIAN = {'I', 'I', 42, 0};
    private static final byte[] TIFF_BIG_ENDIAN = {'M', 'M', 0, 42};
    private static final Set<String> HEVC_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis");
    private static final Set<String> GENERIC_HEIF_BRANDS = Set.of("mif1", "msf1");
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    /** BITMAPCOREHEADER, OS/2 2.x (16 and 64), BITMAPINFOHEADER, its V2 and V3 extensions, V4 and V5. */
    private static final Set<Long> BMP_INFO_HEADER_SIZES = Set.of(12L, 16L, 64L, 40L, 52L, 56L, 108L, 124L);

    private MediaTypeSniffer() {
    }

    static MediaType sniff(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(PREFIX_LENGTH);
        } catch (IOException e) {
            throw new StorageUnavailableException("could not read " + file, e);
        }
        if (head.length == 0) {
            throw new UnsupportedMediaException("the file is empty");
        }
        return sniff(head);
    }

    static MediaType sniff(byte[] head) {
        if (startsWith(head, JPEG_SIGNATURE)) {
            return MediaType.JPEG;
        }
        if (startsWith(head, PNG_SIGNATURE)) {
            return MediaType.PNG;
        }
        if (ascii(head, 0, 6).equals("GIF87a") || ascii(head, 0, 6).equals("GIF89a")) {
            return MediaType.GIF;
        }
        if (ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP")) {
            return MediaType.WEBP;
        }
        if (startsWith(head, TIFF_LITTLE_ENDIAN) || startsWith(head, TIFF_BIG_ENDIAN)) {
            return MediaType.TIFF;
        }
        if (isBmp(head)) {
            return MediaType.BMP;
        }
        MediaType heif = heifType(head);
        if (heif != null) {
            return heif;
        }
        throw new UnsupportedMediaException(UNSUPPORTED);
    }

    /**
     * An ISO BMFF {@code ftyp} box first, whose brands name HEIF: the major brand decides (an iPhone
     * writes {@code heic}, an AVIF encoder {@code avif}); under a generic major brand ({@code mif1}) the
     * compatible brands do, HEVC before AV1, and HEIC when they name neither. Whether the primary image
     * really is HEVC or AV1 coded is checked from the item tables ({@link HeifBoxes}).
     */
    private static MediaType heifType(byte[] head) {
        if (head.length < 16 || !ascii(head, 4, 4).equals("ftyp")) {
            return null;
        }
        long boxSize = ((head[0] & 0xFFL) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        if (boxSize < 16) {
            return null;
        }
        String major = ascii(head, 8, 4);
        if (HEVC_BRANDS.contains(major)) {
            return MediaType.HEIC;
        }
        if (AVIF_BRANDS.contains(major)) {
            return MediaType.AVIF;
        }
        int end = (int) Math.min(boxSize, head.length);
        boolean hevc = false;
        boolean generic = GENERIC_HEIF_BRANDS.contains(major);
        boolean avif = false;
        // The minor version at 12, then the compatible brands.
        for (int offset = 16; offset + 4 <= end; offset += 4) {
            String brand = ascii(head, offset, 4);
            hevc |= HEVC_BRANDS.contains(brand);
            generic |= GENERIC_HEIF_BRANDS.contains(brand);
            avif |= AVIF_BRANDS.contains(brand);
        }
        if (hevc) {
            return MediaType.HEIC;
        }
        if (avif) {
            return MediaType.AVIF;
        }
        return generic ? MediaType.HEIC : null;
    }

    /**
     * {@code BM}, then a file header whose pixel offset lies past the headers, and an info header of one of
     * the sizes Windows and OS/2 define: two letters alone begin too many other files.
     */
    private static boolean isBmp(byte[] head) {
        if (head.length < 26 || head[0] != 'B' || head[1] != 'M') {
            return false;
        }
        long pixelOffset = littleEndian32(head, 10);
        long infoSize = littleEndian32(head, 14);
        return BMP_INFO_HEADER_SIZES.contains(infoSize) && pixelOffset >= 14 + infoSize;
    }

    private static long littleEndian32(byte[] data, int offset) {
        return (data[offset] & 0xFFL) | (data[offset + 1] & 0xFFL) << 8 | (data[offset + 2] & 0xFFL) << 16
                | (data[offset + 3] & 0xFFL) << 24;
    }

    private static boolean startsWith(byte[] data, byte[] expected) {
        return data.length >= expected.length
                && Arrays.equals(data, 0, expected.length, expected, 0, expected.length);
    }

    private static String ascii(byte[] data, int offset, int length) {
        if (data.length < offset + length) {
            return "";
        }
        return new String(data, offset, length, StandardCharsets.ISO_8859_1);
    }
}
