package dev.gallerykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TourTest {

    @Test
    @DisplayName("the demo tour runs through every step and ends with nothing stored")
    void tourRuns() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        new Tour(new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();
        String out = buffer.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("thumb-256 -> ", "EXIF orientation 6", "taken 2024-07-14T21:30+02:00");
        assertThat(out).contains("tag 'travel'        -> [IMG_0001]");
        assertThat(out).contains("notes.jpg: UnsupportedMediaException", "huge.png: LimitExceededException",
                "DuplicatePhotoException");
        assertThat(out).contains("thumbnails: false");
        assertThat(out).contains("purge removed 2 albums, 3 photos, 7 blobs; blobs left: 0");
    }
}
