package dev.gallerykit.vips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.error.LimitExceededException;
import dev.gallerykit.error.UnsupportedMediaException;
import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.image.JavaImageEngine;
import dev.gallerykit.image.MediaType;
import dev.gallerykit.image.Rendition;
import dev.gallerykit.testkit.fixtures.HostileContainers;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The libvips engine, beyond the contract")
class VipsRenderingTest {

    private static final ImageOptions OPTIONS = ImageOptions.defaults();

    private final VipsImageEngine engine = VipsImageEngine.create();

    @TempDir
    Path directory;

    private Path jpeg(int width, int height) {
        return Images.writeWithImageIo(Images.quadrants(width, height), "jpeg",
                directory.resolve("q-" + width + "x" + height + ".jpg"));
    }

    @Test
    @DisplayName("names itself after the libvips it runs on and decodes the formats GalleryKit accepts")
    void nameAndTypes() {
        assertThat(engine.name()).matches("libvips 8\\.\\d+\\.\\d+");
        assertThat(VipsImageEngine.available()).isTrue();
        for (MediaType type : MediaType.values()) {
            assertThat(engine.decodes(type)).as(type.name()).isTrue();
        }
    }

    @Nested
    @DisplayName("makes renditions")
    class Sizes {

        @ParameterizedTest(name = "{0}x{1}")
        @CsvSource({"4000, 3000", "3000, 4000", "4032, 3024", "1999, 1001", "1001, 1999", "1280, 1280", "5000, 7",
                "641, 479", "1283, 853"})
        @DisplayName("of the same sizes as the pure-Java engine: long edge the size, the other rounded")
        void sizesAsJava(int width, int height) {
            Path file = jpeg(width, height);

            List<Rendition> vips = engine.render(file, MediaType.JPEG, 1, OPTIONS);
            List<Rendition> java = new JavaImageEngine().render(file, MediaType.JPEG, 1, OPTIONS);

            assertThat(vips).extracting(Rendition::dimensions).isEqualTo(java.stream().map(Rendition::dimensions).toList());
            for (Rendition rendition : vips) {
                BufferedImage decoded = Images.decode(rendition.jpeg());
                assertThat(new Dimensions(decoded.getWidth(), decoded.getHeight())).isEqualTo(rendition.dimensions());
            }
        }

        @Test
        @DisplayName("of exactly the rounded size, for any shape, sizes and orientation")
        void anyShape() {
            Random random = new Random(7);
            ImageOptions options = OPTIONS.withThumbnailSizes(List.of(1280, 700, 256, 100, 17));
            for (int n = 0; n < 30; n++) {
                Dimensions original = new Dimensions(20 + random.nextInt(3000), 20 + random.nextInt(3000));
                int orientation = 1 + random.nextInt(8);
                Path file = jpeg(original.width(), original.height());

                List<Rendition> renditions = engine.render(file, MediaType.JPEG, orientation, options);

                for (Rendition rendition : renditions) {
                    Dimensions expected = Fit.oriented(Fit.fit(original, rendition.longEdge()), orientation);
                    BufferedImage decoded = Images.decode(rendition.jpeg());
                    assertThat(new Dimensions(decoded.getWidth(), decoded.getHeight()))
                            .as("%s at %d, orientation %d", original, rendition.longEdge(), orientation)
                            .isEqualTo(rendition.dimensions()).isEqualTo(expected);
                }
            }
        }

        @Test
        @DisplayName("largest first, one per size, never larger than the original")
        void largestFirstNeverEnlarged() {
            Path file = jpeg(600, 400);

            List<Rendition> renditions = engine.render(file, MediaType.JPEG, 1,
                    OPTIONS.withThumbnailSizes(List.of(256, 1280, 512)));

            assertThat(renditions).extracting(Rendition::longEdge).containsExactly(1280, 512, 256);
            assertThat(renditions).extracting(Rendition::dimensions).containsExactly(new Dimensions(600, 400),
                    new Dimensions(512, 341), new Dimensions(256, 171));
        }

