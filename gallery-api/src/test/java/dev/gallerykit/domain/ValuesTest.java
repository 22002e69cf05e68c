package dev.gallerykit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.error.InvalidInputException;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    @DisplayName("tags compare in their normalised form and machine confidences stay within [0, 1]")
    void tags() {
        assertThat(Tag.user("  Golden\tHOUR ")).isEqualTo(Tag.user("golden hour"));
        assertThatThrownBy(() -> Tag.machine("x", 1.5)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> new Tag("x", TagSource.MACHINE, Optional.of(Double.NaN))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a tag already in normal form is kept as it is; any other is normalised as strip, collapse, lower case")
    void tagNormalForm() {
        String normal = "golden hour 2024";
        assertThat(Tag.normalize(normal)).isSameAs(normal);
        String[] odd = {"", " ", "a  b", " a", "a ", "A", "a\tb", "a\u000Bb", "a\u001Cb", "a\u00A0b", "a\u2003b",
                "\u0130stanbul", "STRASSE", "stra\u00DFe", "caf\u00C9", "\u03A3\u03A3", "x\u007Fy", "\n"};
        for (String value : odd) {
            assertThat(Tag.normalize(value)).as("%s", value).isEqualTo(reference(value));
        }
        Random random = new Random(17);
        char[] alphabet = {'a', 'Z', ' ', '\t', '\n', '-', '\u00C9', '\u00A0', '\u2003', '\u0130', '\u001F', '~'};
        for (int i = 0; i < 20_000; i++) {
            char[] value = new char[random.nextInt(6)];
            for (int j = 0; j < value.length; j++) {
                value[j] = alphabet[random.nextInt(alphabet.length)];
            }
            String text = new String(value);
            assertThat(Tag.normalize(text)).as("%s", text).isEqualTo(reference(text));
        }
    }

    @Test
    @DisplayName("normalising a tag read back from a store allocates nothing")
    void tagNormalFormAllocatesNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        String normal = "golden hour";
        int calls = 10_000;
        long before = threads.getCurrentThreadAllocatedBytes();
        int length = 0;
        for (int i = 0; i < calls; i++) {
            length += Tag.normalize(normal).length();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(length).isEqualTo(calls * normal.length());
        // A pattern compiled and a matcher made per call came to about a kilobyte each time.
        assertThat(allocated).as("bytes allocated by %d calls", calls).isLessThan(calls);
    }

    /** The rule as first written, which the allocation-free path must agree with. */
    private static String reference(String value) {
        return value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    @Test
    @DisplayName("a GPS box contains its edges and refuses impossible corners")
    void geoBox() {
        GeoBox box = new GeoBox(48, 2, 49, 3);
        assertThat(box.contains(GeoPoint.of(48, 2))).isTrue();
        assertThat(box.contains(GeoPoint.of(49, 3))).isTrue();
        assertThat(box.contains(GeoPoint.of(49.0001, 3))).isFalse();
        assertThatThrownBy(() -> new GeoBox(0, 10, 1, -10)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("antimeridian");
        assertThatThrownBy(() -> new GeoBox(0, 0, 1, 181)).hasMessageStartingWith("box.east ");
        assertThatThrownBy(() -> GeoPoint.of(91, 0)).hasMessageContaining("latitude");
    }

    @Test
    @DisplayName("emails are compared through their lower-case key")
    void emailKey() {
        assertThat(User.emailKey(" Ann@Example.COM ")).isEqualTo("ann@example.com");
    }
}
