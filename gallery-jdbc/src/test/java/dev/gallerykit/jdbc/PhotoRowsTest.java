package dev.gallerykit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.ImageMetadata;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.Processing;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.jdbc.Schema.Photos;
import dev.gallerykit.testkit.contract.Records;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The columns an update from the version read writes: those of the parts that changed, and only those. */
class PhotoRowsTest {

    private final UserId owner = Records.anOwner();
    private final Photo photo = Records.aFullyDescribedPhoto(owner, new AlbumId(UUID.randomUUID()));

    @Test
    @DisplayName("a photo whose every part changed writes every column, as a new row does")
    void everyPartChangedWritesEveryColumn() {
        Photo other = photo.toBuilder()
                .albumId(new AlbumId(UUID.randomUUID()))
                .uploaderId(Records.anOwner())
                .title("Another title")
                .description("Another description")
                .originalFileName("other.png")
                .contentType("image/png")
                .size(1)
                .sha256(Records.aSha256())
                .metadata(ImageMetadata.builder().orientation(1).build())
                .processing(Processing.PENDING)
                .createdAt(photo.createdAt().plusSeconds(1))
                .updatedAt(photo.updatedAt().plusSeconds(1))
                .build();

        assertThat(PhotoRows.changes(photo, other)).isEqualTo(PhotoRows.columns(other));
    }

    @Test
    @DisplayName("a change of tags or renditions writes no column but its time; the same photo writes none")
    void childrenOnlyWriteTheTime() {
        Photo retagged = photo.toBuilder().tags(List.of(Tag.user("night")))
                .derivatives(photo.derivatives().subList(0, 1)).updatedAt(photo.updatedAt().plusSeconds(1)).build();

        assertThat(PhotoRows.changes(photo, retagged)).containsOnlyKeys(Photos.UPDATED_AT);
        assertThat(PhotoRows.changes(photo, photo)).isEmpty();
    }

    @Test
    @DisplayName("a new title writes the title and its folded search text")
    void aTitleWritesItsFold() {
        Photo renamed = photo.toBuilder().title("Straße").build();

        assertThat(PhotoRows.changes(photo, renamed)).containsOnlyKeys(Photos.TITLE, Photos.TITLE_FOLD)
                .containsEntry(Photos.TITLE_FOLD, "strasse");
    }
}
