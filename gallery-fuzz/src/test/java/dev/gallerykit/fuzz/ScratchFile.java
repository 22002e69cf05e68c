package dev.gallerykit.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One temporary file per JVM that each fuzz input is written to: creating a file per input would cost more than the parse. */
final class ScratchFile {

    private static final Path FILE = create();

    private ScratchFile() {
    }

    static Path holding(byte[] bytes) {
        try {
            return Files.write(FILE, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the fuzz input to " + FILE, e);
        }
    }

    private static Path create() {
        try {
            Path file = Files.createTempFile("gallerykit-fuzz-", ".input");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the fuzz input file", e);
        }
    }
}
