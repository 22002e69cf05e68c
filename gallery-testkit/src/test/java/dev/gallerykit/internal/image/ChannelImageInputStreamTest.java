package dev.gallerykit.internal.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.image.MediaType;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Image files opened for decoding")
class ChannelImageInputStreamTest {

    @TempDir
    Path dir;

    @Nested
    @DisplayName("are read in blocks")
    class Blocks {

        /*
         * JFR's jdk.FileRead event fires once per read call on a RandomAccessFile, a FileInputStream or
         * a FileChannel, so with no threshold it counts the reads the decoder makes of the file,
         * whatever stream sits in between: a count, not a time.
         */
        @Test
        @DisplayName("decoding a 1 MP lossless WebP reads the file in a few block-sized reads, not one per byte")
        void aLosslessWebpIsReadInBlocks() throws IOException {
            Path webp = PhotoFixtures.aWebp(1155, 866).writeTo(dir);
            long size = Files.size(webp);
            List<Long> reads = new ArrayList<>();
            BufferedImage image;
            try (Recording recording = new Recording()) {
                recording.enable("jdk.FileRead").withThreshold(Duration.ZERO).withoutStackTrace();
                recording.start();
                image = decode(webp, MediaType.WEBP, 1);
                recording.stop();
                Path dump = dir.resolve("reads.jfr");
                recording.dump(dump);
                for (RecordedEvent event : RecordingFile.readAllEvents(dump)) {
                    if (webp.toString().equals(event.getString("path"))) {
                        reads.add(event.getLong("bytesRead"));
                    }
                }
            }

            assertThat(image.getWidth()).isEqualTo(1155);
            assertThat(image.getHeight()).isEqualTo(866);
            assertThat(new Color(image.getRGB(10, 400))).isEqualTo(Color.RED);
            assertThat(new Color(image.getRGB(1100, 400))).isEqualTo(Color.BLUE);
            // FileImageInputStream: 750,000 reads of one to eight bytes, 2.25 MB in all, for this 250 KB file.
            assertThat(reads).hasSizeLessThanOrEqualTo((int) (size / ChannelImageInputStream.BUFFER_SIZE + 3));
            assertThat(reads.stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(size + 4096);
        }
    }

    @Nested
    @DisplayName("decode as through the JDK's file stream")
    class SamePixels {

        static Stream<Arguments> fixtures() {
            return Stream.of(
                    Arguments.of(PhotoFixtures.aJpegWithExif(), MediaType.JPEG),
                    Arguments.of(PhotoFixtures.aJpeg(), MediaType.JPEG),
                    Arguments.of(PhotoFixtures.aCmykJpeg(), MediaType.JPEG),
                    Arguments.of(PhotoFixtures.aPng(300, 200), MediaType.PNG),
                    Arguments.of(PhotoFixtures.aGif(), MediaType.GIF),
                    Arguments.of(PhotoFixtures.aWebp(), MediaType.WEBP),
                    Arguments.of(PhotoFixtures.aWebp(641, 479), MediaType.WEBP));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("fixtures")
        @DisplayName("every fixture gives the same size and pixels, whole and subsampled")
        void samePixels(Fixture fixture, MediaType type) throws IOException {
            Path file = fixture.writeTo(dir);
            for (int step : new int[] {1, 3}) {
                BufferedImage expected = decodeWith(new FileImageInputStream(file.toFile()), type, step);
                BufferedImage actual = decode(file, type, step);
                assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
                assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
                assertThat(pixels(actual)).isEqualTo(pixels(expected));
            }
        }
    }

    @Nested
    @DisplayName("keep the ImageInputStream contract")
    class Contract {

        /*
         * The same random walk of reads, seeks, bit reads, byte-order changes, marks and flushes on this
         * stream and on FileImageInputStream must give the same values, positions and exceptions; a
         * 16-byte buffer makes nearly every read cross a block edge.
         */
        @ParameterizedTest(name = "buffer of {0} bytes")
        @ValueSource(ints = {16, 61, ChannelImageInputStream.BUFFER_SIZE})
        @DisplayName("any sequence of operations gives what FileImageInputStream gives")
        void behavesLikeTheJdkStream(int bufferSize) throws IOException {
            byte[] content = new byte[5000];
            new Random(3).nextBytes(content);
            Path file = Files.write(dir.resolve("random.bin"), content);
            for (long seed = 0; seed < 40; seed++) {
                try (ImageInputStream expected = new FileImageInputStream(file.toFile());
                        ImageInputStream actual = new ChannelImageInputStream(
                                FileChannel.open(file, StandardOpenOption.READ), bufferSize)) {
                    Random random = new Random(seed);
                    for (int step = 0; step < 400; step++) {
                        int operation = random.nextInt(14);
                        long argument = random.nextInt(content.length + 40) - 20;
                        String context = "seed " + seed + ", step " + step + ", operation " + operation + "(" + argument + ")";
                        assertThat(apply(actual, operation, argument)).as(context)
                                .isEqualTo(apply(expected, operation, argument));
                        assertThat(actual.getStreamPosition()).as(context).isEqualTo(expected.getStreamPosition());
                        assertThat(actual.getBitOffset()).as(context).isEqualTo(expected.getBitOffset());
                        assertThat(actual.getFlushedPosition()).as(context).isEqualTo(expected.getFlushedPosition());
                    }
                }
            }
        }

