package dev.gallerykit.memory;

import static dev.gallerykit.memory.HostileCase.refused;
import static dev.gallerykit.memory.HostileCase.stored;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.LimitExceededException;
import dev.gallerykit.error.UnsupportedMediaException;
import dev.gallerykit.testkit.fixtures.EngineFixtures;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.HostileContainers;
import dev.gallerykit.testkit.fixtures.HostileFiles;
import dev.gallerykit.testkit.fixtures.HostileMetadata;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Crafted files, each uploaded through {@code Photos.upload}: decompression bombs of every format,
 * truncated and empty files, polyglots and fake containers, and absurd EXIF and XMP. The files are
 * made when a case runs (a supplier each), so the corpus costs no memory until then.
 */
final class HostileFileCorpus {

    private static final int MB = 1 << 20;
    static final String PIXELS = "pixels exceeds the limit";
    static final String NOT_AN_IMAGE = "the file is not an image of a supported type";
    static final String CORRUPT = "the image data is truncated or corrupt";
    static final int MAX = HostileContainers.MAX_EDGE;

    /** What an XML parser that resolves external entities would copy into the photo. */
    private static final String SECRET = "gallerykit-secret-" + UUID.randomUUID();
    private static final URI SECRET_FILE = secretFile();

    private HostileFileCorpus() {
    }

    static List<HostileCase> bombs() {
        return List.of(
                stored("PNG: a zTXt text chunk inflating to 512 MB is stored as the 64x48 picture it is",
                        file(() -> HostileFiles.aPngWithCompressedText(512 * MB)), size(64, 48)),
                stored("PNG: an iCCP profile inflating to 512 MB is stored as the 64x48 picture it is",
                        file(() -> HostileFiles.aPngWithCompressedProfile(512 * MB)), size(64, 48)),
                stored("PNG: a tEXt chunk of 4 MB letters is stored as the 64x48 picture it is",
                        file(() -> HostileFiles.aPngWithLongText(4 * MB)), size(64, 48)),
                stored("PNG: IDAT of 100 MB of zeros (10000x10000, at the pixel limit) is decoded in bounded memory",
                        file(() -> HostileFiles.aPngWhosePixelsInflate(10_000, 10_000)), size(10_000, 10_000)),
                stored("TIFF: one Deflate strip of 100 MB of zeros (10000x10000, at the pixel limit) is decoded in bounded memory",
                        file(() -> HostileFiles.aTiffWhosePixelsInflate(10_000, 10_000)), size(10_000, 10_000)),
                refused("TIFF: a first directory declaring 20000x20000 is refused on it, before any strip is read",
                        file(() -> HostileFiles.aTiffDeclaring(20_000, 20_000)), LimitExceededException.class, "20000x20000"),
                refused("BMP: 118 bytes declaring 16000x12000 pixels are refused on the header",
                        file(() -> EngineFixtures.declaringBmp(16_000, 12_000)), LimitExceededException.class, "16000x12000"),
                refused("PNG: a 100-byte header declaring 50000x50000 is refused on its header",
                        file(PhotoFixtures::aHugeHeaderPng), LimitExceededException.class, "50000x50000"),
                refused("PNG: IDAT declaring 10001x10000 (one column over the pixel limit) is refused on its header",
                        file(() -> HostileFiles.aPngWhosePixelsInflate(10_001, 10_000)), LimitExceededException.class, PIXELS),
                refused("WebP: 40 bytes of lossless header declaring 10000x10000 are refused before decoding",
                        file(() -> HostileFiles.aTinyWebpDeclaring(10_000, 10_000)), LimitExceededException.class, "10000x10000"),
                refused("WebP: a lossless header declaring 16384x16384 is refused",
                        file(() -> HostileFiles.aTinyWebpDeclaring(16_384, 16_384)), LimitExceededException.class, PIXELS),
                refused("WebP: a lossy VP8 key frame declaring 16383x16383 is refused",
                        file(() -> HostileContainers.aLossyWebpDeclaring(16_383, 16_383)), LimitExceededException.class, PIXELS),
                refused("WebP: a VP8X canvas declaring 16777216x16777216 around one pixel is refused",
                        file(() -> HostileContainers.anExtendedWebpDeclaring(1 << 24, 1 << 24)), LimitExceededException.class, PIXELS),
                stored("GIF: a logical screen of 65535x65535 around one 1x1 frame is stored as that frame, decoded 1x1",
                        file(() -> HostileContainers.aGif(MAX, MAX, 1, 1, 1)), size(1, 1)),
                refused("GIF: a first frame declaring 65535x65535 on a 64x48 screen is refused",
                        file(() -> HostileContainers.aGif(64, 48, MAX, MAX, 1)), LimitExceededException.class, PIXELS),
                stored("GIF: 20000 frames of 65535x65535 after a real first frame: the 64x48 picture is stored",
                        file(() -> HostileContainers.aGifWithExtraFrames(20_000, MAX, MAX)), size(64, 48)),
                stored("GIF: 50000 frames of 64x48 coded in 6 bytes each: only the first is decoded, stored as 64x48",
                        file(() -> HostileContainers.aGif(64, 48, 64, 48, 50_000)), size(64, 48)),
                refused("GIF: a comment split into 400000 one-byte sub-blocks (quadratic to read) is refused",
                        file(() -> HostileContainers.aGifWithSplitComment(400_000)), UnsupportedMediaException.class,
                        "more than 4096 extension sub-blocks"),
                stored("GIF: a comment of 4096 one-byte sub-blocks is read and the 64x48 picture stored",
                        file(() -> HostileContainers.aGifWithSplitComment(4_096)), size(64, 48)),
                refused("JPEG: a baseline SOF declaring 65535x65535 is refused on its header",
                        file(() -> HostileContainers.aJpegDeclaring(MAX, MAX, false)), LimitExceededException.class, "65535x65535"),
                refused("JPEG: a progressive SOF declaring 65535x65535 is refused on its header",
                        file(() -> HostileContainers.aJpegDeclaring(MAX, MAX, true)), LimitExceededException.class, "65535x65535"),
                refused("JPEG: a progressive SOF declaring 10000x10001 over 32x32 of data is refused",
                        file(() -> HostileContainers.aJpegDeclaring(10_000, 10_001, true)), LimitExceededException.class, PIXELS),
                refused("JPEG: a SOF declaring 0 pixels wide is refused as corrupt",
                        file(() -> HostileContainers.aJpegDeclaring(0, 32, false)), UnsupportedMediaException.class, CORRUPT),
                refused("PNG: a header declaring 0 pixels wide is refused as corrupt",
                        file(HostileFiles::aPngZeroPixelsWide), UnsupportedMediaException.class, CORRUPT),
                refused("HEIF: a primary image declaring 100000x100000 in a few hundred bytes is refused",
                        file(() -> HostileFiles.aHeifDeclaring(100_000, 100_000)), LimitExceededException.class, "100000x100000"));
    }

