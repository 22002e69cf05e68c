package dev.gallerykit.internal.image;

import static dev.gallerykit.testkit.fixtures.PhotoFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.Rational;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.domain.GeoPoint;
import dev.gallerykit.domain.ImageMetadata;
import dev.gallerykit.error.LimitExceededException;
import dev.gallerykit.error.UnsupportedMediaException;
import dev.gallerykit.image.ImageAnalysis;
import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.image.ImagePipeline;
import dev.gallerykit.image.MediaType;
import dev.gallerykit.image.Rendition;
import dev.gallerykit.testkit.fixtures.EngineFixtures;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.HostileFiles;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The image pipeline")
class ImagePipelineTest {

    private final ImagePipeline pipeline = new ImagePipeline(ImageOptions.defaults());

    @TempDir
    Path dir;

    @Nested
    @DisplayName("recognises formats by their bytes")
    class Recognition {

        static Stream<Arguments> images() {
            return Stream.of(
                    Arguments.of(aJpeg(), MediaType.JPEG),
                    Arguments.of(aPng(40, 30), MediaType.PNG),
                    Arguments.of(aGif(), MediaType.GIF),
                    Arguments.of(aWebp(), MediaType.WEBP),
                    Arguments.of(aHeicWithExif(), MediaType.HEIC),
                    Arguments.of(anAvifWithExif(), MediaType.AVIF),
                    Arguments.of(aTiffWithExif(), MediaType.TIFF),
                    Arguments.of(EngineFixtures.bmp(EngineFixtures.quadrants(40, 30)), MediaType.BMP));
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("images")
        @DisplayName("tells each supported format from its first bytes, whatever the file is called")
        void recognisesEachFormatUnderAMisleadingName(Fixture image, MediaType expected) throws IOException {
            Path file = Files.write(dir.resolve("upload.txt"), image.bytes());

            assertThat(pipeline.analyze(file).type()).isEqualTo(expected);
        }

        @Test
        @DisplayName("rejects a text file named .jpg and names the supported types")
        void rejectsTextNamedJpg() {
            Path file = aTextFileNamedJpg().writeTo(dir);

            assertThatThrownBy(() -> pipeline.analyze(file))
                    .isInstanceOf(UnsupportedMediaException.class)
                    .hasMessageContainingAll("JPEG", "PNG", "GIF", "WebP", "HEIC");
        }

        @Test
        @DisplayName("rejects an empty file")
        void rejectsEmptyFile() {
            Path file = anEmptyFile().writeTo(dir);

            assertThatThrownBy(() -> pipeline.analyze(file))
                    .isInstanceOf(UnsupportedMediaException.class)
                    .hasMessage("the file is empty");
        }

        @Test
        @DisplayName("tells AVIF from HEIC although both are HEIF containers listing mif1")
        void tellsAvifFromHeic() throws IOException {
            byte[] avif = {0, 0, 0, 28, 'f', 't', 'y', 'p', 'a', 'v', 'i', 'f', 0, 0, 0, 0,
                    'a', 'v', 'i', 'f', 'm', 'i', 'f', '1', 'm', 'i', 'a', 'f'};
            byte[] genericAvif = {0, 0, 0, 28, 'f', 't', 'y', 'p', 'm', 'i', 'f', '1', 0, 0, 0, 0,
                    'm', 'i', 'f', '1', 'a', 'v', 'i', 'f', 'm', 'i', 'a', 'f'};
            byte[] genericHeic = {0, 0, 0, 28, 'f', 't', 'y', 'p', 'm', 'i', 'f', '1', 0, 0, 0, 0,
                    'm', 'i', 'f', '1', 'a', 'v', 'i', 'f', 'h', 'e', 'i', 'c'};

            assertThat(MediaTypeSniffer.sniff(avif)).isEqualTo(MediaType.AVIF);
            assertThat(MediaTypeSniffer.sniff(genericAvif)).isEqualTo(MediaType.AVIF);
            assertThat(MediaTypeSniffer.sniff(genericHeic)).isEqualTo(MediaType.HEIC);
            // A brand alone is not an image: the item tables must name an AV1-coded primary image.
            Path file = Files.write(dir.resolve("IMG_0003.avif"), avif);
            assertThatThrownBy(() -> pipeline.analyze(file)).isInstanceOf(UnsupportedMediaException.class)
                    .hasMessageStartingWith("the HEIF file is not a valid image");
        }

        @Test
        @DisplayName("takes an AVIF brand over an HEVC-coded primary image for no AVIF, nor a HEIC brand over AV1")
        void checksTheCodingAgainstTheBrand() throws IOException {
            Path avifOfHevc = HostileFiles.aHeifOf("avif", "hvc1").writeTo(dir);
            Path heicOfAv1 = HostileFiles.aHeifOf("heic", "av01").writeTo(dir);

            assertThatThrownBy(() -> pipeline.analyze(avifOfHevc)).isInstanceOf(UnsupportedMediaException.class)
                    .hasMessageContaining("its primary item is of type 'hvc1', not an AV1 image");
            assertThatThrownBy(() -> pipeline.analyze(heicOfAv1)).isInstanceOf(UnsupportedMediaException.class)
                    .hasMessageContaining("its primary item is of type 'av01', not an HEVC image");
        }

        @Test
        @DisplayName("takes BM for a bitmap only with a bitmap's header sizes after it")
        void recognisesBmpByItsHeaders() {
            byte[] bmp = EngineFixtures.bmp(EngineFixtures.quadrants(8, 6)).bytes();
            byte[] notes = "BM: notes on the Bill of Materials, not a picture".getBytes(StandardCharsets.US_ASCII);

            assertThat(MediaTypeSniffer.sniff(bmp)).isEqualTo(MediaType.BMP);
            assertThatThrownBy(() -> MediaTypeSniffer.sniff(notes)).isInstanceOf(UnsupportedMediaException.class);
        }

        @Test
        @DisplayName("recognises TIFF of either byte order, and not BigTIFF")
        void recognisesTiff() {
            assertThat(MediaTypeSniffer.sniff(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0})).isEqualTo(MediaType.TIFF);
            assertThat(MediaTypeSniffer.sniff(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8})).isEqualTo(MediaType.TIFF);
            assertThatThrownBy(() -> MediaTypeSniffer.sniff(new byte[] {'I', 'I', 43, 0, 8, 0, 0, 0}))
                    .isInstanceOf(UnsupportedMediaException.class);
        }

