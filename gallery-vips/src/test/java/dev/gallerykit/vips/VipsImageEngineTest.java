package dev.gallerykit.vips;

import dev.gallerykit.spi.ImageEngine;
import dev.gallerykit.testkit.contract.ImageEngineContract;
import dev.gallerykit.testkit.fixtures.Fixture;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The libvips engine against the contract; libvips itself writes the lossy WebP, HEIC and AVIF files. */
class VipsImageEngineTest extends ImageEngineContract {

    @Override
    protected ImageEngine engine() {
        return VipsImageEngine.create();
    }

    @Override
    protected Optional<Fixture> written(BufferedImage picture, Format format) {
        String name = switch (format) {
            case WEBP_LOSSY -> "picture.webp[Q=92,strip]";
            case HEIC -> "picture.heic[Q=92,compression=hevc,strip]";
            case AVIF -> "picture.avif[Q=92,compression=av1,strip]";
        };
        try {
            Path directory = Files.createTempDirectory("vips-fixture");
            Path file = VipsWriter.write(picture, directory, name);
            Fixture fixture = new Fixture(file.getFileName().toString(), Files.readAllBytes(file));
            Files.delete(file);
            Files.delete(directory);
            return Optional.of(fixture);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