    static List<HostileCase> truncated() {
        return List.of(
                refused("a zero-byte file is refused as empty",
                        file(PhotoFixtures::anEmptyFile), InvalidInputException.class, "content is empty"),
                refused("one byte 0xFF is not an image",
                        file(() -> new Fixture("one.jpg", new byte[] {(byte) 0xFF})), UnsupportedMediaException.class, NOT_AN_IMAGE),
                refused("JPEG: the three signature bytes alone are corrupt",
                        file(() -> HostileFiles.cut(PhotoFixtures.aJpeg(), 3)), UnsupportedMediaException.class, CORRUPT),
                refused("JPEG: cut inside its headers is corrupt",
                        file(() -> HostileFiles.cut(PhotoFixtures.aJpeg(), 100)), UnsupportedMediaException.class, CORRUPT),
                refused("PNG: the signature alone is corrupt",
                        file(() -> HostileFiles.cut(PhotoFixtures.aPng(64, 48), 8)), UnsupportedMediaException.class, CORRUPT),
                refused("PNG: cut inside its IDAT is corrupt",
                        file(() -> cutToHalf(PhotoFixtures.aPng(640, 480))), UnsupportedMediaException.class, CORRUPT),
                refused("GIF: the header and screen descriptor alone are corrupt",
                        file(() -> HostileFiles.cut(PhotoFixtures.aGif(), 13)), UnsupportedMediaException.class, CORRUPT),
                refused("WebP: the RIFF header alone is corrupt",
                        file(() -> HostileFiles.cut(PhotoFixtures.aWebp(), 12)), UnsupportedMediaException.class, CORRUPT),
                refused("WebP: cut in the middle of its pixels is corrupt, like a cut PNG",
                        file(() -> cutToHalf(PhotoFixtures.aWebp())), UnsupportedMediaException.class, CORRUPT),
                refused("WebP: a whole file whose lossless bitstream ends before its 160x3901 picture is corrupt",
                        file(HostileFiles::aLosslessWebpEndingBeforeItsPicture), UnsupportedMediaException.class, CORRUPT),
                refused("HEIF: cut inside its meta box is corrupt",
                        file(HostileFiles::aTruncatedHeif), UnsupportedMediaException.class, "HEIF"));
    }

