package dev.gallerykit.memory;

import static dev.gallerykit.memory.HostileCase.refused;
import static dev.gallerykit.memory.HostileCase.refusedKeepingStagedObject;
import static dev.gallerykit.memory.HostileCase.stored;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.DirectUpload;
import dev.gallerykit.DirectUploadRequest;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.LimitExceededException;
import dev.gallerykit.error.UnsupportedMediaException;
import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.GeneratedStreams;
import dev.gallerykit.testkit.fixtures.HostileContainers;
import dev.gallerykit.testkit.fixtures.HostileFiles;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hostile names, texts, streams and direct uploads around a real picture: file names with
 * traversal, control and direction characters, oversized and invalid-Unicode text, streams that
 * lie or never end, and direct uploads whose object or token is not what was announced.
 */
final class HostileInputCorpus {

    private static final String CONTROL = "must not contain control characters";
    private static final String NOT_UNICODE = "is not valid Unicode";
    private static final String NOT_ISSUED = "uploadToken is not one this gallery issued to this user";

    private HostileInputCorpus() {
    }

    static List<HostileCase> fileNames() {
        return List.of(
                stored("file name ../../../etc/passwd.jpg keeps only its last segment",
                        named("../../../etc/passwd.jpg"), fileName("passwd.jpg", "passwd")),
                stored("file name ..\\..\\Windows\\win.ini.png keeps only its last segment",
                        named("..\\..\\Windows\\win.ini.png"), fileName("win.ini.png", "win.ini")),
                stored("an absolute file name /var/www/html/shell.php.jpg keeps only its last segment",
                        named("/var/www/html/shell.php.jpg"), fileName("shell.php.jpg", "shell.php")),
                stored("an URL-encoded traversal %2e%2e%2fpasswd.jpg is a plain name, kept as it is",
                        named("%2e%2e%2fpasswd.jpg"), fileName("%2e%2e%2fpasswd.jpg", "%2e%2e%2fpasswd")),
                refused("file name photos/.. names no file",
                        named("photos/.."), InvalidInputException.class, "fileName must name a file"),
                refused("file name / names no file",
                        named("/"), InvalidInputException.class, "fileName must name a file"),
                refused("a blank file name names no file",
                        named("   "), InvalidInputException.class, "fileName must name a file"),
                refused("a NUL in the file name is refused",
                        named("evil\u0000.jpg"), InvalidInputException.class, "fileName " + CONTROL),
                refused("a line break in the file name is refused",
                        named("a\r\nSet-Cookie: x.jpg"), InvalidInputException.class, "fileName " + CONTROL),
                refused("a terminal escape sequence in the file name is refused",
                        named("\u001b[2Jclear.jpg"), InvalidInputException.class, "fileName " + CONTROL),
                refused("a right-to-left override that shows photo\u202Egpj.exe as photoexe.jpg is refused",
                        named("photo\u202Egpj.exe"), InvalidInputException.class, "fileName must not contain direction controls"),
                refused("directional isolates around a file name are refused",
                        named("\u2066evil\u2069.jpg"), InvalidInputException.class, "fileName must not contain direction controls"),
                refused("a lone surrogate in the file name is refused",
                        named("\uD800.jpg"), InvalidInputException.class, "fileName " + NOT_UNICODE),
                refused("a file name of 256 characters is refused by length",
                        named("n".repeat(252) + ".jpg"), InvalidInputException.class, "fileName is 256 characters long; the maximum is 255"),
                stored("a file name of 255 characters is stored, its title cut to 200",
                        named("n".repeat(251) + ".jpg"), photo -> {
                            assertThat(photo.originalFileName()).hasSize(255);
                            assertThat(photo.title()).hasSize(200);
                        }));
    }

