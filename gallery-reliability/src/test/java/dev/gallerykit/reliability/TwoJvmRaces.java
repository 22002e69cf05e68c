package dev.gallerykit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.DirectUpload;
import dev.gallerykit.DirectUploadRequest;
import dev.gallerykit.DuplicatePolicy;
import dev.gallerykit.Gallery;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.AlbumRole;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.TagSource;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.AccessDeniedException;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.DuplicatePhotoException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.Blob;
import dev.gallerykit.spi.BlobInfo;
import dev.gallerykit.testkit.Invariants;
import dev.gallerykit.testkit.MutableClock;
import dev.gallerykit.testkit.PresignedClient;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The races of {@code PhotoRaceContract} and {@code AlbumRaces}, run by two gallery instances in two
 * JVMs on one database (or one set of DynamoDB tables) and one bucket: this JVM and a
 * {@link RaceWorker} share nothing but the servers and the deployment's cursor secret. The scenarios:
 * the same bytes uploaded from both under {@code REJECT} (one photo, I4); one direct upload completed
 * from both, the token issued by either (one photo whose blobs exist, I1, I5); uploads and moves racing
 * an album delete, and uploads racing an owner purge (I3, the delete or purge finishes); a cover set
 * while that photo is deleted (I6); tag edits of one photo (each answers or loses to a concurrent change, the
 * last answer is what is stored and searched); a revoke racing a contributor's uploads (exactly the uploads that
 * answered with a photo stay). Every round parks four contenders in each JVM at a gate and opens
 * both gates at once, twenty rounds per scenario; after each round the invariants are read straight
 * from the stores ({@link Invariants}: I1, I3, I6; I4 and I5 here), and the scenario's own outcome is
 * checked, never timing. A guarantee that rested on something inside one JVM (a lock, a cache) would break here,
 * since the two halves of a round cannot see each other's memory.
 *
 * <p>A subclass says where the records are ({@link #connect}); blobs are on S3Proxy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TwoJvmRaces {

    private static final String PARENT = "parent";
    private static final int PER_JVM = 4;
    private static final int ROUNDS = 20;

    private Wiring wiring;
    private Stores stores;
    private SecondJvm second;
    private Path log;

    private MutableClock clock;
    private Map<DuplicatePolicy, Gallery> galleries;
    private Gallery gallery;
    private Invariants invariants;
    private UserId owner;
    /** What the calls of each JVM got over the test's rounds: evidence that both sides won and lost. */
    private final Map<String, Long> tally = new TreeMap<>();
    private int races;

    @TempDir
    Path files;

    /**
     * Sets the stores up (schema or tables, bucket), opens this JVM's adapters on {@code given}, then
     * starts the second JVM on the same wiring.
     *
     * @param worker a name for the second JVM's log
     */
    final void connect(Wiring given, String worker) {
        wiring = given;
        wiring.createStores();
        stores = wiring.open();
        log = Path.of("target", "two-jvm", worker + ".log").toAbsolutePath();
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        second = SecondJvm.start(wiring, log);
    }

    @AfterAll
    void endTheSecondJvm() {
        try {
            if (second != null) {
                second.close();
                assertThat(second.alive()).as("the second JVM (pid %d) after the tests", second.pid()).isFalse();
            }
        } finally {
            if (stores != null) {
                stores.close();
            }
        }
    }

    @BeforeEach
    void aFreshOwnerAndClock() {
        clock = MutableClock.startingNow();
        galleries = stores.galleries(clock, wiring.cursorSecret());
        gallery = galleries.get(DuplicatePolicy.REJECT);
        invariants = Invariants.over(stores.albums(), stores.photos(), stores.blobs());
        owner = new UserId(UUID.randomUUID());
        tally.clear();
    }

    @AfterEach
    void reportWhatEachJvmGot(TestInfo test, TestReporter reporter) {
        // Into the test's output (and the report): which JVM won and lost how often, for docs/RELIABILITY.md.
        System.out.println(getClass().getSimpleName() + ", " + test.getDisplayName() + ": " + tally);
        reporter.publishEntry("outcomes per JVM", tally.toString());
    }

    @Test
    @DisplayName("the same bytes uploaded from both JVMs at once with REJECT make one photo; every other upload names it")
    void sameBytesFromBothJvms() throws InterruptedException {
        Album album = gallery.albums().create(owner, "Burst", "");
        for (int round = 0; round < ROUNDS; round++) {
            Fixture fixture = PhotoFixtures.aJpeg(96, 64, 1_000 + round);
            Call upload = Call.upload(DuplicatePolicy.REJECT, owner, album.id(), file(fixture));

            Round result = race(Collections.nCopies(PER_JVM, upload), Collections.nCopies(PER_JVM, upload));

            List<Outcome> stored = result.returned();
            assertThat(stored).as("round %d: uploads that stored a photo, of %s", round, result).hasSize(1);
            PhotoId photo = photoId(stored.get(0));
            assertThat(result.failed()).as("round %d: the other uploads", round).hasSize(2 * PER_JVM - 1)
                    .allSatisfy(failure -> {
                        assertThat(failure.threw(DuplicatePhotoException.class))
                                .as("%s is a duplicate\n%s", failure, failure.trace()).isTrue();
                        assertThat(failure.existing()).as("the photo %s names", failure).contains(photo);
                    });
            assertThat(photosOf(owner)).as("round %d: I4, photos with these bytes", round)
                    .filteredOn(p -> p.sha256().equals(sha256Of(fixture.bytes()))).extracting(Photo::id)
                    .containsExactly(photo);
            assertThat(invariants.violations(owner)).as("round %d: I1, I3, I6", round).isEmpty();
            assertThat(blobKeysOf(owner)).as("round %d: the refused uploads left no blob", round)
                    .containsExactlyInAnyOrderElementsOf(referencedKeys(owner));
        }
        assertThat(photosOf(owner)).as("one photo per round").hasSize(ROUNDS);
        invariants.assertHoldAfterReconcile(owner, gallery.maintenance(), clock, Duration.ofDays(1));
    }

    @ParameterizedTest(name = "duplicates {0}")
    @EnumSource(DuplicatePolicy.class)
    @DisplayName("one direct upload completed from both JVMs at once makes one photo whose blobs all exist, whichever JVM started it")
    void oneDirectUploadCompletedFromBothJvms(DuplicatePolicy policy) throws InterruptedException {
        Album album = gallery.albums().create(owner, "Retries", "");
        for (int round = 0; round < ROUNDS; round++) {
            Fixture fixture = PhotoFixtures.aJpeg(96, 64, 2_000 + round);
            // Half the rounds the second JVM issues the token: each side must accept the other's.
            String[] started = round % 2 == 0 ? startHere(album, fixture) : startThere(album, fixture);
            PhotoId photo = new PhotoId(UUID.fromString(started[0]));
            Call complete = Call.complete(policy, owner, started[1]);

            Round result = race(Collections.nCopies(PER_JVM, complete), Collections.nCopies(PER_JVM, complete));

            int current = round;
            assertThat(result.failed()).as("round %d: every completion succeeds", round)
                    .withFailMessage(() -> "round " + current + ": expected no failure, got\n" + result.traces()).isEmpty();
            assertThat(result.returned()).extracting(this::photoId).as("round %d: one photo", round).containsOnly(photo);
            assertThat(photosOf(owner)).as("round %d: records", round).hasSize(round + 1);
            assertThat(invariants.violations(owner)).as("round %d: I1, I3, I6", round).isEmpty();
            Photo made = stores.photos().find(owner, photo).orElseThrow();
            assertThat(sha256Of(storedOriginal(made))).as("round %d, I5: the stored original", round)
                    .isEqualTo(sha256Of(fixture.bytes())).isEqualTo(made.sha256());
        }
        assertThat(blobKeysOf(owner)).as("blobs beyond those the records list")
                .containsExactlyInAnyOrderElementsOf(referencedKeys(owner));
        invariants.assertHoldAfterReconcile(owner, gallery.maintenance(), clock, Duration.ofDays(1));
    }

    @Test
    @DisplayName("uploads and moves from both JVMs into an album that one of them deletes fail as not found or go with it")
    void uploadsAndMovesRaceAnAlbumDelete() throws InterruptedException {
        for (int round = 0; round < ROUNDS; round++) {
            Album doomed = gallery.albums().create(owner, "Doomed " + round, "");
            Album source = gallery.albums().create(owner, "Source " + round, "");
            List<Call> calls = new ArrayList<>();
            calls.add(Call.deleteAlbum(owner, doomed.id()));
            for (int i = 0; i < 3; i++) {
                Photo movable = upload(source.id(), PhotoFixtures.aJpeg(24, 16, round * 100L + i));
                calls.add(Call.move(owner, movable.id(), doomed.id()));
            }
            for (int i = 0; i < 2 * PER_JVM - 4; i++) {
                calls.add(Call.upload(DuplicatePolicy.REJECT, owner, doomed.id(),
                        file(PhotoFixtures.aJpeg(24, 16, round * 100L + 50 + i))));
            }

            // The delete runs in this JVM in even rounds, in the second one in odd rounds.
            Round result = round % 2 == 0 ? race(evens(calls), odds(calls)) : race(odds(calls), evens(calls));

            assertThat(result.returned()).extracting(outcome -> outcome.value().orElseThrow())
                    .as("round %d: the delete finished, of %s", round, result).contains("deleted");
            assertLosersWereNotFound(round, result);
            assertThat(stores.albums().find(owner, doomed.id())).as("round %d: the deleted album", round).isEmpty();
            assertIntegrity(round);
        }
        invariants.assertHoldAfterReconcile(owner, gallery.maintenance(), clock, Duration.ofDays(1));
    }

    @Test
    @DisplayName("uploads from both JVMs while one of them purges the owner fail as not found or go with the purge, which finishes")
    void uploadsRaceAnOwnerPurge() throws InterruptedException {
        for (int round = 0; round < ROUNDS; round++) {
            List<Album> targets = List.of(gallery.albums().create(owner, "One " + round, ""),
                    gallery.albums().create(owner, "Two " + round, ""));
            upload(targets.get(0).id(), PhotoFixtures.aJpeg(24, 16, round * 100L));
            List<Call> calls = new ArrayList<>();
            calls.add(Call.purge(owner));
            for (int i = 1; i < 2 * PER_JVM; i++) {
                calls.add(Call.upload(DuplicatePolicy.REJECT, owner, targets.get(i % 2).id(),
                        file(PhotoFixtures.aJpeg(24, 16, round * 100L + 10 + i))));
            }

            // The purge runs in this JVM in even rounds, in the second one in odd rounds.
            Round result = round % 2 == 0 ? race(evens(calls), odds(calls)) : race(odds(calls), evens(calls));

            assertThat(result.returned()).extracting(outcome -> outcome.value().orElseThrow())
                    .as("round %d: the purge finished, of %s", round, result).contains("purged");
            assertLosersWereNotFound(round, result);
            assertThat(stores.albums().list(owner, 1000, Optional.empty()).items())
                    .as("round %d: albums left after the purge", round).isEmpty();
            assertIntegrity(round);
            assertThat(photosOf(owner)).as("round %d: photos left after the purge", round).isEmpty();
            assertThat(blobKeysOf(owner)).as("round %d: blobs left after the purge", round).isEmpty();
        }
    }

    @Test
    @DisplayName("a cover set in one JVM while the other deletes that photo never names a deleted photo")
    void setCoverRacesThePhotoDelete() throws InterruptedException {
        for (int round = 0; round < ROUNDS; round++) {
            List<Call> here = new ArrayList<>();
            List<Call> there = new ArrayList<>();
            List<PhotoId> deleted = new ArrayList<>();
            for (int pair = 0; pair < PER_JVM; pair++) {
                Album album = gallery.albums().create(owner, "Cover " + round + "." + pair, "");
                Photo photo = upload(album.id(), PhotoFixtures.aJpeg(24, 16, round * 100L + pair));
                upload(album.id(), PhotoFixtures.aJpeg(24, 16, round * 100L + 50 + pair));
                if (pair % 2 == 1) {
                    // Half the pairs start with the photo on the cover already: the delete must take it off.
                    gallery.albums().setCover(owner, album.id(), photo.id());
                }
                Call cover = Call.setCover(owner, album.id(), photo.id());
                Call delete = Call.deletePhoto(owner, photo.id());
                // Each JVM sets some covers and deletes the other photos, in turn.
                boolean coverHere = (round + pair) % 2 == 0;
                here.add(coverHere ? cover : delete);
                there.add(coverHere ? delete : cover);
                deleted.add(photo.id());
            }

            Round result = race(here, there);

            assertThat(result.returned()).extracting(outcome -> outcome.value().orElseThrow())
                    .as("round %d: every delete finished, of %s", round, result).filteredOn("deleted"::equals)
                    .hasSize(PER_JVM);
            assertLosersWereNotFound(round, result);
            for (PhotoId photo : deleted) {
                assertThat(stores.photos().find(owner, photo)).as("round %d: deleted photo %s", round, photo).isEmpty();
            }
            assertIntegrity(round);
        }
        invariants.assertHoldAfterReconcile(owner, gallery.maintenance(), clock, Duration.ofDays(1));
    }

    @Test
    @DisplayName("a revoke in one JVM racing a contributor's uploads from both keeps exactly the uploads that answered with a photo")
    void revokeRacesContributorUploads() throws InterruptedException {
        Album album = gallery.albums().create(owner, "Family", "");
        UserId member = new UserId(UUID.randomUUID());
        List<PhotoId> answered = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            gallery.sharing().share(owner, album.id(), member, AlbumRole.CONTRIBUTOR, false);
            List<Call> calls = new ArrayList<>();
            calls.add(Call.unshare(owner, album.id(), member));
            for (int i = 1; i < 2 * PER_JVM; i++) {
                calls.add(Call.upload(DuplicatePolicy.REJECT, member, album.id(),
                        file(PhotoFixtures.aJpeg(24, 16, 7_000L + round * 100L + i))));
            }

            // The revoke runs in this JVM in even rounds, in the second one in odd rounds.
            Round result = round % 2 == 0 ? race(evens(calls), odds(calls)) : race(odds(calls), evens(calls));

            assertThat(result.returned()).extracting(outcome -> outcome.value().orElseThrow())
                    .as("round %d: the revoke finished, of %s", round, result).contains("revoked");
            result.returned().stream().filter(outcome -> !outcome.value().orElseThrow().equals("revoked"))
                    .map(this::photoId).forEach(answered::add);
            assertThat(result.failed()).as("round %d: refused uploads", round).allSatisfy(failure ->
                    assertThat(failure.threw(AccessDeniedException.class) || failure.threw(NotFoundException.class))
                            .as("%s\n%s", failure, failure.trace()).isTrue());
            assertThat(photosOf(owner)).as("round %d: the member's photos in the owner's album", round)
                    .filteredOn(photo -> photo.uploaderId().equals(member)).extracting(Photo::id)
                    .containsExactlyInAnyOrderElementsOf(answered);
            assertThat(stores.shares().findMember(album.id(), member)).as("round %d: the membership", round).isEmpty();
            assertIntegrity(round);
            assertThat(blobKeysOf(member)).as("round %d: blobs under the member's prefix", round).isEmpty();
        }
        invariants.assertHoldAfterReconcile(owner, gallery.maintenance(), clock, Duration.ofDays(1));
    }

    @Test
    @DisplayName("tag edits of one photo from both JVMs: each answers or is refused as changed meanwhile, the last to answer is what is stored and searched")
    void tagEditsRaceOnOnePhoto() throws InterruptedException {
        Album album = gallery.albums().create(owner, "Tags", "");
        Photo photo = upload(album.id(), PhotoFixtures.aJpeg(24, 16, 9_000L));
        Photo before = stores.photos().find(owner, photo.id()).orElseThrow();
        for (int round = 0; round < ROUNDS; round++) {
            List<Call> calls = new ArrayList<>();
            for (int i = 0; i < 2 * PER_JVM; i++) {
                calls.add(Call.tag(owner, photo.id(), "r" + round + "-c" + i));
            }

            Round result = race(evens(calls), odds(calls));

            assertThat(result.failed()).as("round %d: edits refused", round).allSatisfy(failure ->
                    assertThat(failure.threw(ConcurrentModificationException.class))
                            .as("%s\n%s", failure, failure.trace()).isTrue());
            assertThat(result.returned()).as("round %d: edits that answered", round).isNotEmpty();
            // Every edit that answered wrote one version; the highest of them is the stored photo.
            Map<Long, String> answered = new TreeMap<>();
            for (int i = 0; i < result.outcomes().size(); i++) {
                Outcome outcome = result.outcomes().get(i);
                String tag = "r" + round + "-c" + (i < PER_JVM ? 2 * i : 2 * (i - PER_JVM) + 1);
                outcome.value().ifPresent(value -> assertThat(answered.put(
                        Long.parseLong(value.substring("tagged-".length())), tag)).as("one version, one edit").isNull());
            }
            Photo stored = stores.photos().find(owner, photo.id()).orElseThrow();
            long last = Collections.max(answered.keySet());
            assertThat(stored.version()).as("round %d: the version", round).isEqualTo(last)
                    .isEqualTo(before.version() + answered.size());
            assertThat(stored.tags()).as("round %d: the stored user tags", round)
                    .filteredOn(tag -> tag.source() == TagSource.USER).extracting(Tag::value)
                    .containsExactly(answered.get(last));
            assertThat(stored.derivatives()).as("round %d: renditions an edit of tags leaves alone", round)
                    .isEqualTo(before.derivatives());
            assertThat(stored.title()).isEqualTo(before.title());
            for (int i = 0; i < 2 * PER_JVM; i++) {
                String tag = "r" + round + "-c" + i;
                assertThat(stores.photos().search(owner, PhotoQuery.of(q -> q.tags(tag)), 10, Optional.empty())
                        .items()).as("round %d: a search for %s", round, tag).extracting(Photo::id)
                        .isEqualTo(tag.equals(answered.get(last)) ? List.of(photo.id()) : List.of());
            }
            before = stored;
            assertIntegrity(round);
        }
    }

    /** What both JVMs' contenders got in one round: this JVM's first, each in call order. */
    record Round(List<Outcome> outcomes) {

        List<Outcome> returned() {
            return outcomes.stream().filter(outcome -> outcome.value().isPresent()).toList();
        }

        List<Outcome> failed() {
            return outcomes.stream().filter(outcome -> outcome.failure().isPresent()).toList();
        }

        String traces() {
            return failed().stream().map(outcome -> outcome + "\n" + outcome.trace()).collect(Collectors.joining("\n"));
        }

        @Override
        public String toString() {
            return outcomes.toString();
        }
    }

    /**
     * Parks {@code here} in this JVM and {@code there} in the second one, each call on a thread of its
     * own, and opens both gates when every contender of both waits at its own. The gate opened first
     * gives its contenders a head start of a pipe's latency: every other race this JVM's goes first,
     * so that either side gets to win.
     */
    private Round race(List<Call> here, List<Call> there) throws InterruptedException {
        Contenders local = Contenders.atTheGate(PARENT, here, galleries);
        List<Outcome> outcomes = new ArrayList<>();
        try {
            second.prepare(there);
            if (races++ % 2 == 0) {
                local.go();
                second.go();
            } else {
                second.go();
                local.go();
            }
            outcomes.addAll(local.outcomes());
            outcomes.addAll(second.outcomes());
        } catch (RuntimeException | InterruptedException e) {
            // Out of step with the worker: the following tests get a new one.
            local.abandon();
            second.close();
            second = SecondJvm.start(wiring, log);
            throw e;
        }
        outcomes.forEach(outcome -> tally.merge(outcome.jvm() + " " + outcome.kind(), 1L, Long::sum));
        return new Round(outcomes);
    }

    /** Starts a direct upload in this JVM and PUTs the bytes as a client would: photo id and token. */
    private String[] startHere(Album album, Fixture fixture) {
        DirectUpload upload = gallery.photos().startDirectUpload(owner, album.id(),
                DirectUploadRequest.of(fixture.fileName(), "image/jpeg", fixture.size()));
        PresignedClient.overHttp().put(upload.put(), fixture.bytes());
        return new String[] {upload.photoId().value().toString(), upload.token()};
    }

    /** The same, in the second JVM. */
    private String[] startThere(Album album, Fixture fixture) throws InterruptedException {
        Round started = race(List.of(), List.of(Call.startDirectUpload(owner, album.id(), file(fixture))));
        assertThat(started.failed()).withFailMessage(() -> "the second JVM could not start the upload:\n"
                + started.traces()).isEmpty();
        return started.returned().get(0).value().orElseThrow().split(",", 2);
    }

    private Photo upload(AlbumId album, Fixture fixture) {
        return gallery.photos().upload(owner, album, Upload.of(fixture.stream(), fixture.fileName()));
    }

    private static void assertLosersWereNotFound(int round, Round result) {
        assertThat(result.failed()).as("round %d: calls that lost", round).allSatisfy(failure ->
                assertThat(failure.threw(NotFoundException.class)).as("%s\n%s", failure, failure.trace()).isTrue());
    }

    /** I1, I3, I6 on the stores, and every blob of the owner belongs to a record, right after the round. */
    private void assertIntegrity(int round) {
        assertThat(invariants.violations(owner)).as("round %d: I1, I3, I6", round).isEmpty();
        assertThat(blobKeysOf(owner)).as("round %d: blobs of %s", round, owner)
                .containsExactlyInAnyOrderElementsOf(referencedKeys(owner));
    }

    private PhotoId photoId(Outcome outcome) {
        return new PhotoId(UUID.fromString(outcome.value().orElseThrow()));
    }

    /** The fixture's bytes in a file both JVMs read. */
    private Path file(Fixture fixture) {
        Path file = files.resolve(UUID.randomUUID() + "-" + fixture.fileName());
        try {
            return Files.write(file, fixture.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Photo> photosOf(UserId who) {
        return stores.photos().search(who, PhotoQuery.builder().build(), 1000, Optional.empty()).items();
    }

    private List<String> referencedKeys(UserId who) {
        return photosOf(who).stream().flatMap(photo -> photo.derivatives().stream()).map(Derivative::blobKey).toList();
    }

    private List<String> blobKeysOf(UserId who) {
        List<String> keys = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            var slice = stores.blobs().list(who + "/", 1000, after);
            slice.items().stream().map(BlobInfo::key).forEach(keys::add);
            after = slice.next();
        } while (after.isPresent());
        return keys;
    }

    private byte[] storedOriginal(Photo photo) {
        String key = photo.derivative("original").orElseThrow().blobKey();
        try (Blob blob = stores.blobs().get(key).orElseThrow(() -> new AssertionError("no blob under " + key))) {
            return blob.readAllBytes();
        }
    }

    private static <T> List<T> evens(List<T> items) {
        return every(items, 0);
    }

    private static <T> List<T> odds(List<T> items) {
        return every(items, 1);
    }

    private static <T> List<T> every(List<T> items, int first) {
        List<T> picked = new ArrayList<>();
        for (int i = first; i < items.size(); i += 2) {
            picked.add(items.get(i));
        }
        return picked;
    }

    private static String sha256Of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
