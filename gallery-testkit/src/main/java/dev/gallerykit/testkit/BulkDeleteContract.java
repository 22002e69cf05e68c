package dev.gallerykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.Owners.PurgeReport;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Deleting an album with everything in it, and purging everything an owner has ({@code Owners}):
 * repeatable, and nothing of anybody else goes.
 */
abstract class BulkDeleteContract extends GalleryCase {

    @Test
    @DisplayName("deleting an album removes every photo and blob in it, and nothing of other albums")
    void deleteAlbum() {
        Album doomed = anAlbum(alice, "Doomed");
        Album kept = anAlbum(alice, "Kept");
        for (int i = 0; i < 3; i++) {
            upload(alice, doomed.id(), PhotoFixtures.aJpeg(64, 48, 300 + i));
        }
        Photo survivor = upload(alice, kept.id(), PhotoFixtures.aJpeg(64, 48, 400));

        gallery.albums().delete(alice, doomed.id());
        gallery.albums().delete(alice, doomed.id());

        assertThatThrownBy(() -> gallery.albums().get(alice, doomed.id())).isInstanceOf(NotFoundException.class);
        assertThat(photosOf(alice)).containsExactly(survivor);
        assertThat(blobKeysOf(alice)).containsExactlyInAnyOrderElementsOf(blobKeysIn(survivor));
    }

    @Test
    @DisplayName("purging an owner removes all their albums, photos and blobs, and nobody else's")
    void purgeOwner() {
        for (int a = 0; a < 2; a++) {
            Album album = anAlbum(alice, "Album " + a);
            for (int p = 0; p < 2; p++) {
                upload(alice, album.id(), PhotoFixtures.aJpeg(64, 48, 500 + a * 10 + p));
            }
        }
        Album bobs = anAlbum(bob, "Bob's");
        Photo bobsPhoto = upload(bob, bobs.id(), PhotoFixtures.aJpeg(64, 48, 600));

        PurgeReport report = gallery.owners().purge(alice);
        PurgeReport again = gallery.owners().purge(alice);

        assertThat(report).isEqualTo(new PurgeReport(2, 4, 12));
        assertThat(again).isEqualTo(new PurgeReport(0, 0, 0));
        assertThat(gallery.albums().list(alice, PageRequest.first(10)).items()).isEmpty();
        assertNothingStoredFor(alice);
        assertThat(gallery.photos().get(bob, bobsPhoto.id())).isEqualTo(bobsPhoto);
        assertThat(blobKeysOf(bob)).containsExactlyInAnyOrderElementsOf(blobKeysIn(bobsPhoto));
    }
}