        @Test
        @DisplayName("none when no size is asked for")
        void noSizes() {
            assertThat(engine.render(jpeg(64, 48), MediaType.JPEG, 1, OPTIONS.withThumbnailSizes(List.of()))).isEmpty();
        }

        @Test
        @DisplayName("with the JPEG quality of the options")
        void quality() {
            Path file = Images.write(directory.resolve("noise.jpg"), PhotoFixtures.aJpeg(800, 600, 3).bytes());

            int low = engine.render(file, MediaType.JPEG, 1, OPTIONS.withJpegQuality(0.3f)).get(0).jpeg().length;
            int high = engine.render(file, MediaType.JPEG, 1, OPTIONS.withJpegQuality(0.95f)).get(0).jpeg().length;

            assertThat(low).isLessThan(high);
        }
    }

    @Nested
    @DisplayName("turns each rendition upright")
    class Upright {

        @ParameterizedTest(name = "orientation {0}")
        @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
        @DisplayName("with the corners where the pure-Java engine puts them")
        void likeJava(int orientation) {
            Path file = jpeg(640, 480);

            List<Rendition> vips = engine.render(file, MediaType.JPEG, orientation, OPTIONS);
            List<Rendition> java = new JavaImageEngine().render(file, MediaType.JPEG, orientation, OPTIONS);

            for (int i = 0; i < vips.size(); i++) {
                assertThat(vips.get(i).dimensions()).isEqualTo(java.get(i).dimensions());
                List<Color> expected = Images.corners(Images.decode(java.get(i).jpeg()));
                List<Color> actual = Images.corners(Images.decode(vips.get(i).jpeg()));
                for (int corner = 0; corner < 4; corner++) {
                    assertThat(Images.near(actual.get(corner), expected.get(corner), 40))
                            .as("corner %d of %s: %s, expected %s", corner, vips.get(i).dimensions(),
                                    actual.get(corner), expected.get(corner))
                            .isTrue();
                }
            }
        }

        @Test
        @DisplayName("orientation 6 turns a quarter clockwise: the bottom-left corner comes to the top left")
        void sixIsAQuarterClockwise() {
            Rendition rendition = engine.render(jpeg(640, 480), MediaType.JPEG, 6, OPTIONS).get(0);

            assertThat(rendition.dimensions()).isEqualTo(new Dimensions(480, 640));
            List<Color> corners = Images.corners(Images.decode(rendition.jpeg()));
            assertThat(Images.near(corners.get(0), Images.BOTTOM_LEFT, 40)).as("top left %s", corners.get(0)).isTrue();
            assertThat(Images.near(corners.get(1), Images.TOP_LEFT, 40)).as("top right %s", corners.get(1)).isTrue();
            assertThat(Images.near(corners.get(3), Images.TOP_RIGHT, 40)).as("bottom right %s", corners.get(3)).isTrue();
        }

        @Test
        @DisplayName("from the orientation it is given, not the one in the file's EXIF")
        void ignoresTheFilesOwnTag() {
            Path file = PhotoFixtures.aJpegWithExif().writeTo(directory); // 640x480, EXIF orientation 6

            assertThat(engine.render(file, MediaType.JPEG, 1, OPTIONS).get(0).dimensions())
                    .isEqualTo(new Dimensions(640, 480));
        }
    }

    @Nested
    @DisplayName("decodes what the pure-Java engine cannot")
    class Formats {

