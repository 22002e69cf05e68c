package dev.gallerykit.internal;

import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.LimitExceededException;
import dev.gallerykit.error.StorageUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An upload copied to a temporary file, with its size and SHA-256 computed on the way, so that the
 * pipeline can read it several times without holding it in memory. Reading stops as soon as the
 * byte limit is passed.
 */
final class SpooledUpload implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final Path file;
    private final long size;
    private final String sha256;

    private SpooledUpload(Path file, long size, String sha256) {
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
    }

    /** Reads in a row that give no byte before the stream counts as broken. */
    static final int MAX_EMPTY_READS = 1_000;

    static SpooledUpload spool(InputStream content, long maxBytes, Path directory) {
        Path file = createTempFile(directory);
        try {
            MessageDigest digest = newSha256();
            long total = 0;
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[BUFFER];
                int read;
                int emptyReads = 0;
                while ((read = readFromClient(content, buffer)) != -1) {
                    // A read of nothing is allowed now and then; a stream that never blocks would spin here forever.
                    emptyReads = read == 0 ? emptyReads + 1 : 0;
                    if (emptyReads == MAX_EMPTY_READS) {
                        throw new InvalidInputException("content", "gave no bytes " + MAX_EMPTY_READS
                                + " reads in a row without ending; a stream must block until it has bytes or ends");
                    }
                    total += read;
                    if (total > maxBytes) {
                        throw new LimitExceededException("bytes", maxBytes, "the upload is larger than " + maxBytes + " bytes");
                    }
                    digest.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            } catch (IOException e) {
                throw new StorageUnavailableException("could not write the upload to " + directory, e);
            }
            return new SpooledUpload(file, total, HexFormat.of().formatHex(digest.digest()));
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    String sha256() {
        return sha256;
    }

    InputStream open() {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        deleteQuietly(file);
    }

    private static int readFromClient(InputStream content, byte[] buffer) {
        int read;
        try {
            read = content.read(buffer);
        } catch (IOException | RuntimeException e) {
            // The caller's stream failed: that is the upload's problem, named as such, not a foreign exception.
            throw new InvalidInputException("content", "could not be read to its end: " + e);
        }
        if (read < -1 || read > buffer.length) {
            throw new InvalidInputException("content", "is a stream that reported reading " + read
                    + " bytes into a buffer of " + buffer.length);
        }
        return read;
    }

    private static Path createTempFile(Path directory) {
        try {
            return Files.createTempFile(directory, "gallerykit-upload-", ".tmp");
        } catch (IOException e) {
            throw new StorageUnavailableException("could not create a temporary file in " + directory, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless; the OS cleans its temp folder
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
