package dev.gallerykit.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/** An open stored object: its description and a stream of (a range of) its bytes. Close it. */
public record Blob(BlobInfo info, InputStream content) implements AutoCloseable {

    public Blob {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(content, "content");
    }

    public byte[] readAllBytes() {
        try (InputStream in = content) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            content.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
