package dev.gallerykit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gallerykit.Gallery;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.GalleryException;
import dev.gallerykit.memory.InMemoryAlbumRepository;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.memory.InMemoryPhotoRepository;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Every listing that takes a cursor, given a fuzzed one: a page or one of our exceptions, nothing else.
 * The first input byte picks the listing (bits 0-1) and whether the rest is the cursor as a client sends it
 * (bit 2 clear) or a page position sealed with the gallery's secret (bit 2 set). Forging a seal is out of a
 * fuzzer's reach, so the second kind is what reaches the stores' own position parsing; such a cursor could
 * only come from this gallery or from someone holding its secret. In this package for {@link CursorCodec}.
 */
class CursorFuzzTest {

    static final byte[] SECRET = "gallerykit-fuzz-cursor-secret-0123456789".getBytes(StandardCharsets.US_ASCII);
    static final UserId OWNER = new UserId(UUID.fromString("0190a0b0-0000-7000-8000-000000000002"));
    static final int LIMIT = 2;
    static final String NEEDLE = "album";

    private static final InMemoryAlbumRepository ALBUMS = new InMemoryAlbumRepository();
    private static final Gallery GALLERY = Gallery.builder().albums(ALBUMS).photos(new InMemoryPhotoRepository(ALBUMS))
            .blobs(new InMemoryBlobStore()).cursorSecret(SECRET).build();
    static final CursorCodec CODEC = new CursorCodec(SECRET);
    private static final AlbumId ALBUM = fill();
    static final List<Listing> LISTINGS = List.of(
            new Listing(CursorCodec.scope("albums", OWNER), page -> GALLERY.albums().list(OWNER, page)),
            new Listing(CursorCodec.scope("albums.search", OWNER, NEEDLE),
                    page -> GALLERY.albums().search(OWNER, NEEDLE, page)),
            new Listing(CursorCodec.scope("photos", OWNER, ALBUM), page -> GALLERY.photos().list(OWNER, ALBUM, page)),
            new Listing(CursorCodec.scope("photos.search", OWNER, "", List.of(), null, null, null, ALBUM),
                    page -> GALLERY.photos().search(OWNER, PhotoQuery.of(q -> q.album(ALBUM)), page)));

    static {
        // The scopes above copy the services'; a cursor they issued must open with them, or the sealed
        // inputs would all be refused and fuzz nothing.
        for (Listing listing : LISTINGS) {
            String issued = listing.list().apply(PageRequest.first(LIMIT)).nextCursor().orElseThrow();
            String position = CODEC.open(listing.scope(), Optional.of(issued)).orElseThrow();
            assertEquals(issued, listing.seal(position), "the scope of a listing changed: " + listing.scope());
        }
    }

    @FuzzTest(maxDuration = "30s")
    void list(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Listing listing = LISTINGS.get(input[0] & 3);
        String text = new String(Arrays.copyOfRange(input, 1, input.length), StandardCharsets.UTF_8);
        String cursor = (input[0] & 4) == 0 ? text : listing.seal(text);
        Page<?> page;
        try {
            page = listing.list().apply(PageRequest.next(LIMIT, cursor));
        } catch (GalleryException refused) {
            return;
        }
        assertTrue(page.items().size() <= LIMIT, () -> "a page of " + page.items().size());
    }

    /** Three albums, and three photos in the last one, so that every listing has a second page. */
    private static AlbumId fill() {
        AlbumId last = null;
        for (int i = 0; i < 3; i++) {
            last = GALLERY.albums().create(OWNER, NEEDLE + " " + i, "").id();
        }
        for (int i = 0; i < 3; i++) {
            GALLERY.photos().upload(OWNER, last, Upload.of(PhotoFixtures.aJpeg(32, 24, i).stream(), "p" + i + ".jpg"));
        }
        return last;
    }

    record Listing(String scope, Function<PageRequest, Page<?>> list) {

        String seal(String position) {
            return CODEC.seal(scope, Optional.of(position)).orElseThrow();
        }
    }
}