        @ParameterizedTest(name = "{0}")
        @CsvSource({"photo.heic, HEIC", "photo.avif[compression=av1], AVIF", "photo.heic[compression=av1], HEIC"})
        @DisplayName("HEIF written by libvips, with its real size and the picture upright")
        void heif(String name, String type) {
            Path file = VipsWriter.write(Images.quadrants(4032, 3024), directory, name);

            List<Rendition> renditions = engine.render(file, MediaType.valueOf(type), 1, OPTIONS);

            assertThat(renditions).extracting(Rendition::dimensions)
                    .containsExactly(new Dimensions(1280, 960), new Dimensions(256, 192));
            assertCorners(renditions.get(1), Images.TOP_LEFT, Images.TOP_RIGHT, Images.BOTTOM_LEFT, Images.BOTTOM_RIGHT);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"scan.tif", "scan.tif[compression=deflate]", "scan.tif[compression=jpeg,tile=true]"})
        @DisplayName("a TIFF written by libvips")
        void tiff(String name) {
            Path file = VipsWriter.write(Images.quadrants(3000, 2000), directory, name);

            List<Rendition> renditions = engine.render(file, MediaType.TIFF, 1, OPTIONS);

            assertThat(renditions).extracting(Rendition::dimensions)
                    .containsExactly(new Dimensions(1280, 853), new Dimensions(256, 171));
            assertCorners(renditions.get(1), Images.TOP_LEFT, Images.TOP_RIGHT, Images.BOTTOM_LEFT, Images.BOTTOM_RIGHT);
        }

        @Test
        @DisplayName("a lossy WebP written by libvips")
        void lossyWebp() {
            Path file = VipsWriter.write(Images.quadrants(2000, 1000), directory, "photo.webp[Q=80]");

            List<Rendition> renditions = engine.render(file, MediaType.WEBP, 1, OPTIONS);

            assertThat(renditions).extracting(Rendition::dimensions)
                    .containsExactly(new Dimensions(1280, 640), new Dimensions(256, 128));
            assertCorners(renditions.get(0), Images.TOP_LEFT, Images.TOP_RIGHT, Images.BOTTOM_LEFT, Images.BOTTOM_RIGHT);
        }

        @Test
        @DisplayName("a CMYK JPEG, in sRGB")
        void cmyk() {
            Path file = PhotoFixtures.aCmykJpeg().writeTo(directory); // cyan left, magenta right

            BufferedImage decoded = Images.decode(engine.render(file, MediaType.JPEG, 1, OPTIONS).get(0).jpeg());

            assertThat(decoded.getColorModel().getNumComponents()).isEqualTo(3);
            Color left = new Color(decoded.getRGB(decoded.getWidth() / 4, decoded.getHeight() / 2));
            Color right = new Color(decoded.getRGB(decoded.getWidth() * 3 / 4, decoded.getHeight() / 2));
            assertThat(left.getRed()).as("cyan: %s", left).isLessThan(left.getBlue() - 80);
            assertThat(right.getGreen()).as("magenta: %s", right).isLessThan(right.getRed() - 80);
        }

        @Test
        @DisplayName("a grey JPEG and a 16-bit PNG, as 8-bit sRGB")
        void greyAnd16Bit() {
            BufferedImage grey = new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY);
            BufferedImage deep = new BufferedImage(300, 200, BufferedImage.TYPE_USHORT_GRAY);
            Path greyFile = Images.writeWithImageIo(grey, "jpeg", directory.resolve("grey.jpg"));
            Path deepFile = Images.writeWithImageIo(deep, "png", directory.resolve("deep.png"));