        @Test
        @DisplayName("a position before the flushed one can no longer be sought")
        void flushedPositionsCannotBeSought() throws IOException {
            Path file = Files.write(dir.resolve("ten.bin"), new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
            try (ImageInputStream in = new ChannelImageInputStream(file)) {
                in.seek(6);
                in.flushBefore(5);
                assertThatThrownBy(() -> in.seek(4)).isInstanceOf(IndexOutOfBoundsException.class);
                in.seek(5);
                assertThat(in.read()).isEqualTo(5);
            }
        }

        @Test
        @DisplayName("its length is the file's size and reads past the end give -1")
        void lengthAndEnd() throws IOException {
            Path file = Files.write(dir.resolve("three.bin"), new byte[] {7, 8, 9});
            try (ImageInputStream in = new ChannelImageInputStream(file)) {
                assertThat(in.length()).isEqualTo(3);
                in.seek(2);
                assertThat(in.read(new byte[10], 0, 10)).isEqualTo(1);
                assertThat(in.read()).isEqualTo(-1);
                assertThat(in.read(new byte[4], 0, 4)).isEqualTo(-1);
                in.seek(100);
                assertThat(in.read()).isEqualTo(-1);
            }
        }

        @Test
        @DisplayName("a decoder that keeps reading at the end is stopped with an IIOException, not answered -1 forever")
        void readsAtTheEndAreLimited() throws IOException {
            Path file = Files.write(dir.resolve("two.bin"), new byte[] {1, 2});
            try (ImageInputStream in = new ChannelImageInputStream(file)) {
                in.seek(2);
                for (int i = 0; i < ChannelImageInputStream.MAX_READS_AT_END / 2; i++) {
                    assertThat(in.read()).isEqualTo(-1);
                    assertThat(in.read(new byte[3], 0, 3)).isEqualTo(-1);
                }
                in.seek(0);
                assertThat(in.read()).isEqualTo(1); // bytes before the end are still served
                in.seek(2);
                assertThatThrownBy(in::read).isInstanceOf(javax.imageio.IIOException.class)
                        .satisfies(e -> assertThat(e).isNotInstanceOf(java.io.EOFException.class))
                        .hasMessageContaining("ends before the picture does");
            }
        }

        @Test
        @DisplayName("the WebP decoder stops on a lossless bitstream that ends before its picture")
        void aWebpEndingEarlyIsRefused() {
            Path file = dev.gallerykit.testkit.fixtures.HostileFiles.aLosslessWebpEndingBeforeItsPicture().writeTo(dir);

            assertThatThrownBy(() -> decode(file, MediaType.WEBP, 1)).isInstanceOf(IOException.class)
                    .hasMessageContaining("ends before the picture does");
        }

        @Test
        @DisplayName("once closed, it refuses to read and closes the file")
        void closed() throws IOException {
            Path file = Files.write(dir.resolve("one.bin"), new byte[] {1});
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            ImageInputStream in = new ChannelImageInputStream(channel, 16);
            in.close();
            assertThat(channel.isOpen()).isFalse();
            assertThatThrownBy(in::read).isInstanceOf(IOException.class);
        }
    }

    private static BufferedImage decode(Path file, MediaType type, int step) throws IOException {
        return decodeWith(ImageFiles.open(file), type, step);
    }

    private static BufferedImage decodeWith(ImageInputStream in, MediaType type, int step) throws IOException {
        ImageReader reader = ImageFiles.reader(type);
        try (in) {
            reader.setInput(in, true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            return reader.read(0, param);
        } finally {
            reader.dispose();
        }
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** One operation on the stream; what it returned, or the type of what it threw. */
    private static Object apply(ImageInputStream in, int operation, long argument) {
        try {
            return switch (operation) {
                case 0, 1 -> in.read();
                case 2 -> {
                    byte[] bytes = new byte[(int) Math.abs(argument) % 300];
                    int count = in.read(bytes, 0, bytes.length);
                    yield count + ":" + Arrays.toString(bytes);
                }
                case 3 -> {
                    in.seek(argument);
                    yield "seek";
                }
                case 4 -> in.readInt();
                case 5 -> in.readLong();
                case 6 -> in.readBit();
                case 7 -> in.readBits((int) Math.abs(argument) % 65);
                case 8 -> {
                    in.setByteOrder(argument % 2 == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
                    yield "order";
                }
                case 9 -> in.skipBytes(argument);
                case 10 -> {
                    in.flushBefore(Math.min(in.getStreamPosition(), Math.max(0, argument)));
                    yield "flush";
                }
                case 11 -> {
                    in.mark();
                    yield "mark";
                }
                case 12 -> {
                    in.reset();
                    yield "reset";
                }
                default -> in.length();
            };
        } catch (IOException | RuntimeException e) {
            return e.getClass();
        }
    }
}
