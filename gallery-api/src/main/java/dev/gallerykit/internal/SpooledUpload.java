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

    static SpooledUpload spool(InputStream content, long maxBytes, Path directory) {
        Path file = createTempFile(directory);
        try {
            MessageDigest digest = newSha256();
            long total = 0;
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[BUFFER];
                int read;
                while ((read = readFromClient(content, buffer)) != -1) {
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
        try {
            return content.read(buffer);
        } catch (IOException e) {
            throw new InvalidInputException("content", "could not be read to its end: " + e.getMessage());
        }
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
