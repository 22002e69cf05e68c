package dev.gallerykit.internal.image;

import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.error.UnsupportedMediaException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Counts the extension sub-blocks a GIF has before its first image. The JDK's GIF reader copies an
 * extension's whole data again for each sub-block it appends, so one extension of many small
 * sub-blocks costs time in the square of its size: 3 MB took a minute, 50 MB would take hours.
 * Real files have a handful (a loop count, a comment, a few hundred for XMP); more than
 * {@link #MAX_SUB_BLOCKS} is refused before the reader sees the file.
 */
final class GifBlocks {

    static final int MAX_SUB_BLOCKS = 4_096;

    private GifBlocks() {
    }

    /** @throws UnsupportedMediaException when the extensions before the first image have too many sub-blocks */
    static void checkExtensions(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             DataInputStream in = new DataInputStream(raw)) {
            in.skipNBytes(10); // signature, version, screen width and height
            int packed = in.readUnsignedByte();
            in.skipNBytes(2 + ((packed & 0x80) != 0 ? 3L << ((packed & 0x07) + 1) : 0));
            int subBlocks = 0;
            while (in.readUnsignedByte() == 0x21) {
                in.readUnsignedByte(); // the extension's label
                for (int length = in.readUnsignedByte(); length != 0; length = in.readUnsignedByte()) {
                    if (++subBlocks > MAX_SUB_BLOCKS) {
                        throw new UnsupportedMediaException("the GIF has more than " + MAX_SUB_BLOCKS
                                + " extension sub-blocks before its first image; no picture needs them");
                    }
                    in.skipNBytes(length);
                }
            }
            // An image descriptor, the trailer or anything else: the reader takes it from here.
        } catch (EOFException truncated) {
            // The reader finds out, and says the file is corrupt.
        } catch (IOException e) {
            throw new StorageUnavailableException("could not read " + file, e);
        }
    }
}
