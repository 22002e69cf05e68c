package dev.gallerykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.DirectUpload;
import dev.gallerykit.DirectUploadRequest;
import dev.gallerykit.DuplicatePolicy;
import dev.gallerykit.Gallery;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.DuplicatePhotoException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.testkit.contract.Race;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Uploads and direct-upload completions racing each other through the public API, many threads at
 * once and many rounds. After every round the photo invariants must hold on the store:
 * <ul>
 *   <li>I1: every blob a record lists exists;</li>
 *   <li>I4: with {@link DuplicatePolicy#REJECT}, at most one photo per owner and SHA-256;</li>
 *   <li>I5: the stored original has the SHA-256 its record names, whatever was PUT after completion.</li>
 * </ul>
 * Each round uses new bytes, so that rounds do not see each other as duplicates.
 */
abstract class PhotoRaceContract extends GalleryCase {

    private static final int CONTENDERS = 8;
    private static final int ROUNDS = 20;

    @ParameterizedTest(name = "duplicates {0}")
    @EnumSource(DuplicatePolicy.class)
    @DisplayName("completing one direct upload from many threads at once makes one photo whose blobs all exist")
    void concurrentCompletesOfOneUpload(DuplicatePolicy policy) throws InterruptedException {
        Gallery racing = gallery(b -> b.duplicates(policy));
        Album album = anAlbum(alice, "Retries");
        for (int round = 0; round < ROUNDS; round++) {
            Fixture file = aSmallJpeg(round);
            DirectUpload upload = start(racing, album, file);
            presigned.put(upload.put(), file.bytes());

            Race.Results<Photo> results = Race.run(CONTENDERS,
                    contender -> racing.photos().completeDirectUpload(alice, upload.token()));

            int current = round;
            assertThat(results.failures()).as("every retry of a completion succeeds")
                    .withFailMessage(() -> "round " + current + ": expected no failure, got\n" + results.failureTraces())
                    .isEmpty();
            assertThat(results.wins()).extracting(Photo::id).as("round %d: one photo", round)
                    .containsOnly(upload.photoId());
            assertThat(photosOf(alice)).as("round %d: records", round).hasSize(round + 1);
            assertInvariants(alice, round);
            assertThat(sha256Of(storedBytes(results.wins().get(0), "original"))).as("round %d", round)
                    .isEqualTo(sha256Of(file.bytes()));
        }
        assertThat(blobKeysOf(alice)).as("blobs beyond those the records list")
                .containsExactlyInAnyOrderElementsOf(referencedKeys(photosOf(alice)));
    }

    @Test
    @DisplayName("uploading the same bytes from many threads at once with REJECT stores one photo and no extra blob")
    void concurrentUploadsOfTheSameBytes() throws InterruptedException {
        Gallery rejecting = gallery(b -> b.duplicates(DuplicatePolicy.REJECT));
        Album album = anAlbum(alice, "Burst");
        for (int round = 0; round < ROUNDS; round++) {
            Fixture file = aSmallJpeg(round);

            Race.Results<Photo> results = Race.run(CONTENDERS, contender ->
                    rejecting.photos().upload(alice, album.id(), Upload.of(file.stream(), file.fileName())));

            assertThat(results.wins()).as("round %d: uploads that stored a photo", round).hasSize(1);
            Photo stored = results.wins().get(0);
            assertThat(results.failures()).as("round %d", round).allSatisfy(failure ->
                    assertThat(failure).isInstanceOfSatisfying(DuplicatePhotoException.class,
                            duplicate -> assertThat(duplicate.existing()).isEqualTo(stored.id())));
            assertThat(photosOf(alice)).as("round %d: I4, photos with these bytes", round)
                    .filteredOn(photo -> photo.sha256().equals(sha256Of(file.bytes()))).hasSize(1);
            assertInvariants(alice, round);
            assertThat(blobKeysOf(alice)).as("round %d: the refused uploads left no blob", round)
                    .containsExactlyInAnyOrderElementsOf(referencedKeys(photosOf(alice)));
        }
    }

    @Test
    @DisplayName("completions racing PUTs of other bytes never leave an original that differs from its record")
    void completesRacingPutsOfOtherBytes() throws InterruptedException {
        Album album = anAlbum(alice, "Swaps");
        for (int round = 0; round < ROUNDS; round++) {
            Fixture file = aSmallJpeg(round);
            byte[] first = withComment(file.bytes(), "first");
            byte[] other = withComment(file.bytes(), "other");
            DirectUpload upload = start(gallery, album, new Fixture(file.fileName(), first));
            presigned.put(upload.put(), first);

            Race.Results<Object> results = Race.run(CONTENDERS, contender -> {
                if (contender % 2 == 0) {
                    return gallery.photos().completeDirectUpload(alice, upload.token());
                }
                presigned.put(upload.put(), other);
                return "put";
            });

            List<Photo> completed = results.wins().stream().filter(Photo.class::isInstance).map(Photo.class::cast)
                    .toList();
            int current = round;
            assertThat(results.failures())
                    .withFailMessage(() -> "round " + current + ": expected no failure, got\n" + results.failureTraces())
                    .isEmpty();
            assertThat(completed).extracting(Photo::id).as("round %d", round).containsOnly(upload.photoId());
            assertThat(photosOf(alice)).as("round %d: records", round).hasSize(round + 1);
            assertInvariants(alice, round);
            // Whatever the client PUTs after completion, the photo keeps the bytes it was made from.
            for (int i = 0; i < 2; i++) {
                presigned.put(upload.put(), i == 0 ? other : first);
                assertInvariants(alice, round);
            }
        }
    }

    @Test
    @DisplayName("a completion that finds the photo a racing completion just made returns it, though the store then refuses look-ups")
    void aCompletionOvertakenByItsRepeatReturnsThePhoto() {
        byte[] secret = "one secret for both galleries, as on two nodes".getBytes(StandardCharsets.US_ASCII);
        Gallery repeating = gallery(b -> b.cursorSecret(secret));
        Album album = anAlbum(alice, "Retries");
        Fixture file = aSmallJpeg(0);
        DirectUpload upload = start(repeating, album, file);
        presigned.put(upload.put(), file.bytes());
        // The repeat completes while this completion checks the content it has just read.
        Photo[] made = new Photo[1];
        Gallery overtaken = gallery(b -> b.cursorSecret(secret).photos(new InterleavedPhotoRepository(photos,
                () -> made[0] = repeating.photos().completeDirectUpload(alice, upload.token()))));

        Photo photo = overtaken.photos().completeDirectUpload(alice, upload.token());

        assertThat(made[0]).as("the repeat made the photo").isNotNull();
        assertThat(photo).as("this completion returns the photo the repeat made").isEqualTo(made[0]);
        assertThat(photosOf(alice)).containsExactly(made[0]);
        assertInvariants(alice, 0);
        assertThat(blobKeysOf(alice)).containsExactlyInAnyOrderElementsOf(referencedKeys(photosOf(alice)));
    }

    @Test
    @DisplayName("a PUT with the old URL after completion does not replace the verified original")
    void aPutAfterCompletionDoesNotReplaceTheOriginal() {
        Album album = anAlbum(alice, "Direct");
        Fixture file = aSmallJpeg(1);
        byte[] first = withComment(file.bytes(), "first");
        DirectUpload upload = start(gallery, album, new Fixture(file.fileName(), first));
        presigned.put(upload.put(), first);
        Photo photo = gallery.photos().completeDirectUpload(alice, upload.token());

        presigned.put(upload.put(), withComment(file.bytes(), "other"));

        String verified = sha256Of(first);
        assertThat(sha256Of(storedBytes(photo, "original"))).as("the stored original").isEqualTo(verified);
        assertThat(sha256Of(bytesOf(gallery.photos().open(alice, photo.id(), "original")))).isEqualTo(verified);
        assertThat(gallery.photos().completeDirectUpload(alice, upload.token())).as("completing again").isEqualTo(photo);
        assertThat(sha256Of(storedBytes(photo, "original"))).as("the stored original after completing again")
                .isEqualTo(verified);
        assertInvariants(alice, 0);
    }

    @Test
    @DisplayName("a deleted direct-upload photo cannot be made again with its old token")
    void aDeletedUploadCannotBeCompletedAgain() {
        Album album = anAlbum(alice, "Direct");
        Fixture file = aSmallJpeg(2);
        DirectUpload upload = start(gallery, album, file);
        presigned.put(upload.put(), file.bytes());
        Photo photo = gallery.photos().completeDirectUpload(alice, upload.token());
        gallery.photos().delete(alice, photo.id());

        presigned.put(upload.put(), file.bytes());

        assertThatThrownBy(() -> gallery.photos().completeDirectUpload(alice, upload.token()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("uploadToken"))
                .hasMessageContaining("already");
        assertNothingStoredFor(alice);
    }

    private DirectUpload start(Gallery on, Album album, Fixture file) {
        return on.photos().startDirectUpload(alice, album.id(),
                DirectUploadRequest.of(file.fileName(), "image/jpeg", file.size()));
    }

    /** I1 and I5 for every photo of the owner, read straight from the stores. */
    private void assertInvariants(UserId owner, int round) {
        for (Photo photo : photosOf(owner)) {
            for (Derivative file : photo.derivatives()) {
                assertThat(blobs.head(file.blobKey())).as("round %d, I1: blob %s of photo %s", round, file.blobKey(),
                        photo.id()).isPresent();
            }
            assertThat(sha256Of(storedBytes(photo, "original")))
                    .as("round %d, I5: SHA-256 of the stored original of photo %s", round, photo.id())
                    .isEqualTo(photo.sha256());
        }
    }

    private static Set<String> referencedKeys(Collection<Photo> photos) {
        return photos.stream().flatMap(photo -> blobKeysIn(photo).stream()).collect(Collectors.toCollection(HashSet::new));
    }

    /** A small JPEG, other bytes for each seed: quick to render, many rounds over. */
    private static Fixture aSmallJpeg(int seed) {
        return PhotoFixtures.aJpeg(96, 64, 1_000 + seed);
    }

    /**
     * The same JPEG with a comment segment right after the start-of-image marker: as valid as the
     * original, and of one length for every comment of one length.
     */
    static byte[] withComment(byte[] jpeg, String comment) {
        byte[] text = comment.getBytes(StandardCharsets.US_ASCII);
        int segmentLength = text.length + 2;
        byte[] out = new byte[jpeg.length + 2 + segmentLength];
        out[0] = jpeg[0];
        out[1] = jpeg[1];
        out[2] = (byte) 0xFF;
        out[3] = (byte) 0xFE;
        out[4] = (byte) (segmentLength >> 8);
        out[5] = (byte) segmentLength;
        System.arraycopy(text, 0, out, 6, text.length);
        System.arraycopy(jpeg, 2, out, 6 + text.length, jpeg.length - 2);
        return out;
    }
}
