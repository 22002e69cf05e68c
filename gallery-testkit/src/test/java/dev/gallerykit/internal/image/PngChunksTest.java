package dev.gallerykit.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.testkit.fixtures.HostileFiles;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The metadata view of a PNG")
class PngChunksTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("keeps the signature, the header and the end, and leaves a compressed text bomb out")
    void leavesCompressedChunksOut() throws IOException {
        Path bomb = HostileFiles.aPngWithCompressedText(64 << 20).writeTo(dir);

        byte[] view = PngChunks.metadataView(bomb);

        String text = new String(view, StandardCharsets.ISO_8859_1);
        assertThat(view).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
        assertThat(text).contains("IHDR").doesNotContain("zTXt").doesNotContain("IDAT").endsWith("IEND\u00AEB`\u0082");
        assertThat(view).as("signature, IHDR (25) and IEND (12)").hasSize(8 + 25 + 12);
    }

    @Test
    @DisplayName("a file that is no PNG, or one cut short, gives what could be read and nothing more")
    void shortOrForeign() throws IOException {
        Path jpeg = PhotoFixtures.aJpeg(16, 16, 1).writeTo(dir);
        assertThat(PngChunks.metadataView(jpeg)).hasSize(8);

        byte[] png = PhotoFixtures.aPng(16, 16).bytes();
        Path cut = new dev.gallerykit.testkit.fixtures.Fixture("cut.png", java.util.Arrays.copyOf(png, 20)).writeTo(dir);
        assertThat(PngChunks.metadataView(cut)).as("the signature and the end only").hasSize(8 + 12);
    }
}
