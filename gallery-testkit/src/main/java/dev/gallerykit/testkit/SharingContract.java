package dev.gallerykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.Gallery;
import dev.gallerykit.PhotoUpdate;
import dev.gallerykit.SharedAlbum;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumRole;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.AccessDeniedException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Album members through the use cases, on the fixture's stores: what the owner, a contributor, a
 * viewer and a stranger may do, and how revoke, leave and album delete end a membership.
 */
abstract class SharingContract {

    /** The fixture GalleryContract built for the running test. */
    abstract GalleryFixture fixture();

    private UserId owner;
    private UserId contributor;
    private final UserId viewer = new UserId(UUID.randomUUID());
    private final UserId stranger = new UserId(UUID.randomUUID());
    private final PageRequest all = PageRequest.first(50);

    private Gallery gallery;
    private ShareRepository shares;
    private Album album;
    private Photo ownersPhoto;

    @BeforeEach
    void shareAnAlbum() {
        GalleryFixture fixture = fixture();
        owner = fixture.alice();
        contributor = fixture.bob();
        shares = fixture.shares();
        gallery = fixture.gallery();
        album = gallery.albums().create(owner, "Family", "");
        ownersPhoto = upload(owner, 1);
        gallery.sharing().share(owner, album.id(), contributor, AlbumRole.CONTRIBUTOR, false);
        gallery.sharing().share(owner, album.id(), viewer, AlbumRole.VIEWER, true);
    }

    private Photo upload(UserId actor, long seed) {
        return gallery.photos().upload(actor, album.id(),
                Upload.of(PhotoFixtures.aJpeg(64, 48, seed).stream(), "p" + seed + ".jpg"));
    }

