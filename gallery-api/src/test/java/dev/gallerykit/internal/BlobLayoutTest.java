package dev.gallerykit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BlobLayoutTest {

    @Test
    @DisplayName("keys start with the owner and the photo, and parse back to them")
    void layout() {
        UserId owner = new UserId(UUID.randomUUID());
        PhotoId photo = new PhotoId(UUID.randomUUID());

        assertThat(BlobLayout.original(owner, photo)).isEqualTo(owner + "/" + photo + "/original");
        assertThat(BlobLayout.rendition(owner, photo, "thumb-256")).isEqualTo(owner + "/" + photo + "/thumb-256.jpg");
        assertThat(BlobLayout.parse(BlobLayout.rendition(owner, photo, "thumb-256")))
                .contains(new BlobLayout.PhotoRef(owner, photo));
        assertThat(BlobLayout.parse("other/" + photo + "/original")).isEmpty();
        assertThat(BlobLayout.parse(owner + "/" + photo + "/")).isEmpty();
        assertThat(BlobLayout.parse("readme.txt")).isEmpty();
    }
}
