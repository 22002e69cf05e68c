package dev.gallerykit.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.Gallery;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.image.ImageOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A picture at the default pixel limit, in a JVM whose heap is 256 MB (this class runs in the build's
 * {@code -Xmx256m} execution): its full raster would take 300 MB, so it only ingests if the reader
 * decodes it subsampled and the renditions are made from the small raster. The PNG is written here
 * row by row (each row a stripe pattern, so the renditions have content), and is a few hundred KB.
 */
@DisplayName("A picture at the pixel limit in a 256 MB heap")
class LimitImagesHeapTest {

    private static final int MB = 1 << 20;
    private static final int SIDE = 10_000;

    @BeforeAll
    static void theHeapIsSmall() {
        assertThat(Runtime.getRuntime().maxMemory()).as("this class runs with -Xmx256m").isLessThanOrEqualTo(300L * MB);
    }

    @Test
    @DisplayName("a 10000x10000 PNG (100 MP, the default limit) is stored with its dimensions and every rendition")
    void aHundredMegapixelPng() throws Exception {
        InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
        Gallery gallery = Gallery.builder().albums(albums).photos(new InMemoryPhotoRepository(albums))
                .blobs(new InMemoryBlobStore()).build();
        assertThat((long) SIDE * SIDE).isEqualTo(ImageOptions.DEFAULT_MAX_PIXELS);
        UserId owner = new UserId(UUID.randomUUID());
        Album album = gallery.albums().create(owner, "Big", "");
        byte[] png = stripedPng(SIDE, SIDE);

        Photo photo = gallery.photos().upload(owner, album.id(),
                Upload.of(new ByteArrayInputStream(png), "limit.png"));

        assertThat(photo.metadata().dimensions()).hasValueSatisfying(d -> {
            assertThat(d.width()).isEqualTo(SIDE);
            assertThat(d.height()).isEqualTo(SIDE);
        });
        List<Derivative> renditions = photo.derivatives().stream()
                .filter(derivative -> !derivative.name().equals(Derivative.ORIGINAL)).toList();
        assertThat(renditions).hasSize(ImageOptions.defaults().thumbnailSizes().size()).allSatisfy(rendition -> {
            assertThat(rendition.contentType()).isEqualTo("image/jpeg");
            assertThat(rendition.dimensions()).hasValueSatisfying(d -> assertThat(d.width()).isEqualTo(d.height())
                    .isLessThanOrEqualTo(ImageOptions.defaults().thumbnailSizes().get(0)).isPositive());
        });
    }

    /** An 8-bit RGB PNG whose rows are vertical stripes, deflated as it is written. */
    private static byte[] stripedPng(int width, int height) throws Exception {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflated = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_SPEED))) {
            byte[] row = new byte[1 + 3 * width];
            for (int x = 0; x < width; x++) {
                byte shade = (byte) ((x / 50) % 2 == 0 ? 40 : 220);
                row[1 + 3 * x] = shade;
                row[2 + 3 * x] = (byte) (x * 255 / width);
                row[3 + 3 * x] = shade;
            }
            for (int y = 0; y < height; y++) {
                deflated.write(row);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