    @Test
    @DisplayName("members see the album and its photos; a stranger gets not found")
    void reading() {
        for (UserId member : List.of(contributor, viewer)) {
            assertThat(gallery.albums().get(member, album.id())).isEqualTo(album);
            assertThat(gallery.photos().get(member, ownersPhoto.id())).isEqualTo(ownersPhoto);
            assertThat(gallery.photos().list(member, album.id(), all).items()).containsExactly(ownersPhoto);
            assertThat(gallery.photos().url(member, ownersPhoto.id(), Derivative.thumbnailName(256), Duration.ofMinutes(1)))
                    .isNotNull();
        }
        assertThatThrownBy(() -> gallery.albums().get(stranger, album.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> gallery.photos().get(stranger, ownersPhoto.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> gallery.photos().list(stranger, album.id(), all)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> gallery.sharing().share(stranger, album.id(), viewer, AlbumRole.VIEWER, false))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("originals only for a membership that allows them")
    void originals() {
        assertThat(gallery.photos().open(viewer, ownersPhoto.id(), Derivative.ORIGINAL).content()).isNotNull();
        assertThatThrownBy(() -> gallery.photos().open(contributor, ownersPhoto.id(), Derivative.ORIGINAL))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("renditions only");
    }

    @Test
    @DisplayName("a contributor's upload belongs to the owner and records its uploader; they edit and delete it, not others'")
    void contributing() {
        Photo theirs = upload(contributor, 2);

        assertThat(theirs.ownerId()).isEqualTo(owner);
        assertThat(theirs.uploaderId()).isEqualTo(contributor);
        assertThat(gallery.photos().list(owner, album.id(), all).items()).extracting(Photo::id)
                .containsExactlyInAnyOrder(ownersPhoto.id(), theirs.id());
        assertThat(gallery.photos().update(contributor, theirs.id(), PhotoUpdate.of(u -> u.title("Mine"))).title()).isEqualTo("Mine");
        assertThatThrownBy(() -> gallery.photos().update(contributor, ownersPhoto.id(), PhotoUpdate.of(u -> u.title("Not mine"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> gallery.photos().delete(contributor, ownersPhoto.id()))
                .isInstanceOf(AccessDeniedException.class);
        gallery.photos().delete(contributor, theirs.id());
        assertThatThrownBy(() -> gallery.photos().get(owner, theirs.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("a viewer writes nothing and only the owner manages the album; each refusal changes nothing")
    void refusals() {
        assertThatThrownBy(() -> upload(viewer, 3)).isInstanceOf(AccessDeniedException.class);
        for (UserId member : List.of(contributor, viewer)) {
            assertThatThrownBy(() -> gallery.albums().rename(member, album.id(), "Mine"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> gallery.albums().setCover(member, album.id(), ownersPhoto.id()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> gallery.albums().delete(member, album.id()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> gallery.sharing().share(member, album.id(), stranger, AlbumRole.VIEWER, false))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> gallery.sharing().members(member, album.id(), all))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(gallery.albums().get(owner, album.id())).isEqualTo(album);
        assertThat(gallery.photos().list(owner, album.id(), all).items()).containsExactly(ownersPhoto);
    }

    @Test
    @DisplayName("a search of what is shared with me covers every shared album, page after page, and nothing else")
    void searchingSharedAlbums() {
        Album bobs = gallery.albums().create(contributor, "Bob's", "");
        List<Photo> tagged = List.of(tagged(contributor, bobs, 10, "tram"), tagged(contributor, bobs, 11, "tram"),
                tagged(owner, album, 12, "tram"));
        tagged(contributor, bobs, 13, "bus");
        gallery.sharing().share(contributor, bobs.id(), viewer, AlbumRole.VIEWER, false);
        Album hidden = gallery.albums().create(contributor, "Not shared", "");
        tagged(contributor, hidden, 14, "tram");

        List<Photo> found = new java.util.ArrayList<>();
        PageRequest page = PageRequest.first(1);
        PhotoQuery trams = PhotoQuery.of(q -> q.tags("tram"));
        for (int pages = 0; pages < 10; pages++) {
            var result = gallery.photos().searchSharedWithMe(viewer, trams, page);
            found.addAll(result.items());
            if (result.nextCursor().isEmpty()) {
                break;
            }
            page = new PageRequest(1, result.nextCursor());
        }

        assertThat(found).extracting(Photo::id).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(tagged.stream().map(Photo::id).toList());
        assertThat(gallery.photos().searchSharedWithMe(viewer, PhotoQuery.builder().build(), all).items())
                .as("everything shared with the viewer").hasSize(5);
        assertThat(gallery.photos().searchSharedWithMe(stranger, trams, all).items()).isEmpty();
        assertThat(gallery.photos().searchSharedWithMe(owner, trams, all).items()).as("the owner's own albums are not shared with them")
                .isEmpty();
    }

    private Photo tagged(UserId actor, Album into, long seed, String tag) {
        return gallery.photos().upload(actor, into.id(), Upload.builder()
                .content(PhotoFixtures.aJpeg(64, 48, seed).stream()).fileName("t" + seed + ".jpg").tags(List.of(tag)).build());
    }

    @Test
    @DisplayName("members list what is shared with them; revoke, leave and album delete end it")
    void lifecycle() {
        assertThat(gallery.sharing().sharedWithMe(viewer, all).items()).extracting(SharedAlbum::album)
                .containsExactly(album);
        assertThat(gallery.sharing().members(owner, album.id(), all).items()).hasSize(2);

        gallery.sharing().unshare(owner, album.id(), viewer);
        gallery.sharing().leave(contributor, album.id());

        assertThat(gallery.sharing().sharedWithMe(viewer, all).items()).isEmpty();
        assertThatThrownBy(() -> gallery.albums().get(viewer, album.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> upload(contributor, 4)).isInstanceOf(NotFoundException.class);

        gallery.sharing().share(owner, album.id(), viewer, AlbumRole.VIEWER, false);
        gallery.albums().delete(owner, album.id());
        assertThat(shares.listSharedWith(viewer, 10, java.util.Optional.empty()).items()).isEmpty();
    }
}
