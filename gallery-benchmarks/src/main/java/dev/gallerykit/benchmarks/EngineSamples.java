package dev.gallerykit.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The originals the engine benchmarks share: JPEGs drawn by {@link SamplePhotos}, and a 12 MP HEIC (3.2 MB, as
 * a phone's) and a 10 MP lossy WebP (0.9 MB) written from the camera-like JPEG by the {@code vips} command (Debian {@code libvips-tools}), so
 * that nothing binary is committed and every run measures the same kind of file.
 */
public final class EngineSamples {

    private EngineSamples() {
    }

    /** Writes every sample into the directory given, for {@link PeakMemory} and the command's own runs. */
    public static void main(String[] args) throws IOException {
        Path directory = Files.createDirectories(Path.of(args[0]));
        for (String name : List.of("jpeg-12", "jpeg-12-camera", "jpeg-24", "heic-12", "webp-10")) {
            Path written = write(name, Files.createTempDirectory(directory, name));
            Path named = directory.resolve(name + written.getFileName().toString().replaceAll("^[^.]*", ""));
            Files.move(written, named, StandardCopyOption.REPLACE_EXISTING);
            System.out.println(named + " " + Files.size(named) + " bytes");
        }
    }

    /**
     * @param name {@code jpeg-12} (4000 x 3000, smooth), {@code jpeg-12-camera} (4000 x 3000, textured, 4:2:2),
     *             {@code jpeg-24} (6000 x 4000), {@code heic-12} (4032 x 3024) or {@code webp-10} (3648 x 2736)
     */
    static Path write(String name, Path directory) {
        return switch (name) {
            case "jpeg-12" -> SamplePhotos.write(12, directory);
            case "jpeg-12-camera" -> SamplePhotos.writeCameraLike(directory);
            case "jpeg-24" -> SamplePhotos.write(24, directory);
            case "heic-12" -> convert(SamplePhotos.writeCameraLike(directory), 4032, 3024,
                    directory.resolve("phone-12mp.heic"), "[Q=60,compression=hevc,strip]");
            case "webp-10" -> convert(SamplePhotos.writeCameraLike(directory), 3648, 2736,
                    directory.resolve("photo-10mp.webp"), "[Q=82,strip]");
            default -> throw new IllegalArgumentException("no sample " + name);
        };
    }

    /** Resizes {@code source} to exactly {@code width} x {@code height} and writes it with the given saver options. */
    private static Path convert(Path source, int width, int height, Path target, String options) {
        Path sized = target.resolveSibling("sized-" + target.getFileName() + ".v");
        run("vips", "thumbnail", source.toString(), sized.toString(), Integer.toString(width),
                "--height", Integer.toString(height), "--size", "force");
        run("vips", "copy", sized.toString(), target + options);
        try {
            Files.delete(sized);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    static String run(String... command) {
        List<String> line = new ArrayList<>(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + line.get(0) + " (install libvips-tools)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + line, e);
        }
    }
}
