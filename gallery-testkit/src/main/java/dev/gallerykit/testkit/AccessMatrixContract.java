package dev.gallerykit.testkit;

import static dev.gallerykit.testkit.AccessMatrixContract.Outcome.DENIED;
import static dev.gallerykit.testkit.AccessMatrixContract.Outcome.DONE;
import static dev.gallerykit.testkit.AccessMatrixContract.Outcome.NOTHING;
import static dev.gallerykit.testkit.AccessMatrixContract.Outcome.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.AlbumUpdate;
import dev.gallerykit.Gallery;
import dev.gallerykit.LinkSettings;
import dev.gallerykit.Upload;
import dev.gallerykit.DirectUploadRequest;
import dev.gallerykit.PhotoUpdate;
import dev.gallerykit.SharedAlbum;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumMember;
import dev.gallerykit.domain.AlbumRole;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.ShareLink;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.AccessDeniedException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every use case on an album and its photos, called by each of the four kinds of caller, on the
 * fixture's stores. The album's owner may do everything; a contributor (renditions only) may also
 * upload and change or delete what they uploaded; a viewer (originals allowed) only reads; a stranger
 * sees nothing. Each cell says what the call must do: take effect, refuse with
 * {@link AccessDeniedException}, answer {@link NotFoundException} as for something that does not
 * exist, or quietly leave things as they are (an idempotent delete, a listing without it). Whatever
 * does not take effect changes nothing on the stores: the album, its photos, their blobs, the
 * album's members and its links are as before. What visitors holding a link may do is
 * {@link LinkContract}'s matrix.
 */
abstract class AccessMatrixContract extends GalleryCase {

    /** Who calls. */
    enum Role { OWNER, CONTRIBUTOR, VIEWER, STRANGER }

    /** What a call must do. */
    enum Outcome {
        /** Takes effect, or sees what it reads. */
        DONE,
        /** Answers without an error but changes or shows nothing of the album. */
        NOTHING,
        /** Refused with an AccessDeniedException. */
        DENIED,
        /** Refused with a NotFoundException, exactly as for an unknown album or photo. */
        NOT_FOUND
    }

    /** A use case; answers whether it took effect (or saw the album's photo) for the caller. */
    @FunctionalInterface
    interface Call {
        boolean by(Scene scene, UserId actor);
    }