    static List<HostileCase> texts() {
        return List.of(
                refused("a title of 201 characters is refused by length",
                        details(u -> u.title("t".repeat(201))), InvalidInputException.class, "title is 201 characters long; the maximum is 200"),
                refused("a title of 10000 characters is refused by length",
                        details(u -> u.title("t".repeat(10_000))), InvalidInputException.class, "the maximum is 200"),
                refused("a title with a line break is refused",
                        details(u -> u.title("first\nsecond")), InvalidInputException.class, "title " + CONTROL),
                refused("a title with a lone low surrogate is refused",
                        details(u -> u.title("x\uDC00y")), InvalidInputException.class, "title " + NOT_UNICODE),
                refused("a blank title is refused",
                        details(u -> u.title(" \t ")), InvalidInputException.class, "title must not be blank"),
                refused("a description of 5001 characters is refused by length",
                        details(u -> u.description("d".repeat(5_001))), InvalidInputException.class, "description is 5001 characters long"),
                refused("a NUL in the description is refused",
                        details(u -> u.description("nice\u0000view")), InvalidInputException.class, "description " + CONTROL),
                refused("a tag of 65 characters is refused",
                        details(u -> u.tags(List.of("g".repeat(65)))), InvalidInputException.class, "contains a tag of 65 characters"),
                refused("51 tags are refused",
                        details(u -> u.tags(numbered(51))), InvalidInputException.class, "has 51 tags; the maximum is 50"),
                refused("a tag with a NUL is refused",
                        details(u -> u.tags(List.of("sea\u0000side"))), InvalidInputException.class, "tags " + CONTROL),
                refused("a tag with a lone high surrogate is refused",
                        details(u -> u.tags(List.of("beach\uD83C"))), InvalidInputException.class, "tags " + NOT_UNICODE));
    }

    static List<HostileCase> streams() {
        return List.of(
                refused("a stream whose read keeps returning 0 is given up on",
                        stream(new ZeroReads()), InvalidInputException.class, "content gave no bytes"),
                refused("a stream that fails half-way is the upload's problem, named as such",
                        stream(GeneratedStreams.failingAfter(10_000, 1)), InvalidInputException.class, "content could not be read to its end"),
                refused("a stream reporting more bytes than the buffer holds is refused",
                        stream(new Overreporting()), InvalidInputException.class, "content is a stream that reported reading"),
                refused("one byte over the 50 MB limit is refused while reading",
                        stream(GeneratedStreams.bytes(ImageOptions.DEFAULT_MAX_BYTES + 1, 2)), LimitExceededException.class,
                        "bytes exceeds the limit of " + ImageOptions.DEFAULT_MAX_BYTES));
    }

    static List<HostileCase> directUploads() {
        return List.of(
                refused("direct: a web page PUT as image/jpeg is refused on completion, its object removed",
                        scene -> scene.direct(new Fixture("photo.jpg", HostileContainers.aWebPage()), "image/jpeg"),
                        UnsupportedMediaException.class, HostileFileCorpus.NOT_AN_IMAGE),
                refused("direct: a ZIP archive PUT as image/png is refused on completion",
                        scene -> scene.direct(new Fixture("p.png", HostileContainers.aZip("a", "b")), "image/png"),
                        UnsupportedMediaException.class, HostileFileCorpus.NOT_AN_IMAGE),
                refused("direct: a WebP declaring 10000x10000 is refused on completion",
                        scene -> scene.direct(HostileFiles.aTinyWebpDeclaring(10_000, 10_000), "image/webp"),
                        LimitExceededException.class, "10000x10000"),
                refused("direct: a PNG IDAT bomb over the pixel limit is refused on completion",
                        scene -> scene.direct(HostileFiles.aPngWhosePixelsInflate(10_001, 10_000), "image/png"),
                        LimitExceededException.class, HostileFileCorpus.PIXELS),
                refused("direct: declaring text/html is refused before anything is signed",
                        scene -> scene.direct(new Fixture("a.html", HostileContainers.aWebPage()), "text/html"),
                        UnsupportedMediaException.class, "contentType text/html is not an image type we accept"),
                refused("direct: declaring image/svg+xml is refused before anything is signed",
                        scene -> scene.direct(new Fixture("a.svg", HostileContainers.anSvgWithScript()), "image/svg+xml"),
                        UnsupportedMediaException.class, "contentType image/svg+xml is not an image type we accept"),
                refused("direct: declaring 0 bytes is refused",
                        scene -> scene.direct(new Fixture("empty.jpg", new byte[0]), "image/jpeg"),
                        InvalidInputException.class, "size must be at least 1 byte"),
                refused("direct: declaring one byte over the limit is refused",
                        scene -> {
                            scene.gallery.photos().startDirectUpload(scene.alice, scene.album.id(),
                                    DirectUploadRequest.of("big.jpg", "image/jpeg", ImageOptions.DEFAULT_MAX_BYTES + 1));
                            return null;
                        },
                        LimitExceededException.class, "the upload declares " + (ImageOptions.DEFAULT_MAX_BYTES + 1) + " bytes"),
                stored("direct: a traversal file name keeps only its last segment",
                        scene -> scene.direct(new Fixture("../../../root/.ssh/authorized_keys.jpg", PhotoFixtures.aJpeg(64, 48, 3).bytes()), "image/jpeg"),
                        fileName("authorized_keys.jpg", "authorized_keys")),
                refused("direct: a NUL in the announced file name is refused",
                        scene -> scene.direct(new Fixture("x\u0000.jpg", PhotoFixtures.aJpeg(64, 48, 3).bytes()), "image/jpeg"),
                        InvalidInputException.class, "fileName " + CONTROL),
                refusedKeepingStagedObject("direct: a token with one character changed is refused; the object stays for reconcile",
                        scene -> complete(scene, start(scene, false), HostileInputCorpus::flipTag), InvalidInputException.class, NOT_ISSUED),
                refusedKeepingStagedObject("direct: a token cut in half is refused; the object stays for reconcile",
                        scene -> complete(scene, start(scene, false), t -> t.substring(0, t.length() / 2)), InvalidInputException.class, NOT_ISSUED),
                refused("direct: base64 garbage as a token is refused",
                        scene -> scene.gallery.photos().completeDirectUpload(scene.alice, "Zm9vYmFy.!!!notbase64"),
                        InvalidInputException.class, NOT_ISSUED),
                refused("direct: Bob's token completed by Alice is refused and shows nothing of Bob's",
                        scene -> complete(scene, start(scene, true), t -> t), InvalidInputException.class, NOT_ISSUED),
                refused("direct: completing before anything was PUT is refused",
                        scene -> scene.gallery.photos().completeDirectUpload(scene.alice, scene.gallery.photos().startDirectUpload(
                                scene.alice, scene.album.id(), DirectUploadRequest.of("a.jpg", "image/jpeg", 100)).token()),
                        InvalidInputException.class, "content was not uploaded"));
    }

