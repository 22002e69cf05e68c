package dev.gallerykit.testkit;

import dev.gallerykit.Maintenance;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.BlobInfo;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.Slice;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Checks the gallery's invariants for one owner straight on the stores, for any test (faults,
 * races, crashes):
 * <ul>
 *   <li>I1 every photo record's blobs exist (each derivative key is {@code head}ed);</li>
 *   <li>I2 after {@code reconcile}, every blob under the owner's prefix belongs to a record;</li>
 *   <li>I3 no photo references a missing album;</li>
 *   <li>I6 no album cover names a missing photo, or a photo of another album.</li>
 * </ul>
 * Every violation is collected, and one {@link AssertionError} lists them all.
 *
 * <pre>{@code
 * Invariants invariants = Invariants.over(albums, photos, blobs);
 * invariants.assertHold(owner);                                                   // I1, I3, I6
 * invariants.assertHoldAfterReconcile(owner, gallery.maintenance(), clock, Duration.ofDays(1));  // and I2
 * }</pre>
 */
public final class Invariants {

    private static final int PAGE = 500;

    private final AlbumRepository albums;
    private final PhotoRepository photos;
    private final BlobStore blobs;

    private Invariants(AlbumRepository albums, PhotoRepository photos, BlobStore blobs) {
        this.albums = Objects.requireNonNull(albums, "albums");
        this.photos = Objects.requireNonNull(photos, "photos");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
    }

    /** A checker reading these stores (pass the real adapters, not fault-injecting ones). */
    public static Invariants over(AlbumRepository albums, PhotoRepository photos, BlobStore blobs) {
        return new Invariants(albums, photos, blobs);
    }

    /**
     * Asserts I1, I3 and I6 for {@code owner}.
     *
     * @throws AssertionError listing every violation
     */
    public void assertHold(UserId owner) {
        report(owner, violations(owner));
    }

    /**
     * Moves {@code clock} past {@code grace} (beyond the newest of the owner's blobs), runs
     * {@code reconcile(grace)}, then asserts I1, I2, I3 and I6 for {@code owner}. The clock must be the
     * one the gallery behind {@code maintenance} reads.
     *
     * @throws AssertionError listing every violation
     */
    public void assertHoldAfterReconcile(UserId owner, Maintenance maintenance, MutableClock clock, Duration grace) {
        // Stores date blobs by their own clock: step past the newest of them, not just past our own now.
        Instant newest = blobsOf(owner).stream().map(BlobInfo::lastModified).max(Instant::compareTo)
                .orElse(clock.instant());
        // Whole milliseconds, as the clock started: a store may keep no finer time than that (SQL keeps micros).
        Instant past = (newest.isAfter(clock.instant()) ? newest : clock.instant()).plus(grace).plusSeconds(1)
                .truncatedTo(ChronoUnit.MILLIS);
        clock.set(past);
        maintenance.reconcile(grace);
        List<String> violations = violations(owner);
        violations.addAll(strayBlobs(owner));
        report(owner, violations);
    }

    /** The violations of I1, I3 and I6 for {@code owner}, each a sentence; empty when they hold. */
    public List<String> violations(UserId owner) {
        List<Photo> allPhotos = all((limit, after) -> photos.search(owner, PhotoQuery.builder().build(), limit, after));
        List<Album> allAlbums = all((limit, after) -> albums.list(owner, limit, after));
        Set<AlbumId> albumIds = allAlbums.stream().map(Album::id).collect(Collectors.toSet());
        List<String> violations = new ArrayList<>();
        for (Photo photo : allPhotos) {
            for (Derivative derivative : photo.derivatives()) {
                if (blobs.head(derivative.blobKey()).isEmpty()) {
                    violations.add("I1: photo " + photo.id() + " lists " + derivative.name() + " at "
                            + derivative.blobKey() + ", which is not in the blob store");
                }
            }
            if (!albumIds.contains(photo.albumId())) {
                violations.add("I3: photo " + photo.id() + " is in album " + photo.albumId() + ", which does not exist");
            }
        }
        for (Album album : allAlbums) {
            album.cover().ifPresent(cover -> {
                Optional<Photo> photo = photos.find(owner, cover);
                if (photo.isEmpty()) {
                    violations.add("I6: album " + album.id() + " has photo " + cover + " as its cover, which does not exist");
                } else if (!photo.get().albumId().equals(album.id())) {
                    violations.add("I6: album " + album.id() + " has photo " + cover + " as its cover, which is in album "
                            + photo.get().albumId());
                }
            });
        }
        return violations;
    }

    /** I2: blobs under the owner's prefix that no record of the owner lists. */
    private List<String> strayBlobs(UserId owner) {
        Set<String> referenced = all((limit, after) -> photos.search(owner, PhotoQuery.builder().build(), limit, after))
                .stream().flatMap(p -> p.derivatives().stream()).map(Derivative::blobKey).collect(Collectors.toSet());
        return blobsOf(owner).stream().map(BlobInfo::key).filter(key -> !referenced.contains(key))
                .map(key -> "I2: blob " + key + " belongs to no record, after reconcile").collect(Collectors.toList());
    }

    private List<BlobInfo> blobsOf(UserId owner) {
        return all((limit, after) -> blobs.list(owner + "/", limit, after));
    }

    private static <T> List<T> all(BiFunction<Integer, Optional<String>, Slice<T>> page) {
        List<T> items = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            Slice<T> slice = page.apply(PAGE, after);
            items.addAll(slice.items());
            after = slice.next();
        } while (after.isPresent());
        return items;
    }

    private static void report(UserId owner, List<String> violations) {
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " invariant violation(s) for owner " + owner + ":\n  "
                    + String.join("\n  ", violations));
        }
    }
}
