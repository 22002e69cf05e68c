package dev.gallerykit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BlobLayoutTest {

    private final UserId owner = new UserId(UUID.randomUUID());
    private final PhotoId photo = new PhotoId(UUID.randomUUID());

    @Test
    @DisplayName("keys start with the owner and the photo, and parse back to them")
    void layout() {
        String attempt = BlobLayout.newAttempt();

        assertThat(BlobLayout.original(owner, photo, attempt)).isEqualTo(owner + "/" + photo + "/" + attempt + "/original");
        assertThat(BlobLayout.rendition(owner, photo, attempt, "thumb-256"))
                .isEqualTo(owner + "/" + photo + "/" + attempt + "/thumb-256.jpg");
        assertThat(BlobLayout.staging(owner, photo)).isEqualTo(owner + "/" + photo + "/upload");
        assertThat(BlobLayout.parse(BlobLayout.rendition(owner, photo, attempt, "thumb-256")))
                .contains(new BlobLayout.PhotoRef(owner, photo));
        assertThat(BlobLayout.parse(BlobLayout.staging(owner, photo))).contains(new BlobLayout.PhotoRef(owner, photo));
        assertThat(BlobLayout.parse("other/" + photo + "/original")).isEmpty();
        assertThat(BlobLayout.parse(owner + "/" + photo + "/")).isEmpty();
        assertThat(BlobLayout.parse("readme.txt")).isEmpty();
    }

    @Test
    @DisplayName("two attempts at one photo never share a key, and none is the staging key")
    void attemptsHaveKeysOfTheirOwn() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String attempt = BlobLayout.newAttempt();
            assertThat(keys.add(BlobLayout.original(owner, photo, attempt))).isTrue();
            assertThat(keys.add(BlobLayout.rendition(owner, photo, attempt, "thumb-256"))).isTrue();
        }
        assertThat(keys).doesNotContain(BlobLayout.staging(owner, photo));
    }
}
