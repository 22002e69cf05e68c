package dev.gallerykit.internal;

import dev.gallerykit.domain.PageRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The seeds of {@link CursorFuzzTest}: per listing, the cursor it issued and the position inside it. */
public final class CursorSeeds {

    private CursorSeeds() {
    }

    public static Map<String, byte[]> all() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        for (int i = 0; i < CursorFuzzTest.LISTINGS.size(); i++) {
            CursorFuzzTest.Listing listing = CursorFuzzTest.LISTINGS.get(i);
            String issued = listing.list().apply(PageRequest.first(CursorFuzzTest.LIMIT)).nextCursor().orElseThrow();
            String position = CursorFuzzTest.CODEC.open(listing.scope(), Optional.of(issued)).orElseThrow();
            seeds.put("seed-" + i + "-issued", prefixed(i, issued));
            seeds.put("seed-" + i + "-sealed-position", prefixed(i | 4, position));
        }
        seeds.put("seed-sealed-junk", prefixed(4, "not a position"));
        return seeds;
    }

    private static byte[] prefixed(int first, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] seed = new byte[body.length + 1];
        seed[0] = (byte) first;
        System.arraycopy(body, 0, seed, 1, body.length);
        return seed;
    }
}
