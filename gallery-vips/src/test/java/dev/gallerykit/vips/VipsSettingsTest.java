package dev.gallerykit.vips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.image.MediaType;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The libvips settings")
class VipsSettingsTest {

    @TempDir
    Path directory;

    private final LibVips vips = Vips.library();

    @AfterEach
    void restoreDefaults() {
        VipsImageEngine.create();
    }

    @Test
    @DisplayName("turn the operation cache off and leave libvips's threads by default")
    void defaults() {
        VipsImageEngine.create();

        assertThat(vips.vips_cache_get_max()).isZero();
        assertThat(vips.vips_cache_get_max_mem()).isZero();
        assertThat(vips.vips_cache_get_max_files()).isZero();
        assertThat(vips.vips_concurrency_get()).isPositive();
    }

    @Test
    @DisplayName("set the threads and a bounded cache for the whole process, and the engine renders with them")
    void applied() {
        VipsImageEngine engine = VipsImageEngine.create(VipsSettings.defaults().withThreads(1).withCache(20, 8 << 20, 4));
        Path file = Images.writeWithImageIo(Images.quadrants(900, 600), "jpeg", directory.resolve("a.jpg"));

        assertThat(vips.vips_concurrency_get()).isEqualTo(1);
        assertThat(vips.vips_cache_get_max()).isEqualTo(20);
        assertThat(vips.vips_cache_get_max_mem()).isEqualTo(8 << 20);
        assertThat(vips.vips_cache_get_max_files()).isEqualTo(4);
        assertThat(engine.render(file, MediaType.JPEG, 1, ImageOptions.defaults())).hasSize(2);
    }

    @Test
    @DisplayName("refuse negative values, naming them")
    void validated() {
        assertThatThrownBy(() -> VipsSettings.defaults().withThreads(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads");
        assertThatThrownBy(() -> VipsSettings.defaults().withCache(1, -5, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-5 bytes");
    }
}
