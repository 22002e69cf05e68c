package dev.gallerykit.image;

import dev.gallerykit.spi.ImageEngine;
import dev.gallerykit.testkit.contract.ImageEngineContract;
import dev.gallerykit.testkit.fixtures.Fixture;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * The pure-Java engine against the contract. ImageIO writes none of lossy WebP, HEIC and AVIF; when
 * the {@code vips} command is installed (Debian {@code libvips-tools}) it writes them, so that the
 * lossy WebP decoder is exercised and HEIC and AVIF are refused as real files. Without it the lossy
 * WebP cases are skipped, with that reason.
 */
class JavaImageEngineTest extends ImageEngineContract {

    @Override
    protected ImageEngine engine() {
        return new JavaImageEngine();
    }

    @Override
    protected Optional<Fixture> written(BufferedImage picture, Format format) {
        Optional<Path> vips = onPath("vips");
        if (vips.isEmpty()) {
            return Optional.empty();
        }
        String extension = switch (format) {
            case WEBP_LOSSY -> "webp";
            case HEIC -> "heic";
            case AVIF -> "avif";
        };
        try {
            Path directory = Files.createTempDirectory("vips-fixture");
            Path png = directory.resolve("picture.png");
            Path encoded = directory.resolve("picture." + extension);
            ImageIO.write(picture, "png", png.toFile());
            Process process = new ProcessBuilder(vips.get().toString(), "copy", png.toString(),
                    encoded + "[Q=92,strip]").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("vips could not write " + extension + ": " + output);
            }
            return Optional.of(new Fixture("picture." + format.name().toLowerCase(Locale.ROOT) + "." + extension,
                    Files.readAllBytes(encoded)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while vips wrote " + extension, e);
        }
    }

    private static Optional<Path> onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(directory -> Path.of(directory, command))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
