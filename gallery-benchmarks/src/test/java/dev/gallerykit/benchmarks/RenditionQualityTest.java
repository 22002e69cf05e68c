package dev.gallerykit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.image.ImageOptions;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenditionQualityTest {

    @TempDir
    Path directory;

    @Test
    @DisplayName("the 256 px rendition of a 12 MP photo scales within 36 dB of an exact area average and loses at most 1 dB more than JPEG itself")
    void psnrOf256() {
        RenditionQuality.Result result = RenditionQuality.measure(SamplePhotos.write(12, directory),
                ImageOptions.DEFAULT_THUMBNAIL_SIZES);

        assertThat(result.scaling()).isGreaterThanOrEqualTo(36.0);
        assertThat(result.delivered()).isGreaterThanOrEqualTo(result.jpegFloor() - 1.0);
    }

    @Test
    @DisplayName("the PSNR measure tells identical images from different ones")
    void measureWorks() {
        BufferedImage picture = SamplePhotos.picture(64, 48, 1);
        BufferedImage other = SamplePhotos.picture(64, 48, 2);

        assertThat(RenditionQuality.psnr(picture, picture)).isInfinite();
        assertThat(RenditionQuality.psnr(picture, other)).isLessThan(25.0);
        assertThat(RenditionQuality.psnr(RenditionQuality.areaAverage(picture, 64, 48), picture)).isInfinite();
    }
}