    static List<HostileCase> polyglots() {
        return List.of(
                refused("an HTML page named photo.jpg is not an image",
                        file(() -> new Fixture("photo.jpg", HostileContainers.aWebPage())), UnsupportedMediaException.class, NOT_AN_IMAGE),
                refused("an SVG with a script named image.png is not an image we accept",
                        file(() -> new Fixture("image.png", HostileContainers.anSvgWithScript())), UnsupportedMediaException.class, NOT_AN_IMAGE),
                refused("a PDF with JavaScript named scan.jpg is not an image",
                        file(() -> new Fixture("scan.jpg", HostileContainers.aPdf())), UnsupportedMediaException.class, NOT_AN_IMAGE),
                refused("a ZIP archive named holiday.jpg is not an image",
                        file(() -> new Fixture("holiday.jpg", HostileContainers.aZip("a.txt", "hello"))), UnsupportedMediaException.class, NOT_AN_IMAGE),
                refused("a Windows executable named cat.gif is not an image",
                        file(() -> new Fixture("cat.gif", HostileContainers.anExecutable())), UnsupportedMediaException.class, NOT_AN_IMAGE),
                refused("a TIFF header and an empty first directory is no image",
                        file(() -> new Fixture("scan.tif", HostileContainers.aTiff())), UnsupportedMediaException.class,
                        "the TIFF file is not a valid image: its first directory gives no size"),
                refused("an AVIF brand and then nothing but zeros is no image",
                        file(() -> new Fixture("a.avif", HostileContainers.anFtyp("avif", true, new byte[64]))), UnsupportedMediaException.class,
                        "the HEIF file is not a valid image"),
                refused("an MP4 video (ftyp isom) named clip.heic is not an image",
                        file(() -> new Fixture("clip.heic", HostileContainers.anFtyp("isom", false, new byte[64]))), UnsupportedMediaException.class, NOT_AN_IMAGE),
                refused("a RIFF WAVE sound named sound.webp is not an image",
                        file(() -> HostileContainers.anEmptyRiff("sound.webp", "WAVE", "fmt ")), UnsupportedMediaException.class, NOT_AN_IMAGE),
                refused("a RIFF WEBP container holding no image chunk is corrupt",
                        file(() -> HostileContainers.anEmptyRiff("empty.webp", "WEBP", "EXIF")), UnsupportedMediaException.class, CORRUPT),
                refused("an ftyp heic box followed by a web page is refused",
                        file(HostileFiles::aPageBehindAHeifBrand), UnsupportedMediaException.class, "HEIF"),
                refused("an ftyp heic box followed by a ZIP archive is refused",
                        file(() -> new Fixture("zip.heic", HostileContainers.anFtyp("heic", true, HostileContainers.aZip("x", "y")))),
                        UnsupportedMediaException.class, "HEIF"),
                refused("HEIF: a file without a primary item is refused",
                        file(HostileFiles::aHeifWithoutPrimaryItem), UnsupportedMediaException.class, "primary"),
                refused("HEIF: a primary item without a size is refused",
                        file(HostileFiles::aHeifWithoutSize), UnsupportedMediaException.class, "HEIF"),
                refused("HEIF: a primary item that is EXIF, not an image, is refused",
                        file(HostileFiles::aHeifWhosePrimaryIsNoImage), UnsupportedMediaException.class, "HEIF"),
                refused("a PNG signature followed by a web page is corrupt",
                        file(() -> HostileFiles.joined("page.png", HostileFiles.cut(PhotoFixtures.aPng(8, 8), 8).bytes(),
                                HostileContainers.aWebPage())), UnsupportedMediaException.class, CORRUPT),
                refused("a JPEG SOI followed by a ZIP archive is corrupt",
                        file(() -> HostileFiles.joined("zip.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
                                HostileContainers.aZip("x", "y"))), UnsupportedMediaException.class, CORRUPT),
                stored("a GIF with a ZIP appended (a GIFAR) is stored as the GIF it is, typed by its bytes",
                        file(() -> HostileFiles.followedBy(PhotoFixtures.aGif(), "gifar.gif", HostileContainers.aZip("A.class", "cafebabe"))),
                        type("image/gif", 64, 48)),
                stored("a JPEG carrying a web page in a comment segment is stored as a JPEG",
                        file(() -> HostileContainers.aJpegWithSegment("comment.jpg", HostileContainers.jpegSegment(0xFE,
                                HostileContainers.aWebPage()))), type("image/jpeg", 48, 32)),
                stored("a PNG named .html is stored as image/png: the name never decides the type",
                        file(() -> new Fixture("index.html", PhotoFixtures.aPng(64, 48).bytes())), type("image/png", 64, 48)));
    }

