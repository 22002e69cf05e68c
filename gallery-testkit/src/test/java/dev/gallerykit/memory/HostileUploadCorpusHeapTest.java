package dev.gallerykit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The hostile-upload corpus through the public API, in a JVM whose heap is 256 MB (the build runs
 * {@code *HeapTest} in an execution of its own with {@code -Xmx256m}), so that a bomb that gets
 * through shows as an {@code OutOfMemoryError} here. Each case runs on a gallery of its own. A
 * refused input must fail with our exception naming the problem and leave nothing behind (no photo,
 * no blob); a crafted file that is a picture after all is stored once, as that picture. Either way
 * Bob's album and photo are untouched, and nothing Alice is told names any of it.
 */
@DisplayName("Hostile uploads in a 256 MB heap")
class HostileUploadCorpusHeapTest {

    @BeforeAll
    static void theHeapIsSmall() {
        assertThat(Runtime.getRuntime().maxMemory()).as("this class runs with -Xmx256m").isLessThanOrEqualTo(300L << 20);
    }

    @TestFactory
    @DisplayName("every crafted input")
    Stream<DynamicNode> corpus() {
        return Stream.of(
                group("decompression bombs", HostileFileCorpus.bombs()),
                group("truncated and empty files", HostileFileCorpus.truncated()),
                group("polyglots and fake containers", HostileFileCorpus.polyglots()),
                group("absurd EXIF and XMP", HostileFileCorpus.metadata()),
                group("file names", HostileInputCorpus.fileNames()),
                group("oversized and invalid text", HostileInputCorpus.texts()),
                group("lying streams", HostileInputCorpus.streams()),
                group("direct uploads", HostileInputCorpus.directUploads()));
    }

    private static DynamicContainer group(String name, List<HostileCase> cases) {
        return DynamicContainer.dynamicContainer(name, cases.stream()
                .map(hostile -> DynamicTest.dynamicTest(hostile.name(), () -> check(hostile))));
    }

    private static void check(HostileCase hostile) {
        Scene scene = new Scene();
        if (hostile.outcome() instanceof HostileCase.Refused refused) {
            assertThatThrownBy(() -> hostile.attempt().run(scene))
                    .isInstanceOf(refused.type())
                    .hasMessageContaining(refused.fragment())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(scene.bobsSecrets()));
            assertThat(scene.alicesPhotos()).as("Alice's photos after a refused upload").isEmpty();
            if (refused.stagedObjectStays()) {
                assertThat(scene.blobKeys(scene.alice)).as("Alice's blobs after a refused completion")
                        .singleElement().asString().endsWith("/upload");
            } else {
                assertThat(scene.blobKeys(scene.alice)).as("Alice's blobs after a refused upload").isEmpty();
            }
        } else {
            Photo photo = hostile.attempt().run(scene);
            assertThat(photo.ownerId()).isEqualTo(scene.alice);
            assertThat(photo.albumId()).isEqualTo(scene.album.id());
            assertThat(scene.alicesPhotos()).extracting(Photo::id).containsExactly(photo.id());
            ((HostileCase.Stored) hostile.outcome()).check().accept(photo);
            assertStorable(photo);
        }
        assertThat(scene.gallery.photos().list(scene.bob, scene.bobsAlbum.id(), PageRequest.first(10)).items())
                .as("Bob's album").containsExactly(scene.bobsPhoto);
        assertThat(scene.blobKeys(scene.bob)).as("Bob's blobs").containsAll(scene.bobsBlobs);
        assertThat(scene.photos.find(scene.alice, scene.bobsPhoto.id())).as("Bob's photo seen by Alice").isEmpty();
    }

    /** What every store can keep alike: file text cut and cleaned, the name and title single lines. */
    private static void assertStorable(Photo photo) {
        Stream.of(photo.metadata().cameraMake(), photo.metadata().cameraModel(), photo.metadata().lens())
                .flatMap(Optional::stream)
                .forEach(text -> assertThat(text).hasSizeLessThanOrEqualTo(200)
                        .satisfies(t -> assertThat(t.codePoints().filter(c -> Character.getType(c) == Character.CONTROL
                                || Character.getType(c) == Character.FORMAT).count()).as("control or format characters in " + t).isZero()));
        assertThat(photo.title()).doesNotContainPattern("\\p{Cc}");
        assertThat(photo.originalFileName()).doesNotContain("/", "\\").doesNotContainPattern("\\p{Cc}");
    }
}
