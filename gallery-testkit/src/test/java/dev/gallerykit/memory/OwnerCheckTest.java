package dev.gallerykit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.Gallery;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.OwnerCheck;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The gallery asks its {@link OwnerCheck} before and after creating an album; these answers replay
 * an account deletion landing at each moment of a create.
 */
@DisplayName("Creating an album for an owner the OwnerCheck turns down")
class OwnerCheckTest {

    private final InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
    private final UserId ann = new UserId(UUID.randomUUID());

    private Gallery answering(Boolean... answers) {
        Deque<Boolean> left = new ArrayDeque<>(List.of(answers));
        return Gallery.builder().albums(albums).photos(new InMemoryPhotoRepository(albums))
                .blobs(new InMemoryBlobStore()).owners(owner -> left.removeFirst()).build();
    }

    @Test
    @DisplayName("is refused before anything is written when the account is already gone")
    void goneBefore() {
        assertThatThrownBy(() -> answering(false).albums().create(ann, "Late", ""))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("user");
        assertThat(albums.list(ann, 10, Optional.empty()).items()).isEmpty();
    }

    @Test
    @DisplayName("is taken back when the account was marked for deletion while the album was written")
    void markedDuring() {
        assertThatThrownBy(() -> answering(true, false).albums().create(ann, "Racing", ""))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("user");
        assertThat(albums.list(ann, 10, Optional.empty()).items()).isEmpty();
    }

    @Test
    @DisplayName("stands when the owner may own albums both times")
    void allowed() {
        assertThat(answering(true, true).albums().create(ann, "Fine", "").ownerId()).isEqualTo(ann);
        assertThat(albums.list(ann, 10, Optional.empty()).items()).hasSize(1);
    }
}
