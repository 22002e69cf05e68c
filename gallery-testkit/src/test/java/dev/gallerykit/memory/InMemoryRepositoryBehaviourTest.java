package dev.gallerykit.memory;

import static dev.gallerykit.testkit.contract.Records.aPhoto;
import static dev.gallerykit.testkit.contract.Records.aUser;
import static dev.gallerykit.testkit.contract.Records.anAlbum;
import static dev.gallerykit.testkit.contract.Records.anOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.spi.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the in-memory repositories do beyond the contracts: exact pages, their positions, messages. */
class InMemoryRepositoryBehaviourTest {

    private final InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
    private final InMemoryPhotoRepository photos = new InMemoryPhotoRepository(albums);
    private final InMemoryUserRepository users = new InMemoryUserRepository();

    private static <T> List<Slice<T>> allSlices(Function<Optional<String>, Slice<T>> fetch) {
        List<Slice<T>> slices = new ArrayList<>();
        Optional<String> position = Optional.empty();
        do {
            Slice<T> slice = fetch.apply(position);
            slices.add(slice);
            position = slice.next();
        } while (position.isPresent() && slices.size() < 100);
        return slices;
    }

    private static void assertInvalid(String field, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.field()).isEqualTo(field));
    }

    @Nested
    @DisplayName("Pages")
    class Pages {

        @Test
        @DisplayName("are full until the last, and only pages with more after them have a position")
        void pagesAreFullAndTheLastHasNoPosition() {
            UserId owner = anOwner();
            AlbumId album = albums.create(anAlbum(owner)).id();
            for (int i = 0; i < 24; i++) {
                albums.create(anAlbum(owner));
                photos.create(aPhoto(owner, album));
            }
            photos.create(aPhoto(owner, album));

            List<Slice<?>> all = new ArrayList<>();
            all.addAll(allSlices(after -> albums.list(owner, 10, after)));
            all.addAll(allSlices(after -> photos.listByAlbum(owner, album, 10, after)));

            assertThat(all).extracting(slice -> slice.items().size()).containsExactly(10, 10, 5, 10, 10, 5);
            assertThat(all).extracting(slice -> slice.next().isPresent())
                    .containsExactly(true, true, false, true, true, false);
        }

        @Test
        @DisplayName("of exactly the limit have no position: the store looks one item ahead")
        void anExactlyFullPageHasNoPositionWhenNothingFollows() {
            UserId owner = anOwner();
            for (int i = 0; i < 10; i++) {
                albums.create(anAlbum(owner));
            }

            assertThat(albums.list(owner, 10, Optional.empty()).next()).isEmpty();
        }

        @Test
        @DisplayName("have the last item's id as position")
        void thePositionIsTheLastId() {
            UserId owner = anOwner();
            albums.create(anAlbum(owner));
            var second = albums.create(anAlbum(owner));
            albums.create(anAlbum(owner));

            assertThat(albums.list(owner, 2, Optional.empty()).next()).contains(second.id().toString());
        }

        @Test
        @DisplayName("refuse a position that is not an id, naming the cursor")
        void aMalformedPositionIsInvalidInputNamingCursor() {
            UserId owner = anOwner();
            Optional<String> junk = Optional.of("not-a-position");

            assertInvalid("cursor", () -> albums.list(owner, 10, junk));
            assertInvalid("cursor", () -> albums.search(owner, "x", 10, junk));
            assertInvalid("cursor", () -> photos.listByAlbum(owner, new AlbumId(UUID.randomUUID()), 10, junk));
            assertInvalid("cursor", () -> photos.search(owner, PhotoQuery.builder().build(), 10, junk));
        }

        @Test
        @DisplayName("refuse a limit below 1")
        void aLimitBelowOneIsInvalidInput() {
            assertInvalid("limit", () -> albums.list(anOwner(), 0, Optional.empty()));
            assertInvalid("limit", () -> photos.search(anOwner(), PhotoQuery.builder().build(), -1, Optional.empty()));
        }
    }

    @Nested
    @DisplayName("A duplicate email")
    class DuplicateEmail {

        @Test
        @DisplayName("is reported as already registered, without the other account's details")
        void theConflictSaysAlreadyRegistered() {
            User first = users.create(aUser());

            assertThatThrownBy(() -> users.create(aUser(first.email())))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("already registered")
                    .message().doesNotContain(first.id().toString(), first.email());
        }
    }
}