    /** One row of the matrix: a use case and what each role gets. */
    record UseCase(String name, Call call, Map<Role, Outcome> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The album under test: shared with a contributor and a viewer, with a photo by each writer. */
    record Scene(Gallery gallery, Album album, Album otherAlbum, Photo ownersPhoto, Photo contributorsPhoto, ShareLink link,
                 UserId owner,
                 UserId contributor, UserId viewer, UserId stranger) {
        UserId as(Role role) {
            return switch (role) {
                case OWNER -> owner;
                case CONTRIBUTOR -> contributor;
                case VIEWER -> viewer;
                case STRANGER -> stranger;
            };
        }
    }

    /** What the stores hold for the scene's album, compared before and after a call that must change nothing. */
    private record State(Album album, List<Photo> photos, List<String> blobs, List<AlbumMember> members,
                         List<ShareLink> links) {
    }

    private static final PageRequest ALL = PageRequest.first(50);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private Scene scene;

    @BeforeEach
    void shareAnAlbum() {
        UserId viewer = new UserId(UUID.randomUUID());
        Album album = anAlbum(alice, "Family");
        Album other = anAlbum(alice, "Elsewhere");
        Photo ownersPhoto = upload(alice, album.id(), PhotoFixtures.aJpeg(64, 48, 1));
        gallery.sharing().share(alice, album.id(), bob, AlbumRole.CONTRIBUTOR, false);
        gallery.sharing().share(alice, album.id(), viewer, AlbumRole.VIEWER, true);
        Photo contributorsPhoto = upload(bob, album.id(), PhotoFixtures.aJpeg(64, 48, 2));
        ShareLink link = gallery.sharing().createLink(alice, album.id(), LinkSettings.defaults()).link();
        scene = new Scene(gallery, gallery.albums().get(alice, album.id()), other, ownersPhoto, contributorsPhoto, link,
                alice, bob,
                viewer, new UserId(UUID.randomUUID()));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cells = new ArrayList<>();
        for (UseCase useCase : useCases()) {
            useCase.expected().forEach((role, outcome) -> cells.add(Arguments.of(useCase, role, outcome)));
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} by the {1}: {2}")
    @MethodSource("matrix")
    void eachUseCaseByEachCaller(UseCase useCase, Role role, Outcome expected) {
        State before = state();
        Outcome actual;
        try {
            actual = useCase.call().by(scene, scene.as(role)) ? DONE : NOTHING;
        } catch (AccessDeniedException e) {
            actual = DENIED;
        } catch (NotFoundException e) {
            actual = NOT_FOUND;
        }

        assertThat(actual).as("%s by the %s", useCase, role).isEqualTo(expected);
        if (actual != DONE) {
            assertThat(state()).as("what the stores hold after %s by the %s", useCase, role).isEqualTo(before);
        }
    }

    private State state() {
        List<Photo> inAlbum = photos.listByAlbum(alice, scene.album().id(), 100, Optional.empty()).items();
        return new State(albums.find(alice, scene.album().id()).orElse(null), inAlbum, blobKeysOf(alice).stream().sorted().toList(),
                shares.listMembers(alice, scene.album().id(), 100, Optional.empty()).items(),
                shares.listLinks(alice, scene.album().id(), 100, Optional.empty()).items());
    }

    private static List<UseCase> useCases() {
        return List.of(
                row("albums.get", (s, actor) -> s.gallery().albums().get(actor, s.album().id()).equals(s.album()),
                        DONE, DONE, DONE, NOT_FOUND),
                row("albums.list", (s, actor) -> s.gallery().albums().list(actor, ALL).items().contains(s.album()),
                        DONE, NOTHING, NOTHING, NOTHING),
                row("albums.rename", (s, actor) -> s.gallery().albums().rename(actor, s.album().id(), "Renamed") != null,
                        DONE, DENIED, DENIED, NOT_FOUND),
                row("albums.describe", (s, actor) -> s.gallery().albums().describe(actor, s.album().id(), "Ours") != null,
                        DONE, DENIED, DENIED, NOT_FOUND),
                row("albums.update", (s, actor) -> s.gallery().albums().update(actor, s.album().id(),
                        AlbumUpdate.of(u -> u.name("Renamed"))) != null,
                        DONE, DENIED, DENIED, NOT_FOUND),
                row("albums.setCover", (s, actor) -> s.gallery().albums().setCover(actor, s.album().id(),
                        s.ownersPhoto().id()).cover().isPresent(),
                        DONE, DENIED, DENIED, NOT_FOUND),
                row("albums.clearCover", (s, actor) -> s.gallery().albums().clearCover(actor, s.album().id()) != null,
                        DONE, DENIED, DENIED, NOT_FOUND),
                row("albums.delete", (s, actor) -> {
                    s.gallery().albums().delete(actor, s.album().id());
                    return s.gallery().albums().list(s.owner(), ALL).items().stream()
                            .noneMatch(album -> album.id().equals(s.album().id()));
                }, DONE, DENIED, DENIED, NOTHING),
                row("photos.upload", (s, actor) -> {
                    Photo photo = upload(s, actor, 3);
                    return photo.ownerId().equals(s.owner()) && photo.uploaderId().equals(actor);
                }, DONE, DONE, DENIED, NOT_FOUND),
                row("photos.startDirectUpload", (s, actor) -> s.gallery().photos().startDirectUpload(actor, s.album().id(),
                        DirectUploadRequest.of("direct.jpg", "image/jpeg", 1000)) != null,
                        DONE, DONE, DENIED, NOT_FOUND),
                row("photos.get", (s, actor) -> s.gallery().photos().get(actor, s.ownersPhoto().id()).equals(s.ownersPhoto()),
                        DONE, DONE, DONE, NOT_FOUND),
                row("photos.list", (s, actor) -> s.gallery().photos().list(actor, s.album().id(), ALL).items()
                        .contains(s.ownersPhoto()),
                        DONE, DONE, DONE, NOT_FOUND),
                row("photos.search in the album", (s, actor) -> s.gallery().photos().search(actor,
                        PhotoQuery.of(q -> q.album(s.album().id())), ALL).items().contains(s.ownersPhoto()),
                        DONE, DONE, DONE, NOTHING),
                row("photos.search everywhere", (s, actor) -> s.gallery().photos().search(actor,
                        PhotoQuery.builder().build(), ALL).items().contains(s.ownersPhoto()),
                        DONE, NOTHING, NOTHING, NOTHING),
                row("photos.searchSharedWithMe", (s, actor) -> s.gallery().photos().searchSharedWithMe(actor,
                        PhotoQuery.builder().build(), ALL).items().contains(s.ownersPhoto()),
                        NOTHING, DONE, DONE, NOTHING),
                row("photos.url of a thumbnail", (s, actor) -> s.gallery().photos().url(actor, s.ownersPhoto().id(),
                        Derivative.thumbnailName(256), MINUTE) != null,
                        DONE, DONE, DONE, NOT_FOUND),
                row("photos.url of the original", (s, actor) -> s.gallery().photos().url(actor, s.ownersPhoto().id(),
                        Derivative.ORIGINAL, MINUTE) != null,
                        DONE, DENIED, DONE, NOT_FOUND),
                row("photos.open of a thumbnail", (s, actor) -> bytesOf(s.gallery().photos().open(actor,
                        s.ownersPhoto().id(), Derivative.thumbnailName(256))).length > 0,
                        DONE, DONE, DONE, NOT_FOUND),
                row("photos.open of the original", (s, actor) -> bytesOf(s.gallery().photos().open(actor,
                        s.ownersPhoto().id(), Derivative.ORIGINAL)).length > 0,
                        DONE, DENIED, DONE, NOT_FOUND),
                row("photos.update of the owner's photo", (s, actor) -> s.gallery().photos().update(actor,
                        s.ownersPhoto().id(), PhotoUpdate.of(u -> u.title("Changed"))).title().equals("Changed"),
                        DONE, DENIED, DENIED, NOT_FOUND),
                row("photos.update of the contributor's photo", (s, actor) -> s.gallery().photos().update(actor,
                        s.contributorsPhoto().id(), PhotoUpdate.of(u -> u.title("Changed"))).title().equals("Changed"),
                        DONE, DONE, DENIED, NOT_FOUND),
                row("photos.delete of the owner's photo", (s, actor) -> deleted(s, actor, s.ownersPhoto()),
                        DONE, DENIED, DENIED, NOTHING),
                row("photos.delete of the contributor's photo", (s, actor) -> deleted(s, actor, s.contributorsPhoto()),
                        DONE, DONE, DENIED, NOTHING),
                row("photos.move to another of the owner's albums", (s, actor) -> s.gallery().photos().move(actor,
                        s.ownersPhoto().id(), s.otherAlbum().id()).albumId().equals(s.otherAlbum().id()),
                        DONE, DENIED, DENIED, NOT_FOUND),
                row("sharing.share", (s, actor) -> s.gallery().sharing().share(actor, s.album().id(),
                        new UserId(UUID.randomUUID()), AlbumRole.VIEWER, false) != null,
                        DONE, DENIED, DENIED, NOT_FOUND),
                row("sharing.members", (s, actor) -> s.gallery().sharing().members(actor, s.album().id(), ALL).items()
                        .size() == 2,
                        DONE, DENIED, DENIED, NOT_FOUND),
                row("sharing.unshare of the viewer", (s, actor) -> {
                    s.gallery().sharing().unshare(actor, s.album().id(), s.viewer());
                    return true;
                }, DONE, DENIED, DENIED, NOT_FOUND),
                row("sharing.createLink", (s, actor) -> s.gallery().sharing().createLink(actor, s.album().id(),
                        LinkSettings.defaults()).token() != null,
                        DONE, DENIED, DENIED, NOT_FOUND),
                row("sharing.links", (s, actor) -> s.gallery().sharing().links(actor, s.album().id(), ALL).items()
                        .contains(s.link()),
                        DONE, DENIED, DENIED, NOT_FOUND),
                row("sharing.revokeLink", (s, actor) -> s.gallery().sharing().revokeLink(actor, s.album().id(),
                        s.link().id()).revokedAt().isPresent(),
                        DONE, DENIED, DENIED, NOT_FOUND),
                row("sharing.sharedWithMe", (s, actor) -> s.gallery().sharing().sharedWithMe(actor, ALL).items().stream()
                        .map(SharedAlbum::album).anyMatch(album -> album.id().equals(s.album().id())),
                        NOTHING, DONE, DONE, NOTHING),
                row("sharing.leave", (s, actor) -> {
                    s.gallery().sharing().leave(actor, s.album().id());
                    return s.gallery().sharing().members(s.owner(), s.album().id(), ALL).items().size() == 1;
                }, NOTHING, DONE, DONE, NOTHING));
    }

    private static Photo upload(Scene scene, UserId actor, long seed) {
        var file = PhotoFixtures.aJpeg(64, 48, seed);
        return scene.gallery().photos().upload(actor, scene.album().id(), Upload.of(file.stream(), file.fileName()));
    }

    /** Deletes the photo as the actor; answers whether it is gone for its owner. */
    private static boolean deleted(Scene scene, UserId actor, Photo photo) {
        scene.gallery().photos().delete(actor, photo.id());
        return scene.gallery().photos().list(scene.owner(), scene.album().id(), ALL).items().stream()
                .noneMatch(p -> p.id().equals(photo.id()));
    }

    private static UseCase row(String name, Call call, Outcome owner, Outcome contributor, Outcome viewer,
                               Outcome stranger) {
        Map<Role, Outcome> expected = new EnumMap<>(Role.class);
        expected.put(Role.OWNER, owner);
        expected.put(Role.CONTRIBUTOR, contributor);
        expected.put(Role.VIEWER, viewer);
        expected.put(Role.STRANGER, stranger);
        return new UseCase(name, call, expected);
    }
}
