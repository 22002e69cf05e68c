package dev.gallerykit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.domain.Tag;
import dev.gallerykit.error.InvalidInputException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ValidationTest {

    @Test
    @DisplayName("file names lose any directory part, from either kind of separator")
    void fileNames() {
        assertThat(Validation.fileName("IMG_1.jpg")).isEqualTo("IMG_1.jpg");
        assertThat(Validation.fileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Validation.fileName("C:\\Users\\ann\\a b.png")).isEqualTo("a b.png");
        for (String bad : new String[] {"", " ", "dir/", "..", "a\u0000b.jpg", "x".repeat(256)}) {
            assertThatThrownBy(() -> Validation.fileName(bad)).as(bad)
                    .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("fileName ");
        }
    }

    @Test
    @DisplayName("user tags are normalised and de-duplicated, and bad ones are named")
    void tags() {
        assertThat(Validation.userTags(List.of("Beach", "beach ", " Golden   hour")))
                .containsExactly(Tag.user("beach"), Tag.user("golden hour"));
        assertThatThrownBy(() -> Validation.userTags(Arrays.asList("ok", null))).hasMessage("tags must not contain null");
        assertThatThrownBy(() -> Validation.userTags(List.of("x".repeat(65)))).hasMessageContaining("65 characters");
        assertThat(Validation.userTags(List.of("x".repeat(64)))).hasSize(1);
    }

    @Test
    @DisplayName("descriptions may span lines but not carry other control characters")
    void descriptions() {
        assertThat(Validation.description("description", null)).isEmpty();
        assertThat(Validation.description("description", " line one\nline two\t ")).isEqualTo("line one\nline two");
        assertThatThrownBy(() -> Validation.description("description", "bell\u0007")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("limits and lifetimes are checked against their ranges")
    void ranges() {
        assertThat(Validation.limit(1, 100)).isEqualTo(1);
        assertThat(Validation.limit(100, 100)).isEqualTo(100);
        assertThatThrownBy(() -> Validation.limit(101, 100)).hasMessage("limit must be between 1 and 100, was 101");
        assertThat(Validation.ttl(Duration.ofDays(7))).isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> Validation.ttl(Duration.ofMillis(999))).hasMessageStartingWith("ttl ");
        assertThatThrownBy(() -> Validation.ttl(null)).hasMessage("ttl is missing");
    }
}