    static List<HostileCase> metadata() {
        return List.of(
                stored("EXIF: an IFD that is its own next IFD and its own EXIF sub-IFD is read once, no loop",
                        file(() -> HostileMetadata.inJpeg("loop.jpg", HostileMetadata.aDirectoryLoop())), size(48, 32)),
                stored("EXIF: an IFD claiming 65535 entries in a block of one is stored without them",
                        file(() -> HostileMetadata.inJpeg("count.jpg", HostileMetadata.anEntryCountBeyondTheBlock())), size(48, 32)),
                stored("EXIF: a Make claiming 2 GB past the end of the block is ignored",
                        file(() -> HostileMetadata.inJpeg("size.jpg", HostileMetadata.aValueBeyondTheBlock())),
                        photo -> assertThat(photo.metadata().cameraMake()).isEmpty()),
                stored("EXIF: orientation 65535 and a date of month 99 are dropped, the picture kept upright",
                        file(() -> HostileMetadata.inJpeg("dates.jpg", HostileMetadata.impossibleValues())), photo -> {
                            assertThat(photo.metadata().takenAt()).isEmpty();
                            assertThat(photo.metadata().dimensions()).contains(new Dimensions(48, 32));
                        }),
                stored("EXIF: GPS latitude 1000 and longitude 5000 give no position",
                        file(() -> HostileMetadata.inJpeg("gps.jpg", HostileMetadata.anImpossiblePosition())),
                        photo -> assertThat(photo.metadata().location()).isEmpty()),
                stored("EXIF: a Make of 2000 characters is cut to 200",
                        file(() -> PhotoFixtures.aJpegWithCameraText("M".repeat(2000), "Model", "Lens")),
                        photo -> assertThat(photo.metadata().cameraMake()).hasValueSatisfying(make -> assertThat(make).hasSize(200))),
                stored("EXIF: a Make of control bytes, escape sequences and UTF-8 direction marks keeps only the printable text",
                        file(() -> HostileMetadata.inJpeg("make.jpg", HostileMetadata.aMake(
                                "Ev\u001bil\u0007[31m\r\n\u202eCam\u200b\u0085".getBytes(StandardCharsets.UTF_8)))),
                        photo -> assertThat(photo.metadata().cameraMake()).hasValueSatisfying(make ->
                                assertThat(make).doesNotContain("\u001b", "\u0007", "\r", "\n", "\u202e", "\u200b", "\u0085").contains("Cam"))),
                stored("EXIF in PNG: an eXIf chunk whose IFD loops is read once",
                        file(() -> HostileFiles.aPngWithExif(HostileMetadata.aDirectoryLoop())), size(64, 48)),
                stored("XMP: an external entity naming a local file is not resolved into the photo",
                        file(() -> HostileMetadata.xmpInJpeg("xxe.jpg", HostileMetadata.anExternalEntity(SECRET_FILE))),
                        photo -> assertThat(photo.toString()).doesNotContain(SECRET)),
                stored("XMP: a billion laughs (10^9 expansions) in a JPEG is not expanded",
                        file(() -> HostileMetadata.xmpInJpeg("laughs.jpg", HostileMetadata.aBillionLaughs())),
                        photo -> assertThat(photo.toString()).doesNotContain("lollollol")),
                stored("XMP: a billion laughs in a PNG iTXt chunk is not expanded",
                        file(() -> HostileFiles.aPngWithXmp(HostileMetadata.aBillionLaughs())),
                        photo -> assertThat(photo.toString()).doesNotContain("lollollol")),
                stored("XMP: 1500 nested elements in a JPEG are read without exhausting the stack",
                        file(() -> HostileMetadata.xmpInJpeg("deep.jpg", HostileMetadata.aDeepNesting(1_500))), size(48, 32)),
                stored("XMP: 1500 nested elements inside the EXIF of a JPEG (tag 0x02BC) do not overflow the stack",
                        file(() -> HostileMetadata.inJpeg("exif-xmp.jpg", HostileMetadata.anXmpTag(HostileMetadata.aDeepNesting(1_500)))),
                        size(48, 32)),
                stored("XMP: 25000 nested elements inside the eXIf of a PNG do not overflow the stack",
                        file(() -> HostileFiles.aPngWithExif(HostileMetadata.anXmpTag(HostileMetadata.aDeepNesting(25_000)))),
                        size(64, 48)),
                stored("XMP: 100000 nested elements in a WebP XMP chunk are not parsed into a stack overflow",
                        file(() -> HostileContainers.aWebpWithXmp(HostileMetadata.aDeepNesting(100_000))),
                        size(PhotoFixtures.WEBP_WIDTH, PhotoFixtures.WEBP_HEIGHT)),
                stored("XMP: 200 nested elements in a GIF application extension are stored as the 64x48 GIF",
                        file(() -> HostileContainers.aGifWithXmp(HostileMetadata.aDeepNesting(200))), size(64, 48)),
                refused("XMP: 20000 nested elements in a GIF (a sub-block per 60 bytes to a GIF reader) are refused",
                        file(() -> HostileContainers.aGifWithXmp(HostileMetadata.aDeepNesting(20_000))),
                        UnsupportedMediaException.class, "extension sub-blocks before its first image"),
                stored("XMP: 20 MB of XMP properties in a WebP are not built into a document in a 256 MB heap",
                        file(() -> HostileContainers.aWebpWithXmp(HostileMetadata.aDeepNesting(0).replace("<tiff:Make>x",
                                "<tiff:Make><rdf:Bag>" + "<rdf:li>x</rdf:li>".repeat(1_100_000) + "</rdf:Bag>"))),
                        size(PhotoFixtures.WEBP_WIDTH, PhotoFixtures.WEBP_HEIGHT)),
                stored("XMP: a billion laughs in a WebP XMP chunk is not expanded",
                        file(() -> HostileContainers.aWebpWithXmp(HostileMetadata.aBillionLaughs())),
                        photo -> assertThat(photo.toString()).doesNotContain("lollollol")),
                stored("XMP: 100000 nested elements in a PNG iTXt chunk are read without exhausting the stack",
                        file(() -> HostileFiles.aPngWithXmp(HostileMetadata.aDeepNesting(100_000))), size(64, 48)));
    }

    static HostileCase.Attempt file(Supplier<Fixture> file) {
        return scene -> scene.upload(file.get());
    }

    static Consumer<Photo> size(int width, int height) {
        return photo -> assertThat(photo.metadata().dimensions()).contains(new Dimensions(width, height));
    }

    private static Consumer<Photo> type(String contentType, int width, int height) {
        return photo -> {
            assertThat(photo.contentType()).isEqualTo(contentType);
            size(width, height).accept(photo);
        };
    }

    private static Fixture cutToHalf(Fixture file) {
        return HostileFiles.cut(file, (int) file.size() / 2);
    }

    private static URI secretFile() {
        try {
            Path file = Files.createTempFile("gallerykit-xxe", ".txt");
            file.toFile().deleteOnExit();
            return Files.writeString(file, SECRET).toUri();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