        @Test
        @DisplayName("accepts HEIF whose only HEIF brand is the generic mif1")
        void acceptsGenericHeifBrand() {
            byte[] ftyp = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'm', 'i', 'f', '1', 0, 0, 0, 0,
                    'm', 'i', 'f', '1', 'm', 'i', 'a', 'f'};

            assertThat(MediaTypeSniffer.sniff(ftyp)).isEqualTo(MediaType.HEIC);
        }
    }

    @Nested
    @DisplayName("enforces the pixel limit from the header")
    class PixelLimit {

        @Test
        @DisplayName("rejects a PNG whose header claims 50000x50000 without decoding it")
        void rejectsHugeHeader() {
            Path file = aHugeHeaderPng().writeTo(dir);

            // The file has almost no pixel data: any decode would fail with another exception (or OOM).
            assertThatThrownBy(() -> pipeline.analyze(file))
                    .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                        assertThat(e.limit()).isEqualTo("pixels");
                        assertThat(e.maximum()).isEqualTo(ImageOptions.DEFAULT_MAX_PIXELS);
                    })
                    .hasMessageContaining("50000x50000");
        }

        @Test
        @DisplayName("applies the configured limit, not only the default one")
        void appliesConfiguredLimit() {
            ImagePipeline strict = new ImagePipeline(ImageOptions.defaults().withMaxPixels(300_000));
            Path file = aJpegWithExif().writeTo(dir); // 640x480 = 307200 pixels

            assertThatThrownBy(() -> strict.analyze(file))
                    .isInstanceOfSatisfying(LimitExceededException.class,
                            e -> assertThat(e.maximum()).isEqualTo(300_000));
        }

        @Test
        @DisplayName("checks the size a HEIC container declares as well")
        void checksHeicDeclaredSize() {
            ImagePipeline strict = new ImagePipeline(ImageOptions.defaults().withMaxPixels(12_000_000));
            Path file = aHeicWithExif().writeTo(dir); // 4032x3024 = 12.2 million pixels

            assertThatThrownBy(() -> strict.analyze(file)).isInstanceOf(LimitExceededException.class);
        }
    }

    @Nested
    @DisplayName("reads the EXIF of a camera JPEG")
    class Exif {

        private ImageMetadata metadata() {
            return pipeline.analyze(aJpegWithExif().writeTo(dir)).metadata();
        }

        @Test
        @DisplayName("reports the stored dimensions and the orientation")
        void dimensionsAndOrientation() {
            ImageMetadata metadata = metadata();

            assertThat(metadata.dimensions()).contains(new Dimensions(EXIF_WIDTH, EXIF_HEIGHT));
            assertThat(metadata.orientation()).isEqualTo(6);
            assertThat(metadata.rotatesQuarterTurn()).isTrue();
        }

        @Test
        @DisplayName("takes DateTimeOriginal with its offset, not the later DateTime")
        void takenAtWithOffset() {
            ImageMetadata metadata = metadata();

            assertThat(metadata.takenAt()).hasValueSatisfying(takenAt -> {
                assertThat(takenAt.local()).isEqualTo(EXIF_TAKEN_AT);
                assertThat(takenAt.offset()).contains(EXIF_OFFSET);
                assertThat(takenAt.withOffset()).contains(EXIF_TAKEN_AT.atOffset(EXIF_OFFSET));
            });
        }

        @Test
        @DisplayName("reads the GPS position and altitude")
        void location() {
            assertThat(metadata().location()).hasValueSatisfying(location -> {
                assertThat(location.latitude()).isCloseTo(EXIF_LATITUDE, within(1e-4));
                assertThat(location.longitude()).isCloseTo(EXIF_LONGITUDE, within(1e-4));
                assertThat(location.altitude()).hasValueSatisfying(
                        altitude -> assertThat(altitude).isCloseTo(EXIF_ALTITUDE, within(1e-6)));
            });
        }

        @Test
        @DisplayName("reads camera, lens and exposure")
        void cameraAndExposure() {
            ImageMetadata metadata = metadata();

            assertThat(metadata.cameraMake()).contains(EXIF_MAKE);
            assertThat(metadata.cameraModel()).contains(EXIF_MODEL);
            assertThat(metadata.lens()).contains(EXIF_LENS);
            assertThat(metadata.focalLength()).hasValueSatisfying(v -> assertThat(v).isCloseTo(35.0, within(1e-6)));
            assertThat(metadata.aperture()).hasValueSatisfying(v -> assertThat(v).isCloseTo(2.8, within(1e-6)));
            assertThat(metadata.exposureTime()).hasValueSatisfying(v -> assertThat(v).isCloseTo(0.004, within(1e-9)));
            assertThat(metadata.iso()).contains(EXIF_ISO);
        }

        @Test
        @DisplayName("leaves every field empty, and orientation 1, for a JPEG without EXIF")
        void noExif() {
            ImageMetadata metadata = pipeline.analyze(aJpeg().writeTo(dir)).metadata();

            assertThat(metadata).isEqualTo(ImageMetadata.builder().dimensions(new Dimensions(800, 600)).build());
        }

        @Test
        @DisplayName("keeps a negative altitude below sea level")
        void belowSeaLevel() {
            // Built by hand rather than by a fixture: only the reader's sign handling is of interest.
            GpsDirectory gps = new GpsDirectory();
            gps.setString(GpsDirectory.TAG_LATITUDE_REF, "N");
            gps.setRationalArray(GpsDirectory.TAG_LATITUDE, degrees(31, 30));
            gps.setString(GpsDirectory.TAG_LONGITUDE_REF, "E");
            gps.setRationalArray(GpsDirectory.TAG_LONGITUDE, degrees(35, 30));
            gps.setInt(GpsDirectory.TAG_ALTITUDE_REF, 1);
            gps.setRational(GpsDirectory.TAG_ALTITUDE, new Rational(430, 1));
            Metadata metadata = new Metadata();
            metadata.addDirectory(gps);

            assertThat(ExifReader.read(metadata).build().location().flatMap(GeoPoint::altitude)).contains(-430.0);
        }

        private Rational[] degrees(int degrees, int minutes) {
            return new Rational[] {new Rational(degrees, 1), new Rational(minutes, 1), new Rational(0, 1)};
        }
    }

    @Nested
    @DisplayName("reads HEIC, AVIF and TIFF metadata")
    class Undecodable {

        @Test
        @DisplayName("reports an AVIF's declared size and its EXIF capture time, make and model")
        void analyzesAvif() {
            ImageAnalysis analysis = pipeline.analyze(anAvifWithExif().writeTo(dir));

            assertThat(analysis.type()).isEqualTo(MediaType.AVIF);
            ImageMetadata metadata = analysis.metadata();
            assertThat(metadata.dimensions()).contains(new Dimensions(AVIF_WIDTH, AVIF_HEIGHT));
            assertThat(metadata.takenAt()).hasValueSatisfying(t -> assertThat(t.local()).isEqualTo(EXIF_TAKEN_AT));
            assertThat(metadata.cameraMake()).contains(EXIF_MAKE);
            assertThat(metadata.cameraModel()).contains(EXIF_MODEL);
        }

        @Test
        @DisplayName("reports a TIFF's size, orientation, capture time, camera and position from its own directories")
        void analyzesTiff() {
            ImageAnalysis analysis = pipeline.analyze(aTiffWithExif().writeTo(dir));

            assertThat(analysis.type()).isEqualTo(MediaType.TIFF);
            ImageMetadata metadata = analysis.metadata();
            assertThat(metadata.dimensions()).contains(new Dimensions(TIFF_WIDTH, TIFF_HEIGHT));
            assertThat(metadata.orientation()).isEqualTo(EXIF_ORIENTATION);
            assertThat(metadata.takenAt()).hasValueSatisfying(t -> {
                assertThat(t.local()).isEqualTo(EXIF_TAKEN_AT);
                assertThat(t.offset()).contains(EXIF_OFFSET);
            });
            assertThat(metadata.cameraMake()).contains(EXIF_MAKE);
            assertThat(metadata.location()).hasValueSatisfying(point -> {
                assertThat(point.latitude()).isCloseTo(EXIF_LATITUDE, within(1e-6));
                assertThat(point.longitude()).isCloseTo(EXIF_LONGITUDE, within(1e-6));
            });
        }

        @Test
        @DisplayName("checks the pixel limit against the size a TIFF's first directory declares")
        void tiffPixelLimit() {
            Path path = HostileFiles.aTiffDeclaring(20_000, 20_000).writeTo(dir);

            assertThatThrownBy(() -> pipeline.analyze(path)).isInstanceOfSatisfying(LimitExceededException.class,
                    e -> assertThat(e.limit()).isEqualTo("pixels")).hasMessageContaining("20000x20000");
        }

        @Test
        @DisplayName("walks at most 16 of a TIFF's chained pages, so 100,000 of them cannot exhaust the stack")
        void tiffDirectoryChain() {
            Path path = HostileFiles.aTiffWithFollowerChain(100_000).writeTo(dir);

            // A walk that overflowed would lose the whole metadata, the size with it, and refuse the file.
            assertThat(pipeline.analyze(path).metadata().dimensions()).contains(new Dimensions(64, 48));
        }

        @Test
        @DisplayName("reports the declared size and the EXIF capture time, make and model")
        void analyzesHeic() {
            ImageAnalysis analysis = pipeline.analyze(aHeicWithExif().writeTo(dir));

            assertThat(analysis.type()).isEqualTo(MediaType.HEIC);
            ImageMetadata metadata = analysis.metadata();
            assertThat(metadata.dimensions()).contains(new Dimensions(HEIC_WIDTH, HEIC_HEIGHT));
            assertThat(metadata.takenAt()).hasValueSatisfying(t -> assertThat(t.local()).isEqualTo(EXIF_TAKEN_AT));
            assertThat(metadata.cameraMake()).contains(EXIF_MAKE);
            assertThat(metadata.cameraModel()).contains(EXIF_MODEL);
        }

        @Test
        @DisplayName("takes a HEIC's orientation from its container's rotation (irot), as HEIF readers apply it")
        void heicOrientationFromTheContainer() {
            ImageAnalysis portrait = pipeline.analyze(PhotoFixtures.aPortraitHeic().writeTo(dir));
            ImageAnalysis level = pipeline.analyze(aHeicWithExif().writeTo(dir));

            assertThat(portrait.metadata().dimensions()).contains(new Dimensions(HEIC_WIDTH, HEIC_HEIGHT));
            assertThat(portrait.metadata().orientation()).as("270 degrees anticlockwise").isEqualTo(6);
            assertThat(level.metadata().orientation()).isEqualTo(1);
        }

        @Test
        @DisplayName("records a phone's grid HEIC at the grid's size, not a tile's")
        void gridHeic() {
            ImageAnalysis analysis = pipeline.analyze(PhotoFixtures.aGridHeic().writeTo(dir));

            assertThat(analysis.metadata().dimensions()).contains(new Dimensions(HEIC_WIDTH, HEIC_HEIGHT));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.gallerykit.internal.image.ImagePipelineTest#notHeif")
        @DisplayName("accepts HEIF only with a valid primary image item of a known size")
        void strictHeif(String name, Fixture file, String problem) {
            Path path = file.writeTo(dir);

            assertThatThrownBy(() -> pipeline.analyze(path)).isInstanceOf(UnsupportedMediaException.class)
                    .hasMessageContaining("not a valid image").hasMessageContaining(problem);
        }

        @Test
        @DisplayName("refuses a HEIF whose last box announces a 64-bit size the file ends before")
        void heifCutInsideALargeBoxSize() {
            ByteBuffer file = ByteBuffer.allocate(28);
            file.putInt(16).put(ascii("ftypheic")).putInt(0);
            file.putInt(1).put(ascii("mdat")).putInt(0); // size 1: the real size follows in 8 bytes, only 4 are left
            Path path = new Fixture("cut.heic", file.array()).writeTo(dir);

            assertThatThrownBy(() -> pipeline.analyze(path)).isInstanceOf(UnsupportedMediaException.class)
                    .hasMessageContaining("not a valid image").hasMessageContaining("cut short");
        }

        @Test
        @DisplayName("checks the pixel limit against the primary image a HEIC or AVIF declares")
        void heifPixelLimit() {
            for (Fixture bomb : List.of(HostileFiles.aHeifDeclaring(20_000, 20_000), HostileFiles.anAvifDeclaring(20_000, 20_000))) {
                Path path = bomb.writeTo(dir);

                assertThatThrownBy(() -> pipeline.analyze(path)).as(bomb.fileName())
                        .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo("pixels"))
                        .hasMessageContaining("20000x20000");
            }
        }

        @Test
        @DisplayName("makes no renditions of HEIC or AVIF with the pure-Java engine")
        void noRenditionsOfUndecodableFormats() {
            for (Fixture fixture : List.of(aHeicWithExif(), anAvifWithExif())) {
                Path file = fixture.writeTo(dir);

                assertThat(pipeline.render(file, pipeline.analyze(file))).as(fixture.fileName()).isEmpty();
            }
        }

        @Test
        @DisplayName("renders a TIFF upright per the orientation in its own first directory")
        void rendersTiff() throws IOException {
            Path tiff = aTiffWithExif().writeTo(dir);

            List<Rendition> renditions = pipeline.render(tiff, pipeline.analyze(tiff));

            assertThat(renditions).extracting(Rendition::dimensions)
                    .containsExactly(new Dimensions(TIFF_HEIGHT, TIFF_WIDTH), new Dimensions(171, 256));
            // Orientation 6: the stored top-left (red) quadrant shows at the top right once turned.
            BufferedImage upright = ImageIO.read(new ByteArrayInputStream(renditions.get(0).jpeg()));
            Color topRight = new Color(upright.getRGB(upright.getWidth() - 20, 20));
            assertThat(topRight.getRed()).isGreaterThan(200);
            assertThat(topRight.getGreen()).isLessThan(60);
        }

        @Test
        @DisplayName("decodes an Adobe CMYK JPEG into RGB renditions with the right colours")
        void rendersCmykJpeg() throws IOException {
            Path cmyk = PhotoFixtures.aCmykJpeg().writeTo(dir);

            List<Rendition> renditions = pipeline.render(cmyk, pipeline.analyze(cmyk));

            assertThat(renditions).extracting(Rendition::dimensions)
                    .containsExactly(new Dimensions(200, 100), new Dimensions(200, 100));
            BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(renditions.get(1).jpeg()));
            Color cyan = new Color(image.getRGB(40, 50));
            Color magenta = new Color(image.getRGB(160, 50));
            assertThat(cyan.getRed()).isLessThan(60);
            assertThat(cyan.getGreen()).isGreaterThan(200);
            assertThat(cyan.getBlue()).isGreaterThan(200);
            assertThat(magenta.getRed()).isGreaterThan(200);
            assertThat(magenta.getGreen()).isLessThan(60);
            assertThat(magenta.getBlue()).isGreaterThan(200);
        }

        @Test
        @DisplayName("decodes a lossless WebP into JPEG renditions that keep its picture")
        void rendersWebp() throws IOException {
            Path webp = aWebp().writeTo(dir);

            List<Rendition> renditions = pipeline.render(webp, pipeline.analyze(webp));

            assertThat(renditions).extracting(Rendition::dimensions)
                    .containsExactly(new Dimensions(WEBP_WIDTH, WEBP_HEIGHT), new Dimensions(256, 192));
            BufferedImage small = ImageIO.read(new java.io.ByteArrayInputStream(renditions.get(1).jpeg()));
            Color left = new Color(small.getRGB(32, 96));
            Color right = new Color(small.getRGB(224, 96));
            assertThat(left.getRed()).isGreaterThan(200);
            assertThat(left.getBlue()).isLessThan(60);
            assertThat(right.getBlue()).isGreaterThan(200);
            assertThat(right.getRed()).isLessThan(60);
        }

        @Test
        @DisplayName("reads the canvas size of a WebP")
        void analyzesWebp() {
            assertThat(pipeline.analyze(aWebp().writeTo(dir)).metadata().dimensions())
                    .contains(new Dimensions(WEBP_WIDTH, WEBP_HEIGHT));
        }
    }

    @Nested
    @DisplayName("renders")
    class Renditions {

        @Test
        @DisplayName("a 4000x3000 JPEG as 1280x960 and 256x192, largest first")
        void defaultSizes() {
            List<Rendition> renditions = render(aJpeg(4000, 3000, 42));

            assertThat(renditions).extracting(Rendition::longEdge).containsExactly(1280, 256);
            assertThat(renditions).extracting(Rendition::dimensions)
                    .containsExactly(new Dimensions(1280, 960), new Dimensions(256, 192));
            assertThat(decode(renditions.get(0))).satisfies(image -> {
                assertThat(image.getWidth()).isEqualTo(1280);
                assertThat(image.getHeight()).isEqualTo(960);
            });
        }

        @Test
        @DisplayName("never upscales: a smaller original keeps its size")
        void neverUpscales() {
            List<Rendition> jpeg = render(aJpeg(800, 600, 1));
            List<Rendition> gif = render(aGif());

            assertThat(jpeg).extracting(Rendition::dimensions)
                    .containsExactly(new Dimensions(800, 600), new Dimensions(256, 192));
            assertThat(gif).extracting(Rendition::longEdge).containsExactly(1280, 256);
            assertThat(gif).extracting(Rendition::dimensions)
                    .containsOnly(new Dimensions(GIF_WIDTH, GIF_HEIGHT));
        }

        @Test
        @DisplayName("every configured size, whatever order it was given in")
        void configuredSizes() {
            ImagePipeline custom = new ImagePipeline(ImageOptions.defaults().withThumbnailSizes(List.of(64, 512, 128)));
            Path file = aJpeg(1000, 500, 3).writeTo(dir);

            List<Rendition> renditions = custom.render(file, custom.analyze(file));

            assertThat(renditions).extracting(Rendition::dimensions).containsExactly(
                    new Dimensions(512, 256), new Dimensions(128, 64), new Dimensions(64, 32));
        }

        @Test
        @DisplayName("upright: EXIF orientation 6 turns the picture 90 degrees clockwise")
        void appliesOrientation() {
            List<Rendition> renditions = render(aJpegWithExif());

            assertThat(renditions).extracting(Rendition::dimensions)
                    .containsExactly(new Dimensions(480, 640), new Dimensions(192, 256));
            for (Rendition rendition : renditions) {
                BufferedImage image = decode(rendition);
                // Turning clockwise moves the stored top-left quadrant to the top right, and so on.
                assertColourAt(image, 0.75, 0.25, TOP_LEFT);
                assertColourAt(image, 0.75, 0.75, TOP_RIGHT);
                assertColourAt(image, 0.25, 0.75, BOTTOM_RIGHT);
                assertColourAt(image, 0.25, 0.25, BOTTOM_LEFT);
            }
        }

        @Test
        @DisplayName("bare JPEGs: no EXIF, no GPS position")
        void stripsMetadata() throws Exception {
            for (Rendition rendition : render(aJpegWithExif())) {
                byte[] jpeg = rendition.jpeg();
                assertThat(Arrays.copyOf(jpeg, 3)).containsExactly(0xFF, 0xD8, 0xFF);
                Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(jpeg));
                assertThat(metadata.containsDirectoryOfType(GpsDirectory.class)).isFalse();
                assertThat(metadata.containsDirectoryOfType(ExifIFD0Directory.class)).isFalse();
                assertThat(metadata.containsDirectoryOfType(ExifSubIFDDirectory.class)).isFalse();
            }
        }

        @Test
        @DisplayName("a PNG with transparency as an opaque JPEG on white")
        void flattensTransparency() {
            List<Rendition> renditions = render(aPng(300, 200));

            assertThat(renditions).extracting(Rendition::dimensions)
                    .containsExactly(new Dimensions(300, 200), new Dimensions(256, 171));
            BufferedImage image = decode(renditions.get(0));
            assertThat(image.getColorModel().hasAlpha()).isFalse();
            assertColourAt(image, 0.02, 0.02, Color.WHITE); // a fully transparent corner
            assertColourAt(image, 0.5, 0.3, new Color(20, 60, 200)); // the opaque disc
        }

        @Test
        @DisplayName("nothing when no sizes are configured")
        void noSizes() {
            ImagePipeline none = new ImagePipeline(ImageOptions.defaults().withThumbnailSizes(List.of()));
            Path file = aJpeg().writeTo(dir);

            assertThat(none.render(file, none.analyze(file))).isEmpty();
        }

        private List<Rendition> render(Fixture fixture) {
            Path file = fixture.writeTo(dir);
            return pipeline.render(file, pipeline.analyze(file));
        }
    }

    @Nested
    @DisplayName("refuses damaged pixel data")
    class Damage {

        @Test
        @DisplayName("a truncated JPEG passes analysis (its header is whole) but is refused when rendered")
        void truncatedJpeg() {
            Path file = aTruncatedJpeg().writeTo(dir);
            ImageAnalysis analysis = pipeline.analyze(file);

            assertThatThrownBy(() -> pipeline.render(file, analysis))
                    .isInstanceOf(UnsupportedMediaException.class)
                    .hasMessageContaining("truncated or corrupt");
        }

        @Test
        @DisplayName("a truncated PNG is refused the same way")
        void truncatedPng() throws IOException {
            byte[] png = aPng(400, 300).bytes();
            Path file = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length * 6 / 10));
            ImageAnalysis analysis = pipeline.analyze(file);

            assertThatThrownBy(() -> pipeline.render(file, analysis))
                    .isInstanceOf(UnsupportedMediaException.class)
                    .hasMessageContaining("truncated or corrupt");
        }

        @Test
        @DisplayName("a JPEG signature followed by garbage is refused by the analysis")
        void garbageAfterSignature() throws IOException {
            byte[] bytes = new byte[200];
            Arrays.fill(bytes, (byte) 0x41);
            bytes[0] = (byte) 0xFF;
            bytes[1] = (byte) 0xD8;
            bytes[2] = (byte) 0xFF;
            Path file = Files.write(dir.resolve("broken.jpg"), bytes);

            assertThatThrownBy(() -> pipeline.analyze(file))
                    .isInstanceOf(UnsupportedMediaException.class)
                    .hasMessageContaining("truncated or corrupt");
        }
    }

    @Nested
    @DisplayName("sizes its work to the renditions")
    class Sizing {

        @Test
        @DisplayName("subsamples the decode to keep four times the largest rendition, or twice it for big originals")
        void subsampling() {
            assertThat(Thumbnailer.subsampling(new Dimensions(4000, 3000), 1280)).as("12 MP, 1280").isEqualTo(1);
            assertThat(Thumbnailer.subsampling(new Dimensions(6000, 4000), 1280)).as("24 MP, 1280").isEqualTo(2);
            assertThat(Thumbnailer.subsampling(new Dimensions(12000, 8000), 1280)).as("96 MP, 1280").isEqualTo(3);
            assertThat(Thumbnailer.subsampling(new Dimensions(4000, 3000), 256)).as("12 MP, 256").isEqualTo(3);
            assertThat(Thumbnailer.subsampling(new Dimensions(3000, 2000), 2000)).as("never below 1").isEqualTo(1);
            assertThat(Thumbnailer.subsampling(new Dimensions(100, 75), 256)).isEqualTo(1);
        }

        @Test
        @DisplayName("fits the long edge exactly and keeps the aspect ratio")
        void fit() {
            assertThat(Thumbnailer.fit(new Dimensions(4000, 3000), 1280)).isEqualTo(new Dimensions(1280, 960));
            assertThat(Thumbnailer.fit(new Dimensions(3000, 4000), 256)).isEqualTo(new Dimensions(192, 256));
            assertThat(Thumbnailer.fit(new Dimensions(10000, 10), 256)).isEqualTo(new Dimensions(256, 1));
            assertThat(Thumbnailer.fit(new Dimensions(200, 100), 256)).isEqualTo(new Dimensions(200, 100));
        }

        @Test
        @DisplayName("an area average of a two-colour image blends exactly at the seam")
        void areaAverage() {
            BufferedImage stripes = new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB);
            stripes.setRGB(0, 0, 0x000000);
            stripes.setRGB(1, 0, 0xFFFFFF);
            stripes.setRGB(2, 0, 0xFFFFFF);

            BufferedImage halved = Downscaler.downscale(stripes, 2, 1);

            // Target pixel 0 covers source 0 and half of 1: one third white.
            assertThat(halved.getRGB(0, 0) & 0xFF).isEqualTo(85);
            assertThat(halved.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
            assertThat(halved.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        }

        @Test
        @DisplayName("averages in both directions on the JPEG decoder's BGR layout, sharing boundary rows")
        void areaAverageInTwoDimensions() {
            BufferedImage checks = new BufferedImage(3, 3, BufferedImage.TYPE_3BYTE_BGR);
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 3; x++) {
                    checks.setRGB(x, y, y == 0 ? 0x000000 : 0xFF8000);
                }
            }

            BufferedImage halved = Downscaler.downscale(checks, 2, 2);

            // Row 0 covers source row 0 and half of row 1: one third orange; row 1 is all orange.
            assertThat(new Color(halved.getRGB(0, 0))).isEqualTo(new Color(85, 43, 0));
            assertThat(new Color(halved.getRGB(1, 0))).isEqualTo(new Color(85, 43, 0));
            assertThat(new Color(halved.getRGB(0, 1))).isEqualTo(new Color(255, 128, 0));
        }

        @Test
        @DisplayName("flattens transparency onto white and refuses to enlarge")
        void transparencyAndLimits() {
            BufferedImage glass = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 2; x++) {
                    glass.setRGB(x, y, x == 0 ? 0x00000000 : 0x800000FF); // clear, then half-transparent blue
                }
            }

            BufferedImage flat = Downscaler.downscale(glass, 2, 2);

            assertThat(flat.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
            assertThat(new Color(flat.getRGB(1, 0))).isEqualTo(new Color(127, 127, 255));
            assertThatThrownBy(() -> Downscaler.downscale(glass, 3, 2)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("serves several threads at once with the same results as one")
    void threadSafe() throws Exception {
        Path first = aJpegWithExif().writeTo(dir);
        Path second = aJpeg(1600, 1200, 9).writeTo(dir);
        List<byte[]> expected = List.of(renditionBytes(first), renditionBytes(second));

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<byte[]>>> results = new ArrayList<>();
            for (int task = 0; task < 4; task++) {
                Callable<List<byte[]>> renderFiveTimes = () -> {
                    List<byte[]> bytes = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        bytes.add(renditionBytes(i % 2 == 0 ? first : second));
                    }
                    return bytes;
                };
                results.add(threads.submit(renderFiveTimes));
            }
            for (Future<List<byte[]>> result : results) {
                List<byte[]> bytes = result.get();
                for (int i = 0; i < bytes.size(); i++) {
                    assertThat(bytes.get(i)).isEqualTo(expected.get(i % 2));
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Both renditions of a file, concatenated, so that one comparison covers them. */
    private byte[] renditionBytes(Path file) {
        List<Rendition> renditions = pipeline.render(file, pipeline.analyze(file));
        byte[] large = renditions.get(0).jpeg();
        byte[] small = renditions.get(1).jpeg();
        byte[] both = Arrays.copyOf(large, large.length + small.length);
        System.arraycopy(small, 0, both, large.length, small.length);
        return both;
    }

    private static BufferedImage decode(Rendition rendition) {
        try {
            return ImageIO.read(new ByteArrayInputStream(rendition.jpeg()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertColourAt(BufferedImage image, double across, double down, Color expected) {
        int x = (int) (image.getWidth() * across);
        int y = (int) (image.getHeight() * down);
        Color actual = new Color(image.getRGB(x, y));
        int distance = Math.abs(actual.getRed() - expected.getRed())
                + Math.abs(actual.getGreen() - expected.getGreen())
                + Math.abs(actual.getBlue() - expected.getBlue());
        assertThat(distance).as("colour %s at %d,%d, expected about %s", actual, x, y, expected).isLessThan(48);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static Stream<Arguments> notHeif() {
        return Stream.of(
                Arguments.of("a web page behind an ftyp heic box", HostileFiles.aPageBehindAHeifBrand(), "declares"),
                Arguments.of("no primary item", HostileFiles.aHeifWithoutPrimaryItem(), "no primary item"),
                Arguments.of("a primary item without a size", HostileFiles.aHeifWithoutSize(), "no size"),
                Arguments.of("a primary item that is EXIF", HostileFiles.aHeifWhosePrimaryIsNoImage(), "type 'Exif'"),
                Arguments.of("cut inside its meta box", HostileFiles.aTruncatedHeif(), "more than the file has"));
    }
}
