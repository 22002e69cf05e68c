package dev.gallerykit.internal.image;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The part of a PNG that the metadata reader may see: the signature, the header and the first
 * {@code eXIf} chunk (at most {@link #MAX_EXIF_BYTES}), then the end. Compressed text ({@code zTXt},
 * {@code iTXt}) and ICC profiles ({@code iCCP}) are left out, because the reader inflates them
 * without bound: a 1 MB chunk can inflate to 1 GiB. Skipped chunks are never read into memory.
 */
final class PngChunks {

    /** More EXIF than a JPEG can hold (64 KiB) many times over, and still nothing to fear. */
    static final int MAX_EXIF_BYTES = 1 << 20;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** The header's fixed length: a chunk named IHDR of any other length is not read. */
    private static final int IHDR_BYTES = 13;

    private PngChunks() {
    }

    /** The metadata view of the PNG in {@code file}; what cannot be parsed ends the view early. */
    static byte[] metadataView(Path file) throws IOException {
        long remaining = Files.size(file);
        ByteArrayOutputStream view = new ByteArrayOutputStream();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             DataInputStream in = new DataInputStream(raw)) {
            byte[] signature = in.readNBytes(SIGNATURE.length);
            if (!Arrays.equals(signature, SIGNATURE)) {
                return signature;
            }
            view.write(signature);
            remaining -= SIGNATURE.length;
            boolean exifSeen = false;
            while (remaining >= 12) {
                long length = Integer.toUnsignedLong(in.readInt());
                byte[] type = in.readNBytes(4);
                remaining -= 8;
                if (type.length < 4 || length + 4 > remaining) {
                    break;
                }
                String name = new String(type, StandardCharsets.ISO_8859_1);
                boolean keep = name.equals("IHDR") ? length == IHDR_BYTES
                        : name.equals("eXIf") && !exifSeen && length <= MAX_EXIF_BYTES;
                if (keep) {
                    exifSeen |= name.equals("eXIf");
                    writeChunk(view, type, in.readNBytes((int) length), in.readInt());
                } else {
                    in.skipNBytes(length + 4);
                }
                remaining -= length + 4;
                if (name.equals("IEND")) {
                    break;
                }
            }
        } catch (EOFException truncated) {
            // A truncated file: what was read so far is the view.
        }
        writeChunk(view, "IEND".getBytes(StandardCharsets.ISO_8859_1), new byte[0], 0xAE426082);
        return view.toByteArray();
    }

    private static void writeChunk(ByteArrayOutputStream out, byte[] type, byte[] data, int crc) {
        writeInt(out, data.length);
        out.writeBytes(type);
        out.writeBytes(data);
        writeInt(out, crc);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
