package dev.gallerykit.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoStatus;
import dev.gallerykit.domain.Processing;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.dynamodb.Items.PhotoItem;
import dev.gallerykit.testkit.contract.Records;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A photo's item and back: every field as it was, the common values shared rather than made again. */
class MappersTest {

    private final UserId owner = Records.anOwner();
    private final AlbumId album = new AlbumId(UUID.randomUUID());

    @Test
    @DisplayName("a photo with every optional field comes back from its item equal")
    void fullyDescribed() {
        Photo photo = Records.aFullyDescribedPhoto(owner, album).toBuilder()
                .processing(new Processing(PhotoStatus.FAILED, 3, Optional.of("cannot decode"))).build();

        assertThat(Mappers.toPhoto(Mappers.toItem(photo))).isEqualTo(photo);
    }

    @Test
    @DisplayName("a photo with only the required fields comes back equal, READY and its owner shared, not copied")
    void required() {
        Photo photo = Records.aPhoto(owner, album);

        Photo read = Mappers.toPhoto(Mappers.toItem(photo));

        assertThat(read).isEqualTo(photo);
        assertThat(read.processing()).isSameAs(Processing.READY);
        assertThat(read.uploaderId()).isSameAs(read.ownerId());
    }

    @Test
    @DisplayName("an item written before processing and uploaders were stored reads as a ready photo of its owner")
    void olderItem() {
        Photo photo = Records.aPhoto(owner, album);
        PhotoItem item = Mappers.toItem(photo);
        item.processing = null;
        item.attempts = null;
        item.failure = null;
        item.uploader = null;
        item.description = null;

        Photo read = Mappers.toPhoto(item);

        assertThat(read).isEqualTo(photo);
        assertThat(read.processing()).isSameAs(Processing.READY);
    }

    @Test
    @DisplayName("a photo waiting for a worker keeps its status and tries")
    void processing() {
        Photo photo = Records.aPhoto(owner, album).toBuilder().processing(new Processing(PhotoStatus.PROCESSING, 2,
                Optional.empty())).build();

        assertThat(Mappers.toPhoto(Mappers.toItem(photo)).processing()).isEqualTo(photo.processing());
    }
}