    private static HostileCase.Attempt named(String fileName) {
        return scene -> scene.upload(PhotoFixtures.aJpeg(64, 48, 4), upload -> upload.fileName(fileName));
    }

    private static HostileCase.Attempt details(Consumer<Upload.Builder> details) {
        return scene -> scene.upload(PhotoFixtures.aJpeg(64, 48, 4), details);
    }

    private static HostileCase.Attempt stream(InputStream content) {
        return scene -> scene.gallery.photos().upload(scene.alice, scene.album.id(), Upload.of(content, "stream.jpg"));
    }

    private static Consumer<Photo> fileName(String fileName, String title) {
        return photo -> {
            assertThat(photo.originalFileName()).isEqualTo(fileName);
            assertThat(photo.title()).isEqualTo(title);
        };
    }

    private static List<String> numbered(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> "tag" + i).toList();
    }

    /** A started upload whose object is in place: Alice's, or Bob's in his own album. */
    private static DirectUpload start(Scene scene, boolean bobs) {
        Fixture file = PhotoFixtures.aJpeg(64, 48, 6);
        DirectUpload started = scene.gallery.photos().startDirectUpload(bobs ? scene.bob : scene.alice,
                bobs ? scene.bobsAlbum.id() : scene.album.id(), DirectUploadRequest.of(file.fileName(), "image/jpeg", file.size()));
        scene.blobs.putPresigned(started.put().uri(), "image/jpeg", file.bytes());
        return started;
    }

    private static Photo complete(Scene scene, DirectUpload started, java.util.function.UnaryOperator<String> tamper) {
        return scene.gallery.photos().completeDirectUpload(scene.alice, tamper.apply(started.token()));
    }

    /** The first character of the signature changed: six bits of the tag, none of them padding. */
    private static String flipTag(String token) {
        int at = token.indexOf('.') + 1;
        return token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
    }

    /** Never blocks, never ends, never gives a byte. */
    private static final class ZeroReads extends InputStream {
        @Override
        public int read() {
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return 0;
        }
    }

    /** Says it read more than it was given room for. */
    private static final class Overreporting extends InputStream {
        @Override
        public int read() throws IOException {
            throw new IOException("single-byte reads are not what this stream lies about");
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return length + 10;
        }
    }
}
