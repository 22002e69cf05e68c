package dev.gallerykit.labeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gallerykit.domain.Tag;
import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which colours the labeler sees, and how it weighs them. */
class DominantColorLabelerBehaviourTest {

    private final DominantColorLabeler labeler = new DominantColorLabeler();

    private static double confidence(Tag tag) {
        return tag.confidence().orElseThrow();
    }

    @ParameterizedTest(name = "#{0} is {1}")
    @CsvSource({
            "E02020, red", "F08020, orange", "F0E030, yellow", "30A040, green", "30D0D0, cyan",
            "2040D0, blue", "8030C0, purple", "E040A0, pink", "FFB0C0, pink",
            "FAFAFA, white", "808080, grey", "101010, black"})
    @DisplayName("a picture of one colour gets that colour's family, with full confidence")
    void aPlainPictureGetsItsColourFamily(String hex, String family) {
        List<Tag> tags = labeler.label(Pictures.stripes(new Color(Integer.parseInt(hex, 16))));

        assertThat(tags).hasSize(1);
        assertThat(tags.get(0).value()).isEqualTo(family);
        assertThat(confidence(tags.get(0))).isCloseTo(1.0, within(0.02));
    }

    @Test
    @DisplayName("the confidence is the colour's share of the picture, largest first")
    void confidenceIsTheShareOfPixels() {
        List<Tag> tags = labeler.label(Pictures.stripes(Color.WHITE, Color.BLUE, Color.BLUE, Color.BLUE));

        assertThat(tags).extracting(Tag::value).containsExactly("blue", "white");
        assertThat(confidence(tags.get(0))).isCloseTo(0.75, within(0.03));
        assertThat(confidence(tags.get(1))).isCloseTo(0.25, within(0.03));
    }

    @Test
    @DisplayName("at most three colours are proposed")
    void atMostThreeTags() {
        List<Tag> tags = labeler.label(Pictures.stripes(Color.RED, Color.GREEN, Color.BLUE, Color.YELLOW));

        assertThat(tags).hasSize(3);
        assertThat(tags).allSatisfy(tag -> assertThat(confidence(tag)).isCloseTo(0.25, within(0.03)));
    }

    @Test
    @DisplayName("colours below 15% of the picture are not proposed")
    void smallSharesAreLeftOut() {
        Color[] tenColours = {Color.RED, new Color(0xF08020), Color.YELLOW, Color.GREEN, Color.CYAN, Color.BLUE,
                new Color(0x8030C0), Color.PINK, Color.WHITE, Color.BLACK};

        assertThat(labeler.label(Pictures.stripes(tenColours))).isEmpty();
    }

    @Test
    @DisplayName("a large picture is labelled from a subsampled decode")
    void aLargePictureIsLabelled() {
        List<Tag> tags = labeler.label(Pictures.stripes(3000, 2000, Color.GREEN, Color.GREEN, Color.BLACK));

        assertThat(tags).extracting(Tag::value).containsExactly("green", "black");
        assertThat(confidence(tags.get(0))).isCloseTo(2 / 3.0, within(0.03));
    }
}
