package dev.gallerykit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GalleryBuilderTest {

    @Test
    @DisplayName("build() lists every missing adapter and bad setting in one message")
    void saysWhatIsMissing() {
        assertThatThrownBy(() -> Gallery.builder().cursorSecret(new byte[8]).maxPageSize(0).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("an AlbumRepository: call albums(...)")
                .hasMessageContaining("a PhotoRepository: call photos(...)")
                .hasMessageContaining("a BlobStore: call blobs(...)")
                .hasMessageContaining("a cursor secret of at least 32 bytes (it had 8)")
                .hasMessageContaining("a maxPageSize between 1 and 1000 (it was 0)");
    }
}
