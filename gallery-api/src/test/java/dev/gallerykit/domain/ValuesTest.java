package dev.gallerykit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.error.InvalidInputException;
import java.util.Optional;
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
