package dev.gallerykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.memory.InMemoryAlbumRepository;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.memory.InMemoryPhotoRepository;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("An upload")
class UploadTest {

    private static InputStream someBytes() {
        return new ByteArrayInputStream(new byte[] {1, 2, 3});
    }

    private static Consumer<InvalidInputException> naming(String field) {
        return e -> assertThat(e.field()).isEqualTo(field);
    }

    private static void assertRejected(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, naming(field));
    }

    @Nested
    @DisplayName("is refused when it is made")
    class WhenMade {

        @Test
        @DisplayName("without a file name, naming fileName")
        void withoutFileName() {
            assertRejected(() -> Upload.of(someBytes(), null), "fileName");
            assertRejected(() -> Upload.builder().content(someBytes()).build(), "fileName");
        }

        @Test
        @DisplayName("without content, naming content")
        void withoutContent() {
            assertRejected(() -> Upload.of(null, "beach.jpg"), "content");
            assertRejected(() -> Upload.of(u -> u.fileName("beach.jpg")), "content");
        }

        @Test
        @DisplayName("without a tag list, or with a null tag in it, naming tags")
        void withNullTags() {
            assertRejected(() -> Upload.of(u -> u.content(someBytes()).fileName("beach.jpg").tags(null)), "tags");
            assertRejected(() -> Upload.of(u -> u.content(someBytes()).fileName("beach.jpg")
                    .tags(Arrays.asList("sea", null))), "tags");
        }
    }

    @Test
    @DisplayName("takes an absent title or description as not given")
    void absentOptionalFields() {
        Upload upload = Upload.of(u -> u.content(someBytes()).fileName("beach.jpg").title(null).description(null));

        assertThat(upload.title()).isEmpty();
        assertThat(upload.description()).isEmpty();
        assertThat(upload.tags()).isEmpty();
        assertThat(new Upload(someBytes(), "beach.jpg", null, null, List.of("sea")).title()).isEmpty();
    }

    @Nested
    @DisplayName("sent to the gallery")
    class ThroughTheGallery {

        private final InMemoryBlobStore blobs = new InMemoryBlobStore();
        private final InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
        private final Gallery gallery = Gallery.builder().albums(albums)
                .photos(new InMemoryPhotoRepository(albums)).blobs(blobs).build();
        private final UserId owner = UserId.of(UUID.randomUUID());
        private final Album album = gallery.albums().create(owner, "Beach", "");

        @Test
        @DisplayName("without a file name is rejected naming fileName, and nothing is stored")
        void withoutFileNameStoresNothing() {
            assertRejected(() -> gallery.photos().upload(owner, album.id(), Upload.of(u -> u.content(someBytes()))),
                    "fileName");

            assertNothingStored();
        }

        @Test
        @DisplayName("with a file name that names no file is rejected naming fileName, and nothing is stored")
        void withBlankOrDirectoryFileNameStoresNothing() {
            for (String name : List.of("", "   ", "photos/", "..")) {
                assertRejected(() -> gallery.photos().upload(owner, album.id(), Upload.of(someBytes(), name)),
                        "fileName");
            }

            assertNothingStored();
        }

        private void assertNothingStored() {
            assertThat(gallery.photos().list(owner, album.id(), PageRequest.first(10)).items()).isEmpty();
            assertThat(blobs.list("", 10, Optional.empty()).items()).isEmpty();
        }
    }
}
