package dev.gallerykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.DirectUpload;
import dev.gallerykit.DirectUploadRequest;
import dev.gallerykit.Gallery;
import dev.gallerykit.IssuedLink;
import dev.gallerykit.LinkSettings;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumRole;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.AccessDeniedException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.PhotoClaims;
import dev.gallerykit.testkit.contract.Race;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Memberships changing while members use them, many threads at once and many rounds, through the
 * public API on the fixture's stores. A revoke racing a contributor's uploads leaves exactly the
 * photos whose uploads answered with a photo, and nothing of the refused ones; an album deleted while
 * members upload into it and the owner shares it leaves no photo, blob or membership behind (I3, I6),
 * and one deleted while visitors use its links and the owner makes more leaves no link (I6).
 */
abstract class SharingRaces extends GalleryCase {

    private static final int CONTENDERS = 6;
    private static final int ROUNDS = 8;

    private Invariants invariants;

    @BeforeEach
    void checkTheStores() {
        invariants = Invariants.over(albums, photos, blobs);
    }

    @Test
    @DisplayName("a revoke racing a contributor's uploads keeps exactly the uploads that answered with a photo")
    void revokeRacingUploads() throws InterruptedException {
        Album album = anAlbum(alice, "Family");
        Set<Object> answeredWithAPhoto = new HashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            gallery.sharing().share(alice, album.id(), bob, AlbumRole.CONTRIBUTOR, false);
            int current = round;

            Race.Results<Object> results = Race.run(CONTENDERS, contender -> {
                if (contender == 0) {
                    gallery.sharing().unshare(alice, album.id(), bob);
                    return "revoked";
                }
                return upload(bob, album.id(), file(current, contender));
            });

            results.wins().stream().filter(Photo.class::isInstance).map(Photo.class::cast)
                    .forEach(photo -> answeredWithAPhoto.add(photo.id()));
            assertThat(results.failures()).as("round %d: refused uploads", round)
                    .withFailMessage(() -> "round " + current + ": unexpected failures\n" + results.failureTraces())
                    .allSatisfy(failure -> assertThat(failure).isInstanceOfAny(AccessDeniedException.class,
                            NotFoundException.class));
            assertThat(uploadsOf(bob)).as("round %d: the contributor's photos in the owner's album", round)
                    .containsExactlyInAnyOrderElementsOf(answeredWithAPhoto);
            assertNoStrayBlobs(round);
            assertThat(shares.findMember(album.id(), bob)).as("round %d: the membership", round).isEmpty();
            assertThatThrownBy(() -> upload(bob, album.id(), file(current, 0))).as("round %d: an upload after", round)
                    .isInstanceOf(NotFoundException.class);
        }
        invariants.assertHold(alice);
    }

    @Test
    @DisplayName("a revoke landing between the store's write and the check after it takes the upload back: the album is not found, as after the revoke")
    void revokeJustAfterTheWrite() {
        Album album = anAlbum(alice, "Family");
        gallery.sharing().share(alice, album.id(), bob, AlbumRole.CONTRIBUTOR, false);
        Gallery revoking = afterTheWrite(() -> gallery.sharing().unshare(alice, album.id(), bob));
        Fixture file = file(0, 1);

        assertThatThrownBy(() -> revoking.photos().upload(bob, album.id(), Upload.of(file.stream(), file.fileName())))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.kind()).isEqualTo("album"));

        assertNothingStoredFor(alice);
        assertThat(blobKeysOf(bob)).as("blobs under the uploader's prefix").isEmpty();
    }

    @Test
    @DisplayName("a demotion to viewer landing between the store's write and the check after it takes the upload back: access denied")
    void demotionJustAfterTheWrite() {
        Album album = anAlbum(alice, "Family");
        gallery.sharing().share(alice, album.id(), bob, AlbumRole.CONTRIBUTOR, false);
        Gallery demoting = afterTheWrite(() -> gallery.sharing().share(alice, album.id(), bob, AlbumRole.VIEWER, false));
        Fixture file = file(0, 3);

        assertThatThrownBy(() -> demoting.photos().upload(bob, album.id(), Upload.of(file.stream(), file.fileName())))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("made a viewer during the upload");

        assertNothingStoredFor(alice);
        assertThat(blobKeysOf(bob)).as("blobs under the uploader's prefix").isEmpty();
        assertThat(shares.findMember(album.id(), bob)).map(member -> member.role()).contains(AlbumRole.VIEWER);
    }

    @Test
    @DisplayName("the album deleted between a member's write and the check after it: the upload is taken back and the album is not found")
    void albumDeletedJustAfterTheWrite() {
        Album album = anAlbum(alice, "Family");
        gallery.sharing().share(alice, album.id(), bob, AlbumRole.CONTRIBUTOR, false);
        Gallery deleting = afterTheWrite(() -> gallery.albums().delete(alice, album.id()));
        Fixture file = file(0, 4);

        assertThatThrownBy(() -> deleting.photos().upload(bob, album.id(), Upload.of(file.stream(), file.fileName())))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.kind()).isEqualTo("album"));

        assertThat(albums.find(alice, album.id())).as("the album").isEmpty();
        assertNothingStoredFor(alice);
        assertThat(blobKeysOf(bob)).as("blobs under the uploader's prefix").isEmpty();
        assertThat(shares.listSharedWith(bob, 10, Optional.empty()).items()).as("I6, the membership").isEmpty();
    }

    @Test
    @DisplayName("a revoke landing during a contributor's direct-upload completion takes the photo back")
    void revokeDuringACompletion() {
        Album album = anAlbum(alice, "Family");
        gallery.sharing().share(alice, album.id(), bob, AlbumRole.CONTRIBUTOR, false);
        Gallery revoking = afterTheWrite(() -> gallery.sharing().unshare(alice, album.id(), bob));
        Fixture file = file(0, 2);
        DirectUpload upload = revoking.photos().startDirectUpload(bob, album.id(),
                DirectUploadRequest.of(file.fileName(), "image/jpeg", file.size()));
        presigned.put(upload.put(), file.bytes());

        assertThatThrownBy(() -> revoking.photos().completeDirectUpload(bob, upload.token()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.kind()).isEqualTo("album"));

        assertThat(photosOf(alice)).as("photo records in the owner's album").isEmpty();
        assertThat(blobKeysOf(alice)).as("blobs of the owner").isEmpty();
        assertThatThrownBy(() -> revoking.photos().completeDirectUpload(bob, upload.token()))
                .as("completing again once revoked").isInstanceOf(NotFoundException.class);
        assertThat(blobKeysOf(bob)).as("the uploaded object under the uploader's prefix").isEmpty();
    }

    @Test
    @DisplayName("deleting an album while members upload into it and the owner shares it leaves no photo, blob or membership")
    void deleteRacingUploadsAndShares() throws InterruptedException {
        for (int round = 0; round < ROUNDS; round++) {
            Album album = anAlbum(alice, "Doomed " + round);
            gallery.sharing().share(alice, album.id(), bob, AlbumRole.CONTRIBUTOR, false);
            List<UserId> invited = new ArrayList<>();
            for (int i = 0; i < CONTENDERS; i++) {
                invited.add(new UserId(UUID.randomUUID()));
            }
            int current = round;

            Race.Results<Object> results = Race.run(CONTENDERS, contender -> {
                if (contender == 0) {
                    gallery.albums().delete(alice, album.id());
                    return "deleted";
                }
                if (contender % 2 == 0) {
                    return gallery.sharing().share(alice, album.id(), invited.get(contender), AlbumRole.VIEWER, false);
                }
                return upload(bob, album.id(), file(current, contender));
            });

            // An upload stored just before the delete began, whose membership check came after the delete
            // removed the memberships, is taken back and refused as the album not found, like the others.
            assertThat(results.failures()).as("round %d", round)
                    .withFailMessage(() -> "round " + current + ": unexpected failures\n" + results.failureTraces())
                    .allSatisfy(failure -> assertThat(failure).isInstanceOf(NotFoundException.class));
            assertThat(albums.find(alice, album.id())).as("round %d: the album", round).isEmpty();
            assertThat(photosOf(alice)).as("round %d: I3, photos left", round).isEmpty();
            assertNoStrayBlobs(round);
            for (UserId member : invited) {
                assertThat(shares.listSharedWith(member, 10, Optional.empty()).items())
                        .as("round %d: I6, memberships of an invited user", round).isEmpty();
            }
            assertThat(shares.listSharedWith(bob, 10, Optional.empty()).items())
                    .as("round %d: I6, the contributor's memberships", round).isEmpty();
        }
        invariants.assertHold(alice);
    }

    @Test
    @DisplayName("deleting an album while visitors open its links and the owner makes more leaves no link behind")
    void deleteRacingLinkUse() throws InterruptedException {
        for (int round = 0; round < ROUNDS; round++) {
            Album album = anAlbum(alice, "Shown " + round);
            upload(alice, album.id(), file(round, 0));
            IssuedLink existing = gallery.sharing().createLink(alice, album.id(), LinkSettings.defaults());
            String ticket = gallery.links().open(existing.token(), Optional.empty()).ticket();
            List<String> tokens = Collections.synchronizedList(new ArrayList<>(List.of(existing.token())));
            int current = round;

            Race.Results<Object> results = Race.run(CONTENDERS, contender -> {
                switch (contender % 3) {
                    case 0:
                        if (contender == 0) {
                            gallery.albums().delete(alice, album.id());
                            return "deleted";
                        }
                        IssuedLink made = gallery.sharing().createLink(alice, album.id(), LinkSettings.defaults());
                        tokens.add(made.token());
                        return made;
                    case 1:
                        return gallery.links().open(existing.token(), Optional.empty());
                    default:
                        return gallery.links().photos(ticket, PageRequest.first(10));
                }
            });

            assertThat(results.failures()).as("round %d", round)
                    .withFailMessage(() -> "round " + current + ": unexpected failures\n" + results.failureTraces())
                    .allSatisfy(failure -> assertThat(failure).isInstanceOf(NotFoundException.class));
            for (String token : tokens) {
                assertThat(shares.findLinkByToken(sha256Of(token.getBytes(StandardCharsets.UTF_8))))
                        .as("round %d: I6, a link of the deleted album", round).isEmpty();
                assertThatThrownBy(() -> gallery.links().open(token, Optional.empty()))
                        .as("round %d: opening a link of the deleted album", round).isInstanceOf(NotFoundException.class);
            }
            assertThatThrownBy(() -> gallery.links().photos(ticket, PageRequest.first(10)))
                    .as("round %d: the ticket", round).isInstanceOf(NotFoundException.class);
        }
        assertThat(photosOf(alice)).as("I3").isEmpty();
        assertThat(blobKeysOf(alice)).isEmpty();
    }

    /** A gallery on the fixture's stores that runs {@code meanwhile} right after the store writes a new photo. */
    private Gallery afterTheWrite(Runnable meanwhile) {
        return gallery(b -> b.photos(new ForwardingPhotoRepository(photos) {
            @Override
            public Photo create(Photo photo, PhotoClaims claims) {
                Photo created = super.create(photo, claims);
                meanwhile.run();
                return created;
            }
        }));
    }

    private static Fixture file(int round, int contender) {
        return PhotoFixtures.aJpeg(64, 48, 70_000L + round * 100L + contender);
    }

    /** The ids of the photos in alice's albums that {@code uploader} uploaded, straight from the store. */
    private Set<Object> uploadsOf(UserId uploader) {
        return photosOf(alice).stream().filter(photo -> photo.uploaderId().equals(uploader)).map(Photo::id)
                .collect(Collectors.toSet());
    }

    private void assertNoStrayBlobs(int round) {
        assertThat(blobKeysOf(alice)).as("round %d: blobs of the owner beyond those its records list", round)
                .containsExactlyInAnyOrderElementsOf(referencedKeys(photosOf(alice)));
        assertThat(blobKeysOf(bob)).as("round %d: blobs under the contributor's prefix", round).isEmpty();
    }

    private static Set<String> referencedKeys(Collection<Photo> photos) {
        return photos.stream().flatMap(photo -> blobKeysIn(photo).stream()).collect(Collectors.toCollection(HashSet::new));
    }
}
