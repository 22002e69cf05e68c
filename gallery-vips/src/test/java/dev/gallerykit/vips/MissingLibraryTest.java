package dev.gallerykit.vips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Runs in a JVM of its own (the {@code missing-library} execution in the POM), where
 * {@code gallerykit.vips.library} names a file that does not exist: libvips is loaded once per JVM.
 */
@DisplayName("Without libvips")
class MissingLibraryTest {

    @Test
    @DisplayName("the engine is not available, and creating one says which package to install")
    void saysWhatToInstall() {
        assumeTrue(System.getProperty(Vips.LIBRARY_PROPERTY, "").contains("missing"),
                "run by the missing-library execution, with -D" + Vips.LIBRARY_PROPERTY + " naming a missing file");

        assertThat(VipsImageEngine.available()).isFalse();
        assertThatThrownBy(VipsImageEngine::create)
                .isInstanceOf(VipsUnavailableException.class)
                .hasMessageStartingWith("libvips is not installed: on Debian or Ubuntu run `apt-get install libvips42`")
                .hasMessageContaining(System.getProperty(Vips.LIBRARY_PROPERTY));
        assertThatThrownBy(VipsImageEngine::create).as("the same answer on every call")
                .isInstanceOf(VipsUnavailableException.class).hasMessageContaining("libvips42");
    }
}
