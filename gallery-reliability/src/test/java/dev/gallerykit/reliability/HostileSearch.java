package dev.gallerykit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.Gallery;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Injection and wildcard strings searched on one store, through {@code Photos.search}: each returns
 * exactly the photos {@link PhotoQuery#matches} picks out of a small fixed set, page by page, and
 * never one of Bob's, although Bob's titles hold the very same strings. The set is chosen so that a
 * store which passed a string on as a pattern ({@code LIKE}, a regular expression, a filter
 * expression) would match more than the literal text. Texts a store cannot keep alike (NUL, half a
 * surrogate pair, 10,000 characters) are refused at validation, before any store sees them. Only
 * ASCII: how non-ASCII text folds is defined elsewhere. A subclass per store says how to reach it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileSearch {

    /** Title and description of each of Alice's photos; Bob gets the same, marked as his. */
    private static final List<String[]> TEXTS = List.of(
            new String[] {"100% natural", "no additives"},
            new String[] {"50_50 split", "half and half"},
            new String[] {"back\\slash", "a path C:\\photos"},
            new String[] {"O'Brien's pub", "it's late"},
            new String[] {"say \"cheese\"", "star * and question ?"},
            new String[] {"[a] bracket", "regex .* ^start end$ (a|b) +{2}"},
            new String[] {"Plain Sunset", "' OR '1'='1 is not a title"},
            new String[] {"a%b and a_b", "{\"$ne\": null} contains(title, 'x')"},
            new String[] {"axxb and aXb", "nothing special"});

    /** Query texts and what each is: every one is searched as it is, and must mean only itself. */
    private static final List<String[]> QUERIES = List.of(
            new String[] {"%", "a percent sign (SQL LIKE: any text)"},
            new String[] {"_", "an underscore (SQL LIKE: any character)"},
            new String[] {"%%", "two percent signs"},
            new String[] {"a%b", "a percent sign between letters"},
            new String[] {"a_b", "an underscore between letters"},
            new String[] {"\\", "a backslash (the LIKE escape of MySQL and MariaDB)"},
            new String[] {"\\%", "an escaped percent sign"},
            new String[] {"'", "a single quote"},
            new String[] {"\"", "a double quote"},
            new String[] {"*", "an asterisk (glob, regex)"},
            new String[] {"?", "a question mark (glob)"},
            new String[] {"[a]", "a character class [a]"},
            new String[] {"' OR '1'='1", "a classic SQL injection"},
            new String[] {"%' --", "a LIKE wildcard, a quote and a comment"},
            new String[] {"'; DROP TABLE photos; --", "a stacked statement"},
            new String[] {".*", "a regex matching everything"},
            new String[] {"^start end$", "regex anchors"},
            new String[] {"(a|b)", "a regex alternation"},
            new String[] {"{\"$ne\": null}", "a NoSQL operator"},
            new String[] {"contains(title, 'x')", "a DynamoDB filter function"},
            new String[] {"SUNSET", "upper-case ASCII (matches case-insensitively)"});

    protected abstract AlbumRepository albums();

    protected abstract PhotoRepository photos();

    private final UserId alice = new UserId(UUID.randomUUID());
    private final UserId bob = new UserId(UUID.randomUUID());
    private Gallery gallery;
    private final List<Photo> everything = new ArrayList<>();
    private boolean tagged;

    /** Made on first use, once the subclass has opened its store. */
    private Gallery gallery() {
        if (gallery == null) {
            gallery = Gallery.builder().albums(albums()).photos(photos()).blobs(new InMemoryBlobStore()).build();
            AlbumId alices = gallery.albums().create(alice, "Alice's", "").id();
            AlbumId bobs = gallery.albums().create(bob, "Bob's", "").id();
            int seed = 0;
            for (String[] text : TEXTS) {
                everything.add(upload(alice, alices, text[0], text[1], ++seed));
                everything.add(upload(bob, bobs, "Bob: " + text[0], "Bob: " + text[1], ++seed));
            }
        }
        return gallery;
    }

    private Photo upload(UserId owner, AlbumId album, String title, String description, int seed) {
        return gallery.photos().upload(owner, album, Upload.builder().content(PhotoFixtures.aJpeg(32, 24, seed).stream())
                .fileName("p" + seed + ".jpg").title(title).description(description).build());
    }

    @TestFactory
    Stream<DynamicTest> injectionAndWildcardTextsMeanOnlyThemselves() {
        return QUERIES.stream().map(query -> DynamicTest.dynamicTest(
                "text " + query[0] + " (" + query[1] + ") finds exactly what PhotoQuery.matches finds, none of Bob's",
                () -> assertSearchesLikeMatches(builder -> builder.text(query[0]))));
    }

    @TestFactory
    Stream<DynamicTest> wildcardTagsMeanOnlyThemselves() {
        return Stream.of("%", "_", "*", "' or '1'='1").map(tag -> DynamicTest.dynamicTest(
                "tag " + tag + " finds exactly the photos tagged so, none of Bob's",
                () -> assertSearchesLikeMatches(builder -> builder.tags(tag))));
    }

    @TestFactory
    Stream<DynamicTest> textsNoStoreKeepsAlikeAreRefused() {
        return Stream.of(
                refusal("a NUL inside the text", "a\u0000b", "text must not contain control characters"),
                refusal("a line break inside the text", "a\nb", "text must not contain control characters"),
                refusal("a lone high surrogate", "x\uD83D", "text is not valid Unicode"),
                refusal("a lone low surrogate", "\uDE00x", "text is not valid Unicode"),
                refusal("10000 characters", "%".repeat(10_000), "text is 10000 characters long; the maximum is 200"),
                DynamicTest.dynamicTest("a tag with half a surrogate pair is refused", () ->
                        assertThatThrownBy(() -> gallery().photos().search(alice, PhotoQuery.builder().tags("x\uDBFF").build(),
                                PageRequest.first(10))).isInstanceOf(InvalidInputException.class)
                                .hasMessageContaining("tags is not valid Unicode")));
    }

    private DynamicTest refusal(String what, String text, String message) {
        return DynamicTest.dynamicTest("search text with " + what + " is refused at validation", () ->
                assertThatThrownBy(() -> gallery().photos().search(alice, PhotoQuery.builder().text(text).build(),
                        PageRequest.first(10))).isInstanceOf(InvalidInputException.class).hasMessageContaining(message));
    }

    private void assertSearchesLikeMatches(Consumer<PhotoQuery.Builder> spec) {
        Gallery gallery = gallery();
        tagWildcardsOnce();
        PhotoQuery query = PhotoQuery.of(spec);
        Set<PhotoId> expected = everything.stream().filter(p -> p.ownerId().equals(alice)).map(this::current)
                .filter(query::matches).map(Photo::id).collect(Collectors.toSet());
        Set<PhotoId> bobs = everything.stream().filter(p -> p.ownerId().equals(bob)).map(Photo::id).collect(Collectors.toSet());

        List<Photo> whole = gallery.photos().search(alice, query, PageRequest.first(100)).items();
        assertThat(whole).extracting(Photo::id).doesNotContainAnyElementsOf(bobs).containsExactlyInAnyOrderElementsOf(expected);
        // Page by page as well: the cursor of a hostile text is as good as any other.
        List<PhotoId> paged = new ArrayList<>();
        Optional<PageRequest> page = Optional.of(PageRequest.first(1));
        while (page.isPresent()) {
            Page<Photo> result = gallery.photos().search(alice, query, page.get());
            result.items().forEach(photo -> paged.add(photo.id()));
            page = page.get().after(result);
        }
        assertThat(paged).isEqualTo(whole.stream().map(Photo::id).toList());
        // Bob's own search for the same finds his photos only: the strings match both owners' titles alike.
        assertThat(gallery.photos().search(bob, query, PageRequest.first(100)).items())
                .allSatisfy(photo -> assertThat(photo.ownerId()).isEqualTo(bob));
    }

    /** Tags with wildcards on one photo each of Alice and Bob, and a plain tag elsewhere. */
    private void tagWildcardsOnce() {
        if (tagged) {
            return;
        }
        tagged = true;
        for (int i = 0; i < everything.size(); i++) {
            Photo photo = everything.get(i);
            List<String> tags = switch (i / 2) {
                case 0 -> List.of("%");
                case 1 -> List.of("_");
                case 2 -> List.of("*", "' or '1'='1");
                default -> List.of("plain");
            };
            everything.set(i, gallery.photos().update(photo.ownerId(), photo.id(),
                    dev.gallerykit.PhotoUpdate.of(u -> u.tags(tags))));
        }
    }

    private Photo current(Photo photo) {
        return gallery.photos().get(photo.ownerId(), photo.id());
    }
}
