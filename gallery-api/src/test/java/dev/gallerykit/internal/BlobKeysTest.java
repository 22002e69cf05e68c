package dev.gallerykit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BlobKeysTest {

    @Test
    @DisplayName("keys start with the owner and the photo, and parse back to them")
    void layout() {
        UserId owner = new UserId(UUID.randomUUID());
        PhotoId photo = new PhotoId(UUID.randomUUID());

        assertThat(BlobKeys.original(owner, photo)).isEqualTo(owner + "/" + photo + "/original");
        assertThat(BlobKeys.rendition(owner, photo, "thumb-256")).isEqualTo(owner + "/" + photo + "/thumb-256.jpg");
        assertThat(BlobKeys.parse(BlobKeys.rendition(owner, photo, "thumb-256")))
                .contains(new BlobKeys.PhotoRef(owner, photo));
        assertThat(BlobKeys.parse("other/" + photo + "/original")).isEmpty();
        assertThat(BlobKeys.parse(owner + "/" + photo + "/")).isEmpty();
        assertThat(BlobKeys.parse("readme.txt")).isEmpty();
    }
}
