package dev.gallerykit.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Text from files")
class MetadataTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "NUL padding                  | 'Canon\u0000\u0000'      | Canon",
            "line breaks and tabs         | 'EOS\r\nR5\tII'          | EOS R5 II",
            "bidi override                | 'Nikon\u202Egpj.exe'     | Nikongpj.exe",
            "zero-width space, soft hyphen| 'So\u200Bny\u00AD'       | Sony",
            "no-break and ideographic space| '\u00A0Leica\u3000M11\u00A0' | Leica M11",
            "lone surrogate               | 'Fuji\uD800film'         | Fujifilm",
            "private use                  | 'Ricoh\uE000'            | Ricoh",
            "accents and emoji kept       | 'Caméra \uD83D\uDCF7'    | Caméra \uD83D\uDCF7",
    })
    void cleans(String what, String raw, String expected) {
        assertThat(MetadataText.clean(raw)).contains(expected);
    }

    @Test
    @DisplayName("nothing printable, or nothing at all, gives no text")
    void empty() {
        assertThat(MetadataText.clean(null)).isEmpty();
        assertThat(MetadataText.clean("\u0000 \t\u200B\u202E")).isEmpty();
    }

    @Test
    @DisplayName("long text is cut to 200 chars, never between the halves of a character")
    void cut() {
        assertThat(MetadataText.clean("x".repeat(5_000))).contains("x".repeat(200));
        String emoji = "\uD83D\uDCF7";
        assertThat(MetadataText.clean("y" + emoji.repeat(150))).contains("y" + emoji.repeat(99));
        assertThat(MetadataText.clean("z".repeat(199) + " tail")).as("no trailing space").contains("z".repeat(199));
    }
}
