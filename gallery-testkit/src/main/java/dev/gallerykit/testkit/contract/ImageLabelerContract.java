package dev.gallerykit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.TagSource;
import dev.gallerykit.error.UnsupportedMediaException;
import dev.gallerykit.spi.ImageLabeler;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ImageLabeler} must do. An adapter's test extends this class, says how to build
 * the labeler and gives one JPEG it can label (proposes at least one tag for).
 *
 * <p>For bytes that are not a picture the contract accepts either answer a labeler may reasonably
 * give: no tags, or an {@link UnsupportedMediaException}. The gallery treats both as "no labels".
 * Anything else (another exception, null, tags that break the rules) fails.
 */
public abstract class ImageLabelerContract {

    /** Called before each test. */
    protected abstract ImageLabeler labeler();

    /** A JPEG (EXIF orientation applied, as the gallery sends them) this labeler proposes tags for. */
    protected abstract byte[] aPictureItCanLabel();

    private ImageLabeler labeler;

    @BeforeEach
    void buildLabeler() {
        labeler = labeler();
    }

    private static void assertWellFormed(List<Tag> tags) {
        assertThat(tags).isNotNull().doesNotContainNull();
        assertThat(tags).allSatisfy(tag -> {
            assertThat(tag.source()).isEqualTo(TagSource.MACHINE);
            assertThat(tag.confidence()).hasValueSatisfying(confidence ->
                    assertThat(confidence).isBetween(0.0, 1.0));
            assertThat(tag.value()).isNotBlank().isEqualTo(Tag.normalize(tag.value()));
        });
        assertThat(tags).extracting(Tag::value).doesNotHaveDuplicates();
    }

    /** Either well-formed tags (usually none) or UnsupportedMediaException; nothing else. */
    private void assertNoTagsOrUnsupported(byte[] bytes, boolean mustBeEmpty) {
        AtomicReference<List<Tag>> tags = new AtomicReference<>();
        Throwable thrown = catchThrowable(() -> tags.set(labeler.label(bytes)));

        if (thrown != null) {
            assertThat(thrown).isInstanceOf(UnsupportedMediaException.class);
        } else if (mustBeEmpty) {
            assertThat(tags.get()).isNotNull().isEmpty();
        } else {
            assertWellFormed(tags.get());
        }
    }

    @Nested
    @DisplayName("Labelling a picture")
    class LabellingAPicture {

        @Test
        @DisplayName("proposes at least one tag")
        void labelsAPictureItCanLabel() {
            assertThat(labeler.label(aPictureItCanLabel())).isNotEmpty();
        }

        @Test
        @DisplayName("proposes only machine tags, each with a confidence between 0 and 1")
        void everyTagIsAMachineTagWithAConfidenceBetweenZeroAndOne() {
            assertWellFormed(labeler.label(aPictureItCanLabel()));
        }

        @Test
        @DisplayName("proposes each value once")
        void noValueIsProposedTwice() {
            assertThat(labeler.label(aPictureItCanLabel())).extracting(Tag::value).doesNotHaveDuplicates();
        }

        @Test
        @DisplayName("can be asked again for the same picture")
        void labellingTwiceWorks() {
            byte[] picture = aPictureItCanLabel();

            assertWellFormed(labeler.label(picture));
            assertWellFormed(labeler.label(picture));
        }
    }

    @Nested
    @DisplayName("Bytes that are not a picture")
    class NotAPicture {

        @Test
        @DisplayName("give no tags, or UnsupportedMediaException")
        void textGivesNoTagsOrUnsupportedMedia() {
            assertNoTagsOrUnsupported("this is not a picture at all".getBytes(StandardCharsets.UTF_8), true);
        }

        @Test
        @DisplayName("empty give no tags, or UnsupportedMediaException")
        void emptyBytesGiveNoTagsOrUnsupportedMedia() {
            assertNoTagsOrUnsupported(new byte[0], true);
        }

        @Test
        @DisplayName("a JPEG header followed by garbage gives no tags, or UnsupportedMediaException")
        void aJpegHeaderWithGarbageGivesNoTagsOrUnsupportedMedia() {
            byte[] garbage = new byte[2048];
            Arrays.fill(garbage, (byte) 0x5a);
            garbage[0] = (byte) 0xff;
            garbage[1] = (byte) 0xd8;
            garbage[2] = (byte) 0xff;

            assertNoTagsOrUnsupported(garbage, true);
        }

        @Test
        @DisplayName("a truncated picture gives well-formed tags, none, or UnsupportedMediaException")
        void aTruncatedPictureNeverFailsOtherwise() {
            byte[] picture = aPictureItCanLabel();

            assertNoTagsOrUnsupported(Arrays.copyOf(picture, picture.length / 2), false);
        }
    }
}
