package dev.gallerykit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.data.Offset.offset;

import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.error.LimitExceededException;
import dev.gallerykit.error.UnsupportedMediaException;
import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.image.MediaType;
import dev.gallerykit.image.Rendition;
import dev.gallerykit.spi.ImageEngine;
import dev.gallerykit.testkit.fixtures.EngineFixtures;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.HostileFiles;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link ImageEngine} must do, the pure-Java engine and the libvips one alike. An engine's
 * test extends this class and says how to build the engine:
 *
 * <pre>{@code
 * class JavaImageEngineTest extends ImageEngineContract {
 *     protected ImageEngine engine() { return new JavaImageEngine(); }
 * }
 * }</pre>
 *
 * <p>The test kit writes JPEG, PNG, GIF, lossless WebP and TIFF itself. Files it cannot write (lossy
 * WebP, HEIC, AVIF) come from {@link #written}, which an engine able to encode them overrides. There
 * are no silent skips: an engine that {@link ImageEngine#decodes decodes} HEIC or AVIF must supply
 * such files, or the tests of that type fail saying so; a type the engine does not decode must be
 * refused by {@link ImageEngine#render} with an {@link UnsupportedMediaException}. Only a lossy WebP
 * the engine cannot write is skipped, with a reason, since the kit's lossless WebP already covers the
 * container.
 *
 * <p>What the contract settles beyond the port's Javadoc:
 * <ul>
 *   <li>transparency is composited on <b>white</b> (a JPEG has no alpha; white is what a page
 *       behind a transparent PNG usually is);</li>
 *   <li>of an animated GIF (or any multi-frame file) the <b>first</b> frame is rendered;</li>
 *   <li>greyscale and 16-bit sources keep their mean colour: their samples are already display
 *       values and are not put through a gamma or colour-space conversion that lightens them;</li>
 *   <li>an Adobe CMYK JPEG without a profile renders with its hues (cyan stays cyan), within the
 *       leeway any CMYK-to-sRGB conversion needs;</li>
 *   <li>every rendition is a baseline JPEG (SOF0) holding only SOI, APP0 JFIF, DQT, SOF0, DHT,
 *       DRI, SOS, the scan and EOI;</li>
 *   <li>a header declaring more than {@link ImageOptions#maxPixels()} is refused with a
 *       {@link LimitExceededException} whose {@link LimitExceededException#limit() limit} is
 *       {@code "pixels"}, whatever the data behind it.</li>
 * </ul>
 */
public abstract class ImageEngineContract {

    /** Files the test kit cannot encode; an engine's test supplies them through {@link #written}. */
    public enum Format {
        /** A lossy ({@code VP8}) WebP. */
        WEBP_LOSSY(MediaType.WEBP),
        /** An HEVC-coded HEIF. */
        HEIC(MediaType.HEIC),
        /** An AV1-coded HEIF. */
        AVIF(MediaType.AVIF);

        private final MediaType mediaType;

        Format(MediaType mediaType) {
            this.mediaType = mediaType;
        }

        /** The type such a file is recognised as. */
        public MediaType mediaType() {
            return mediaType;
        }
    }

    /** Called before each test. */
    protected abstract ImageEngine engine();

    /**
     * The picture encoded as {@code format}, at high quality and without metadata, or empty when this
     * test cannot write that format. An engine that decodes HEIC or AVIF must supply them.
     */
    protected Optional<Fixture> written(BufferedImage picture, Format format) {
        return Optional.empty();
    }

    /** Per channel, at the centre of a flat area: JPEG error and chroma subsampling stay well within it. */
    private static final int COLOUR_TOLERANCE = 40;
    private static final int MEAN_TOLERANCE = 6;
    /**
     * On {@link EngineFixtures#smooth} at a quarter of its size, JPEG quality 0.85, the Java engine
     * gives 48.0 dB and {@code vips thumbnail} 48.1 dB; the JPEG's own error dominates. A systematic
     * colour shift of two levels alone gives 41.9 dB, below the floor.
     */
    private static final double PSNR_FLOOR = 44.0;

    @TempDir
    Path dir;

    private ImageEngine engine;

    @BeforeEach
    void buildEngine() {
        engine = engine();
    }

    // ------------------------------------------------------------------ the formats

    /** Every format a rendition may be asked of: the kit writes the first five, {@link #written} the rest. */
    enum Sample {
        JPEG(MediaType.JPEG, null, EngineFixtures::jpeg),
        PNG(MediaType.PNG, null, EngineFixtures::png),
        GIF(MediaType.GIF, null, EngineFixtures::gif),
        WEBP_LOSSLESS(MediaType.WEBP, null, picture -> EngineFixtures.losslessWebp(picture.getWidth(), picture.getHeight())),
        TIFF(MediaType.TIFF, null, EngineFixtures::tiff),
        BMP(MediaType.BMP, null, EngineFixtures::bmp),
        WEBP_LOSSY(MediaType.WEBP, Format.WEBP_LOSSY, null),
        HEIC(MediaType.HEIC, Format.HEIC, null),
        AVIF(MediaType.AVIF, Format.AVIF, null);

        final MediaType mediaType;
        final Format format;
        final Function<BufferedImage, Fixture> kitWriter;

        Sample(MediaType mediaType, Format format, Function<BufferedImage, Fixture> kitWriter) {
            this.mediaType = mediaType;
            this.format = format;
            this.kitWriter = kitWriter;
        }

        /** Whether the picture shows in the file; the kit's lossless WebP is always red left, blue right. */
        boolean keepsPicture() {
            return this != WEBP_LOSSLESS;
        }
    }

    /** A file and the type the gallery recognised it as. */
    private record Original(MediaType type, Path file) {
    }

    /**
     * The picture as a file of the sample's format. For a type the engine does not decode, any file
     * of that type will do (it must be refused), so a kit-made stand-in replaces what {@link #written}
     * cannot supply.
     */
    private Original original(Sample sample, BufferedImage picture) {
        MediaType type = sample.mediaType;
        if (sample.kitWriter != null) {
            return new Original(type, sample.kitWriter.apply(picture).writeTo(dir));
        }
        Optional<Fixture> written = written(picture, sample.format);
        if (written.isPresent()) {
            return new Original(type, written.get().writeTo(dir));
        }
        if (!engine.decodes(type)) {
            Fixture standIn = sample == Sample.WEBP_LOSSY
                    ? EngineFixtures.losslessWebp(picture.getWidth(), picture.getHeight())
                    : PhotoFixtures.aHeicWithExif();
            return new Original(type, standIn.writeTo(dir));
        }
        if (sample == Sample.WEBP_LOSSY) {
            Assumptions.abort("the test kit cannot write a lossy WebP and written(picture, WEBP_LOSSY) supplied none");
        }
        return fail("the engine decodes " + type.mimeType() + " but written(picture, " + sample.format
                + ") supplied no file: override it to encode the picture as " + sample.format);
    }

    private boolean refusedAsUndecodable(Original original, ImageOptions options) {
        if (engine.decodes(original.type())) {
            return false;
        }
        assertThatThrownBy(() -> engine.render(original.file(), original.type(), 1, options))
                .as("render of a type the engine does not decode")
                .isInstanceOf(UnsupportedMediaException.class);
        return true;
    }

    // ------------------------------------------------------------------ helpers

    private static ImageOptions sizes(Integer... sizes) {
        return ImageOptions.defaults().withThumbnailSizes(List.of(sizes));
    }

    private static BufferedImage decode(Rendition rendition) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(rendition.jpeg()));
            assertThat(image).as("a rendition that ImageIO can read as JPEG").isNotNull();
            assertThat(new Dimensions(image.getWidth(), image.getHeight())).as("the JPEG's own size")
                    .isEqualTo(rendition.dimensions());
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertColour(BufferedImage image, int x, int y, Color expected, String where) {
        Color actual = new Color(image.getRGB(x, y));
        assertThat(new int[] {actual.getRed(), actual.getGreen(), actual.getBlue()})
                .as("%s at (%d, %d): %s, expected about %s", where, x, y, actual, expected)
                .satisfies(rgb -> {
                    assertThat(Math.abs(rgb[0] - expected.getRed())).isLessThanOrEqualTo(COLOUR_TOLERANCE);
                    assertThat(Math.abs(rgb[1] - expected.getGreen())).isLessThanOrEqualTo(COLOUR_TOLERANCE);
                    assertThat(Math.abs(rgb[2] - expected.getBlue())).isLessThanOrEqualTo(COLOUR_TOLERANCE);
                });
    }

    /** The centre of each quadrant holds its colour of {@link EngineFixtures#QUADRANT_COLOURS}. */
    private static void assertQuadrants(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        List<Color> colours = EngineFixtures.QUADRANT_COLOURS;
        assertColour(image, w / 4, h / 4, colours.get(0), "top left");
        assertColour(image, w * 3 / 4, h / 4, colours.get(1), "top right");
        assertColour(image, w / 4, h * 3 / 4, colours.get(2), "bottom left");
        assertColour(image, w * 3 / 4, h * 3 / 4, colours.get(3), "bottom right");
    }

    /** The size the port promises: long edge {@code size} (or the original's), the other side rounded. */
    private static Dimensions fit(int width, int height, int size) {
        int longEdge = Math.max(width, height);
        if (longEdge <= size) {
            return new Dimensions(width, height);
        }
        double scale = (double) size / longEdge;
        return width >= height
                ? new Dimensions(size, (int) Math.max(1, Math.round(height * scale)))
                : new Dimensions((int) Math.max(1, Math.round(width * scale)), size);
    }

    private static void assertMeanColour(BufferedImage rendition, double[] expected, int tolerance, String what) {
        double[] actual = EngineFixtures.meanColour(rendition);
        for (int channel = 0; channel < 3; channel++) {
            assertThat(actual[channel]).as("mean %s of the rendition of %s: %s, source %s", "RGB".charAt(channel),
                    what, Arrays.toString(actual), Arrays.toString(expected))
                    .isCloseTo(expected[channel], offset((double) tolerance));
        }
    }

    private static BufferedImage read(Fixture file) {
        try {
            return ImageIO.read(new ByteArrayInputStream(file.bytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ the tests

    @Nested
    @DisplayName("Orientation")
    class Orientation {

        @ParameterizedTest(name = "EXIF orientation {0} gives an upright rendition")
        @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
        @DisplayName("each EXIF orientation gives an upright rendition, the sides swapped for 5 to 8")
        void everyOrientationEndsUpright(int orientation) {
            BufferedImage upright = EngineFixtures.quadrants(120, 80);
            BufferedImage stored = EngineFixtures.stored(upright, orientation);
            Path file = EngineFixtures.jpeg(stored).writeTo(dir);

            List<Rendition> renditions = engine.render(file, MediaType.JPEG, orientation, sizes(256, 64));

            assertThat(stored.getWidth()).isEqualTo(orientation >= 5 ? 80 : 120);
            assertThat(renditions).extracting(Rendition::dimensions)
                    .containsExactly(new Dimensions(120, 80), new Dimensions(64, 43));
            renditions.forEach(rendition -> assertQuadrants(decode(rendition)));
        }
    }

    @Nested
    @DisplayName("Each format")
    class EachFormat {

        @ParameterizedTest(name = "{0}")
        @EnumSource(Sample.class)
        @DisplayName("renders the picture of a file of each format it decodes, and refuses the others")
        void rendersEachFormatItDecodes(Sample sample) {
            BufferedImage picture = EngineFixtures.quadrants(160, 120);
            Original original = original(sample, picture);
            if (refusedAsUndecodable(original, sizes(256, 64))) {
                return;
            }

            List<Rendition> renditions = engine.render(original.file(), original.type(), 1, sizes(256, 64));

            assertThat(renditions).extracting(Rendition::dimensions)
                    .containsExactly(new Dimensions(160, 120), new Dimensions(64, 48));
            for (Rendition rendition : renditions) {
                BufferedImage image = decode(rendition);
                if (sample.keepsPicture()) {
                    assertQuadrants(image);
                } else {
                    assertColour(image, image.getWidth() / 4, image.getHeight() / 2, Color.RED, "left half");
                    assertColour(image, image.getWidth() * 3 / 4, image.getHeight() / 2, Color.BLUE, "right half");
                }
            }
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Sample.class)
        @DisplayName("refuses a truncated file of each format with UnsupportedMediaException")
        void refusesTruncatedFiles(Sample sample) {
            BufferedImage picture = EngineFixtures.busy(240, 180, 3);
            Original whole = original(sample, picture);
            Fixture cut = EngineFixtures.truncated(new Fixture(whole.file().getFileName().toString(), bytes(whole.file())), 0.5);
            Original original = new Original(whole.type(), cut.writeTo(dir));
            if (refusedAsUndecodable(original, sizes(256, 64))) {
                return;
            }

            assertThatThrownBy(() -> engine.render(original.file(), original.type(), 1, sizes(256, 64)))
                    .isInstanceOf(UnsupportedMediaException.class);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Sample.class)
        @DisplayName("refuses a file of each format over the pixel limit with LimitExceededException")
        void refusesFilesOverThePixelLimit(Sample sample) {
            ImageOptions options = sizes(64).withMaxPixels(20_000);
            Original original = original(sample, EngineFixtures.quadrants(200, 150));
            if (refusedAsUndecodable(original, options)) {
                return;
            }

            assertThatThrownBy(() -> engine.render(original.file(), original.type(), 1, options))
                    .isInstanceOfSatisfying(LimitExceededException.class,
                            e -> assertThat(e.limit()).isEqualTo("pixels"));
        }

        static Stream<Arguments> bombs() {
            Fixture jpeg = EngineFixtures.jpeg(EngineFixtures.quadrants(64, 48));
            Fixture png = EngineFixtures.png(EngineFixtures.quadrants(64, 48));
            Fixture gif = EngineFixtures.gif(EngineFixtures.quadrants(64, 48));
            return Stream.of(
                    Arguments.of("JPEG", EngineFixtures.declaringJpeg(jpeg, 40_000, 30_000)),
                    Arguments.of("PNG", EngineFixtures.declaringPng(png, 40_000, 30_000)),
                    Arguments.of("PNG", PhotoFixtures.aHugeHeaderPng()),
                    Arguments.of("GIF", EngineFixtures.declaringGif(gif, 40_000, 30_000)),
                    Arguments.of("WEBP", HostileFiles.aTinyWebpDeclaring(16_000, 12_000)),
                    Arguments.of("TIFF", HostileFiles.aTiffDeclaring(16_000, 12_000)),
                    // HEIC and AVIF: a decoder refuses a container without its codec configuration before it
                    // reads the size, so a tiny bomb of theirs is refused by the analysis, on its 'ispe'
                    // (ImagePipelineTest); real files over the limit are refused here, above.
                    Arguments.of("BMP", EngineFixtures.declaringBmp(16_000, 12_000)));
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("bombs")
        @DisplayName("refuses a tiny file whose header declares a huge picture with LimitExceededException")
        void refusesBombs(String type, Fixture bomb) {
            Path file = bomb.writeTo(dir);
            MediaType mediaType = MediaType.valueOf(type);
            ImageOptions options = sizes(256).withMaxPixels(1_000_000);
            if (refusedAsUndecodable(new Original(mediaType, file), options)) {
                return;
            }

            assertThatThrownBy(() -> engine.render(file, mediaType, 1, options))
                    .isInstanceOfSatisfying(LimitExceededException.class,
                            e -> assertThat(e.limit()).isEqualTo("pixels"));
        }
    }

    @Nested
    @DisplayName("Colours")
    class Colours {

        static Stream<Arguments> sources() {
            return Stream.of(
                    Arguments.of("a greyscale JPEG", "JPEG", EngineFixtures.greyJpeg(300, 200)),
                    Arguments.of("a greyscale PNG", "PNG", EngineFixtures.greyPng(300, 200)),
                    Arguments.of("a 16-bit RGB PNG", "PNG", EngineFixtures.sixteenBitPng(300, 200)),
                    Arguments.of("a 16-bit greyscale PNG", "PNG", EngineFixtures.sixteenBitGreyPng(300, 200)),
                    Arguments.of("a palette PNG", "PNG", EngineFixtures.palettePng(300, 200)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("sources")
        @DisplayName("keeps the mean colour of the source, neither lightened nor darkened")
        void keepsTheMeanColour(String what, String type, Fixture source) {
            Path file = source.writeTo(dir);

            List<Rendition> renditions = engine.render(file, MediaType.valueOf(type), 1, sizes(256, 100));

            double[] expected = EngineFixtures.meanColour(read(source));
            assertThat(renditions).extracting(Rendition::dimensions)
                    .containsExactly(new Dimensions(256, 171), new Dimensions(100, 67));
            renditions.forEach(rendition -> assertMeanColour(decode(rendition), expected, MEAN_TOLERANCE, what));
        }

        @Test
        @DisplayName("renders an Adobe CMYK JPEG with its hues: cyan on the left, magenta on the right")
        void rendersCmykJpeg() {
            Path file = PhotoFixtures.aCmykJpeg().writeTo(dir);

            List<Rendition> renditions = engine.render(file, MediaType.JPEG, 1, sizes(256, 100));

            assertThat(renditions).extracting(Rendition::dimensions)
                    .containsExactly(new Dimensions(200, 100), new Dimensions(100, 50));
            for (Rendition rendition : renditions) {
                BufferedImage image = decode(rendition);
                int w = image.getWidth();
                int h = image.getHeight();
                // Any CMYK profile puts full cyan ink near (0, 160..255, 220..255) and magenta near (220..255, 0..60, 140..255).
                double[] cyan = EngineFixtures.meanColour(image.getSubimage(0, 0, w / 2 - 2, h));
                double[] magenta = EngineFixtures.meanColour(image.getSubimage(w / 2 + 2, 0, w / 2 - 2, h));
                assertThat(cyan[0]).as("red of cyan %s", Arrays.toString(cyan)).isLessThan(80);
                assertThat(cyan[1]).as("green of cyan %s", Arrays.toString(cyan)).isGreaterThan(130);
                assertThat(cyan[2]).as("blue of cyan %s", Arrays.toString(cyan)).isGreaterThan(190);
                assertThat(magenta[0]).as("red of magenta %s", Arrays.toString(magenta)).isGreaterThan(190);
                assertThat(magenta[1]).as("green of magenta %s", Arrays.toString(magenta)).isLessThan(80);
                assertThat(magenta[2]).as("blue of magenta %s", Arrays.toString(magenta)).isGreaterThan(110);
            }
        }

        static Stream<Arguments> translucent() {
            return Stream.of(
                    Arguments.of("an RGBA PNG", EngineFixtures.alphaPng(200, 100), Color.BLUE),
                    Arguments.of("a grey-and-alpha PNG", EngineFixtures.greyAlphaPng(200, 100), new Color(64, 64, 64)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("translucent")
        @DisplayName("composites transparency on white")
        void compositesAlphaOnWhite(String what, Fixture source, Color opaque) {
            Path file = source.writeTo(dir);

            List<Rendition> renditions = engine.render(file, MediaType.PNG, 1, sizes(256, 100));

            assertThat(renditions).extracting(Rendition::dimensions)
                    .containsExactly(new Dimensions(200, 100), new Dimensions(100, 50));
            for (Rendition rendition : renditions) {
                BufferedImage image = decode(rendition);
                int w = image.getWidth();
                int h = image.getHeight();
                assertColour(image, w / 4, h / 5, opaque, "the opaque half");
                assertColour(image, w * 3 / 4, h / 5, Color.WHITE, "the transparent half");
                assertColour(image, w * 3 / 4, h * 4 / 5, Color.WHITE, "the transparent half");
                assertColour(image, w / 2, h / 2, new Color(127, 127, 127), "black at half alpha");
            }
        }

        @Test
        @DisplayName("renders the first frame of an animated GIF")
        void rendersTheFirstFrameOfAnAnimatedGif() {
            Path file = EngineFixtures.animatedGif(120, 90).writeTo(dir);

            List<Rendition> renditions = engine.render(file, MediaType.GIF, 1, sizes(256, 60));

            assertThat(renditions).extracting(Rendition::dimensions)
                    .containsExactly(new Dimensions(120, 90), new Dimensions(60, 45));
            for (Rendition rendition : renditions) {
                assertMeanColour(decode(rendition), new double[] {255, 0, 0}, MEAN_TOLERANCE, "the red first frame");
            }
        }
    }

    @Nested
    @DisplayName("Sizes")
    class Sizes {

        @ParameterizedTest(name = "{0}x{1} at {2}")
        @CsvSource({
                "300, 200, '256, 100, 16'",
                "200, 300, '256, 100, 16'",
                "300, 200, '1024, 300, 299'",
                "333, 100, '64, 17'",
                "100, 100, '64'",
                "1000, 3, '500'"})
        @DisplayName("makes one rendition per size, largest first, long edge at the size or the original's, the aspect ratio to the nearest pixel")
        void oneRenditionPerSize(int width, int height, String sizeList) {
            List<Integer> wanted = Arrays.stream(sizeList.split(",")).map(String::trim).map(Integer::valueOf).toList();
            Path file = EngineFixtures.png(EngineFixtures.busy(width, height, 5)).writeTo(dir);
            ImageOptions options = ImageOptions.defaults().withThumbnailSizes(wanted);

            List<Rendition> renditions = engine.render(file, MediaType.PNG, 1, options);

            List<Integer> largestFirst = options.thumbnailSizes();
            assertThat(renditions).extracting(Rendition::longEdge).containsExactlyElementsOf(largestFirst);
            List<Dimensions> expected = new ArrayList<>();
            largestFirst.forEach(size -> expected.add(fit(width, height, size)));
            assertThat(renditions).extracting(Rendition::dimensions).containsExactlyElementsOf(expected);
            renditions.forEach(ImageEngineContract::decode);
        }

        @Test
        @DisplayName("makes no rendition when no size is asked for")
        void noSizesNoRenditions() {
            Path file = EngineFixtures.jpeg(EngineFixtures.quadrants(64, 48)).writeTo(dir);

            assertThat(engine.render(file, MediaType.JPEG, 1, ImageOptions.defaults().withThumbnailSizes(List.of())))
                    .isEmpty();
        }
    }

    @Nested
    @DisplayName("Metadata")
    class Metadata {

        static Stream<Arguments> sources() {
            return Stream.of(
                    Arguments.of("JPEG", PhotoFixtures.aJpegWithExif(), PhotoFixtures.EXIF_ORIENTATION),
                    Arguments.of("JPEG", PhotoFixtures.aCmykJpeg(), 1),
                    Arguments.of("PNG", HostileFiles.aPngWithXmp("<x:xmpmeta xmlns:x='adobe:ns:meta/'/>"), 1),
                    Arguments.of("PNG", HostileFiles.aPngWithExif(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 0}), 1));
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("sources")
        @DisplayName("writes baseline JPEGs holding no metadata: no EXIF, XMP, ICC profile, Photoshop block or comment")
        void noMetadataInRenditions(String type, Fixture source, int orientation) {
            Path file = source.writeTo(dir);

            List<Rendition> renditions = engine.render(file, MediaType.valueOf(type), orientation, sizes(256, 64));

            assertThat(renditions).hasSize(2);
            for (Rendition rendition : renditions) {
                List<String> markers = JpegMarkers.of(rendition.jpeg());
                assertThat(markers).as("the markers of a rendition").first().isEqualTo("SOI");
                assertThat(markers).last().isEqualTo("EOI");
                assertThat(markers).as("the markers of a rendition")
                        .isSubsetOf("SOI", "APP0 JFIF", "DQT", "SOF0", "DHT", "DRI", "SOS", "EOI")
                        .containsOnlyOnce("SOF0");
            }
        }
    }

    @Nested
    @DisplayName("Concurrency")
    class Concurrency {

        @Test
        @DisplayName("renders four different files on four threads at once, each correctly")
        void rendersConcurrently() throws InterruptedException {
            List<Original> files = List.of(
                    new Original(MediaType.JPEG, EngineFixtures.jpeg(EngineFixtures.busy(640, 480, 11)).writeTo(dir)),
                    new Original(MediaType.PNG, EngineFixtures.png(EngineFixtures.busy(500, 400, 12)).writeTo(dir)),
                    new Original(MediaType.GIF, EngineFixtures.gif(EngineFixtures.quadrants(300, 200)).writeTo(dir)),
                    new Original(MediaType.WEBP, EngineFixtures.losslessWebp(400, 300).writeTo(dir)));
            List<List<Dimensions>> expected = List.of(
                    List.of(new Dimensions(256, 192), new Dimensions(64, 48)),
                    List.of(new Dimensions(256, 205), new Dimensions(64, 51)),
                    List.of(new Dimensions(256, 171), new Dimensions(64, 43)),
                    List.of(new Dimensions(256, 192), new Dimensions(64, 48)));

            for (int round = 0; round < 3; round++) {
                Race.Results<List<Rendition>> results = Race.run(4, contender -> {
                    Original original = files.get(contender);
                    return engine.render(original.file(), original.type(), 1, sizes(256, 64));
                });

                assertThat(results.failures()).as(results.failureTraces()).isEmpty();
                for (int i = 0; i < 4; i++) {
                    assertThat(results.wins().get(i)).extracting(Rendition::dimensions)
                            .containsExactlyElementsOf(expected.get(i));
                    results.wins().get(i).forEach(ImageEngineContract::decode);
                }
            }
        }
    }

    @Nested
    @DisplayName("Quality")
    class Quality {

        @Test
        @DisplayName("renders a smooth picture close to an exact area-average downscale of it (PSNR floor)")
        void smoothPictureStaysCloseToTheReference() {
            BufferedImage source = EngineFixtures.smooth(1600, 1200);
            Path file = EngineFixtures.png(source).writeTo(dir);

            List<Rendition> renditions = engine.render(file, MediaType.PNG, 1, sizes(400).withJpegQuality(0.85f));

            assertThat(renditions).extracting(Rendition::dimensions).containsExactly(new Dimensions(400, 300));
            double psnr = Psnr.of(decode(renditions.get(0)), Psnr.boxDownscale(source, 4));
            assertThat(psnr).as("PSNR in dB against an exact 4x4 area average").isGreaterThan(PSNR_FLOOR);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The marker segments of a JPEG, in order, named; APPn segments carry their identifier. */
    static final class JpegMarkers {

        private JpegMarkers() {
        }

        static List<String> of(byte[] jpeg) {
            List<String> markers = new ArrayList<>();
            int i = 0;
            while (i + 1 < jpeg.length) {
                if ((jpeg[i] & 0xFF) != 0xFF) {
                    throw new AssertionError("no marker at byte " + i + " of the rendition");
                }
                int marker = jpeg[i + 1] & 0xFF;
                if (marker == 0xFF) { // fill byte
                    i++;
                    continue;
                }
                if (marker == 0xD8 || marker == 0xD9) {
                    markers.add(marker == 0xD8 ? "SOI" : "EOI");
                    i += 2;
                    if (marker == 0xD9) {
                        break;
                    }
                    continue;
                }
                int length = (jpeg[i + 2] & 0xFF) << 8 | jpeg[i + 3] & 0xFF;
                markers.add(name(marker, jpeg, i + 4, length - 2));
                i += 2 + length;
                if (marker == 0xDA) { // entropy-coded data up to the next marker that is no RSTn and no stuffed 0
                    while (i + 1 < jpeg.length && !((jpeg[i] & 0xFF) == 0xFF && jpeg[i + 1] != 0
                            && ((jpeg[i + 1] & 0xFF) < 0xD0 || (jpeg[i + 1] & 0xFF) > 0xD7))) {
                        i++;
                    }
                }
            }
            return markers;
        }

        private static String name(int marker, byte[] jpeg, int from, int length) {
            if (marker >= 0xE0 && marker <= 0xEF) {
                int end = from;
                while (end < from + length && end < jpeg.length && jpeg[end] != 0) {
                    end++;
                }
                return "APP" + (marker - 0xE0) + " " + new String(jpeg, from, end - from, StandardCharsets.ISO_8859_1);
            }
            return switch (marker) {
                case 0xDB -> "DQT";
                case 0xC4 -> "DHT";
                case 0xDD -> "DRI";
                case 0xDA -> "SOS";
                case 0xFE -> "COM";
                default -> marker >= 0xC0 && marker <= 0xCF ? "SOF" + (marker - 0xC0) : String.format("0x%02X", marker);
            };
        }
    }

    /** Peak signal-to-noise ratio over red, green and blue. */
    static final class Psnr {

        private Psnr() {
        }

        static double of(BufferedImage actual, double[][] reference) {
            double squared = 0;
            int w = actual.getWidth();
            int h = actual.getHeight();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = actual.getRGB(x, y);
                    double[] want = reference[y * w + x];
                    double dr = (rgb >>> 16 & 0xFF) - want[0];
                    double dg = (rgb >>> 8 & 0xFF) - want[1];
                    double db = (rgb & 0xFF) - want[2];
                    squared += dr * dr + dg * dg + db * db;
                }
            }
            double mean = squared / (3.0 * w * h);
            return 10 * Math.log10(255.0 * 255.0 / mean);
        }

        /** The exact mean of each {@code factor} x {@code factor} block, as doubles, row by row. */
        static double[][] boxDownscale(BufferedImage source, int factor) {
            int w = source.getWidth() / factor;
            int h = source.getHeight() / factor;
            double[][] out = new double[w * h][3];
            for (int y = 0; y < h * factor; y++) {
                for (int x = 0; x < w * factor; x++) {
                    int rgb = source.getRGB(x, y);
                    double[] sum = out[(y / factor) * w + x / factor];
                    sum[0] += rgb >>> 16 & 0xFF;
                    sum[1] += rgb >>> 8 & 0xFF;
                    sum[2] += rgb & 0xFF;
                }
            }
            double area = factor * factor;
            for (double[] pixel : out) {
                pixel[0] /= area;
                pixel[1] /= area;
                pixel[2] /= area;
            }
            return out;
        }
    }
}
