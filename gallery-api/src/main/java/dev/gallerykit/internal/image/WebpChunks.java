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

/**
 * The part of a WebP that the metadata reader may see: the RIFF header, the {@code VP8X} header and
 * the first {@code EXIF} chunk (at most {@link PngChunks#MAX_EXIF_BYTES}). XMP is left out: the
 * reader builds a whole XML document of it, and recursively, so a 20 MB chunk exhausts the heap and
 * a few thousand nested elements the stack; nothing in GalleryKit reads XMP. Skipped chunks are
 * never read into memory.
 */
final class WebpChunks {

    private WebpChunks() {
    }

    /** The metadata view of the WebP in {@code file}; what cannot be parsed ends the view early. */
    static byte[] metadataView(Path file) throws IOException {
        long remaining = Files.size(file);
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             DataInputStream in = new DataInputStream(raw)) {
            in.skipNBytes(12); // RIFF, its size, WEBP: the sniffer checked them
            remaining -= 12;
            boolean exifSeen = false;
            while (remaining >= 8) {
                byte[] type = in.readNBytes(4);
                long length = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
                long padded = length + (length & 1);
                remaining -= 8;
                if (type.length < 4 || length > remaining) {
                    break;
                }
                String name = new String(type, StandardCharsets.ISO_8859_1);
                boolean keep = name.equals("VP8X") ? length == 10
                        : name.equals("EXIF") && !exifSeen && length <= PngChunks.MAX_EXIF_BYTES;
                if (keep) {
                    exifSeen |= name.equals("EXIF");
                    chunks.writeBytes(type);
                    writeInt(chunks, (int) length);
                    chunks.writeBytes(in.readNBytes((int) padded));
                } else {
                    in.skipNBytes(Math.min(padded, remaining));
                }
                remaining -= padded;
            }
        } catch (EOFException truncated) {
            // A truncated file: what was read so far is the view.
        }
        ByteArrayOutputStream view = new ByteArrayOutputStream(12 + chunks.size());
        view.writeBytes("RIFF".getBytes(StandardCharsets.ISO_8859_1));
        writeInt(view, 4 + chunks.size());
        view.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        chunks.writeTo(view);
        return view.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int littleEndian) {
        out.write(littleEndian);
        out.write(littleEndian >>> 8);
        out.write(littleEndian >>> 16);
        out.write(littleEndian >>> 24);
    }
}