            for (Rendition rendition : List.of(engine.render(greyFile, MediaType.JPEG, 1, OPTIONS).get(0),
                    engine.render(deepFile, MediaType.PNG, 1, OPTIONS).get(0))) {
                BufferedImage decoded = Images.decode(rendition.jpeg());
                assertThat(decoded.getColorModel().getNumComponents()).isEqualTo(3);
                assertThat(decoded.getColorModel().getComponentSize(0)).isEqualTo(8);
            }
        }

        @Test
        @DisplayName("a PNG with alpha, flattened on white; a GIF, its first frame")
        void alphaAndGif() {
            BufferedImage clear = new BufferedImage(200, 100, BufferedImage.TYPE_INT_ARGB); // all transparent
            Path png = Images.writeWithImageIo(clear, "png", directory.resolve("clear.png"));
            Path gif = PhotoFixtures.aGif().writeTo(directory);

            BufferedImage flattened = Images.decode(engine.render(png, MediaType.PNG, 1, OPTIONS).get(0).jpeg());
            List<Rendition> frame = engine.render(gif, MediaType.GIF, 1, OPTIONS);

            assertThat(Images.near(new Color(flattened.getRGB(100, 50)), Color.WHITE, 3)).isTrue();
            assertThat(frame.get(0).dimensions()).isEqualTo(new Dimensions(PhotoFixtures.GIF_WIDTH, PhotoFixtures.GIF_HEIGHT));
        }

        private void assertCorners(Rendition rendition, Color... expected) {
            List<Color> corners = Images.corners(Images.decode(rendition.jpeg()));
            for (int i = 0; i < 4; i++) {
                assertThat(Images.near(corners.get(i), expected[i], 40))
                        .as("corner %d: %s, expected %s", i, corners.get(i), expected[i]).isTrue();
            }
        }
    }

    @Nested
    @DisplayName("leaves no metadata in a rendition")
    class NoMetadata {

        @Test
        @DisplayName("no EXIF or XMP (APP1) and no ICC profile (APP2), from a JPEG with EXIF and GPS")
        void noApp1OrApp2() {
            Path file = PhotoFixtures.aJpegWithExif().writeTo(directory);

            for (Rendition rendition : engine.render(file, MediaType.JPEG, 6, OPTIONS)) {
                assertThat(Images.markersBeforeScan(rendition.jpeg())).doesNotContain(0xE1, 0xE2).contains(0xDA)
                        .as("baseline: SOF0, not a progressive SOF2").contains(0xC0).doesNotContain(0xC2);
            }
        }

        @Test
        @DisplayName("nor from a TIFF that carries an ICC profile")
        void noProfileFromTiff() throws Exception {
            Path file = VipsWriter.write(Images.quadrants(400, 300), directory, "profiled.tif[profile=srgb]");
            assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)).as("the profile is in it")
                    .contains("acsp");

            for (Rendition rendition : engine.render(file, MediaType.TIFF, 1, OPTIONS)) {
                assertThat(Images.markersBeforeScan(rendition.jpeg())).doesNotContain(0xE1, 0xE2);
            }
        }
    }

    @Nested
    @DisplayName("refuses")
    class Refuses {

        @Test
        @DisplayName("a truncated JPEG, with libvips's reason")
        void truncatedJpeg() {
            Path file = PhotoFixtures.aTruncatedJpeg().writeTo(directory);

            assertThatThrownBy(() -> engine.render(file, MediaType.JPEG, 1, OPTIONS))
                    .isInstanceOf(UnsupportedMediaException.class)
                    .hasMessageStartingWith("the image data is truncated or corrupt (libvips: ")
                    .hasMessageNotContaining("no message");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"photo.heic, HEIC", "photo.avif, AVIF", "photo.webp[Q=80], WEBP", "photo.png, PNG",
                "photo.tif, TIFF", "photo.tif[compression=jpeg], TIFF"})
        @DisplayName("a truncated file of another format")
        void truncated(String name, String type) throws Exception {
            Path file = VipsWriter.write(Images.quadrants(1600, 1200), directory, name);
            byte[] whole = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(whole, whole.length / 2));

            assertThatThrownBy(() -> engine.render(file, MediaType.valueOf(type), 1, OPTIONS))
                    .isInstanceOf(UnsupportedMediaException.class);
        }

        @Test
        @DisplayName("a JPEG whose header declares more pixels than the limit, before decoding it")
        void bombJpeg() {
            Path file = HostileContainers.aJpegDeclaring(60_000, 60_000, false).writeTo(directory);

            assertThatThrownBy(() -> engine.render(file, MediaType.JPEG, 1, OPTIONS))
                    .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo("pixels"))
                    .hasMessageContaining("60000x60000");
        }

        @Test
        @DisplayName("a PNG whose header declares more pixels than the limit")
        void bombPng() {
            Path file = PhotoFixtures.aHugeHeaderPng().writeTo(directory);

            assertThatThrownBy(() -> engine.render(file, MediaType.PNG, 1, OPTIONS))
                    .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo("pixels"));
        }

        @Test
        @DisplayName("an image over a lower pixel limit")
        void overTheLimit() {
            Path file = jpeg(400, 300);

            assertThatThrownBy(() -> engine.render(file, MediaType.JPEG, 1, OPTIONS.withMaxPixels(100_000)))
                    .isInstanceOf(LimitExceededException.class).hasMessageContaining("400x300");
        }

        @Test
        @DisplayName("a file of another type than the one given, and one that is no image")
        void wrongType() {
            Path png = Images.writeWithImageIo(Images.quadrants(64, 48), "png", directory.resolve("really.png"));
            Path text = PhotoFixtures.aTextFileNamedJpg().writeTo(directory);

            assertThatThrownBy(() -> engine.render(png, MediaType.JPEG, 1, OPTIONS))
                    .isInstanceOf(UnsupportedMediaException.class).hasMessageContaining("not a image/jpeg");
            assertThatThrownBy(() -> engine.render(text, MediaType.JPEG, 1, OPTIONS))
                    .isInstanceOf(UnsupportedMediaException.class);
        }

        @Test
        @DisplayName("an SVG, a PDF or a web page, whose libvips loaders are blocked, whatever type it is given as")
        void untrustedFormats() {
            List<byte[]> files = List.of(HostileContainers.anSvgWithScript(), HostileContainers.aPdf(),
                    HostileContainers.aWebPage());
            for (int i = 0; i < files.size(); i++) {
                Path file = Images.write(directory.resolve("hostile-" + i), files.get(i));
                for (MediaType type : List.of(MediaType.PNG, MediaType.TIFF, MediaType.HEIC)) {
                    assertThatThrownBy(() -> engine.render(file, type, 1, OPTIONS))
                            .isInstanceOf(UnsupportedMediaException.class);
                }
            }
        }

        @Test
        @DisplayName("an orientation outside 1 to 8")
        void badOrientation() {
            Path file = jpeg(64, 48);

            assertThatThrownBy(() -> engine.render(file, MediaType.JPEG, 9, OPTIONS))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("renders on several threads at once, each the same as alone")
    void concurrent() throws Exception {
        List<Path> files = List.of(jpeg(2000, 1500), VipsWriter.write(Images.quadrants(1200, 900), directory, "a.heic"),
                VipsWriter.write(Images.quadrants(1500, 1000), directory, "a.webp"));
        List<MediaType> types = List.of(MediaType.JPEG, MediaType.HEIC, MediaType.WEBP);
        Path truncated = PhotoFixtures.aTruncatedJpeg().writeTo(directory);
        List<List<Dimensions>> alone = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            alone.add(engine.render(files.get(i), types.get(i), 6, OPTIONS).stream().map(Rendition::dimensions).toList());
        }

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int n = 0; n < 24; n++) {
                int i = n % 4;
                results.add(threads.submit(() -> {
                    if (i == 3) {
                        try {
                            engine.render(truncated, MediaType.JPEG, 1, OPTIONS);
                            return "rendered";
                        } catch (UnsupportedMediaException e) {
                            return "refused";
                        }
                    }
                    return engine.render(files.get(i), types.get(i), 6, OPTIONS).stream()
                            .map(Rendition::dimensions).toList();
                }));
            }
            for (int n = 0; n < results.size(); n++) {
                int i = n % 4;
                assertThat(results.get(n).get()).isEqualTo(i == 3 ? "refused" : alone.get(i));
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
