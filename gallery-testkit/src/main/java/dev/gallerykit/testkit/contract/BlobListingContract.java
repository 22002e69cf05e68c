package dev.gallerykit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import dev.gallerykit.error.GalleryException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.spi.Blob;
import dev.gallerykit.spi.BlobAttributes;
import dev.gallerykit.spi.BlobInfo;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PresignedRequest;
import dev.gallerykit.spi.Slice;
import dev.gallerykit.testkit.fixtures.GeneratedStreams;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Listing by prefix: order, paging positions, and what listings may not know. */
abstract class BlobListingContract extends BlobStoreCase {

    @Test
    @DisplayName("gives the keys with the prefix in ascending order, and no others")
    void listGivesTheKeysWithThePrefixInAscendingOrder() {
        List<String> names = new ArrayList<>(List.of("b", "a/2", "a/10", "a", "c.jpg", "ab", "A"));
        Collections.shuffle(names, new Random(14));
        names.forEach(name -> put(key(name), new byte[] {1}, "image/jpeg"));
        put("contract/" + UUID.randomUUID() + "/a", new byte[] {1}, "image/jpeg");

        assertThat(listAll(prefix, 100)).containsExactly(
                key("A"), key("a"), key("a/10"), key("a/2"), key("ab"), key("b"), key("c.jpg"));
        assertThat(listAll(key("a"), 100)).containsExactly(key("a"), key("a/10"), key("a/2"), key("ab"));
        assertThat(listAll(key("a/"), 100)).containsExactly(key("a/10"), key("a/2"));
    }

    @Test
    @DisplayName("describes each object with its key, size and date")
    void listDescribesEachObject() {
        Instant before = clock().instant();
        put(key("one"), bytes(11, 15), "image/jpeg");
        put(key("two"), bytes(22, 16), "image/png");
        Instant after = clock().instant();

        List<BlobInfo> infos = store.list(prefix, 10, Optional.empty()).items();

        assertThat(infos).extracting(BlobInfo::key, BlobInfo::size)
                .containsExactly(tuple(key("one"), 11L),
                        tuple(key("two"), 22L));
        assertThat(infos).allSatisfy(info -> assertDatedBetween(info, before, after));
    }

    @Test
    @DisplayName("pages through many keys in order without duplicates or gaps")
    void listPagesThroughManyKeys() {
        List<String> keys = IntStream.range(0, 25).mapToObj(i -> key(String.format("k%03d", i))).toList();
        keys.forEach(key -> put(key, new byte[] {2}, "image/jpeg"));

        List<List<BlobInfo>> pages = Paging.allPages(10, after -> store.list(prefix, 10, after));

        assertThat(pages.stream().flatMap(List::stream).map(BlobInfo::key)).containsExactlyElementsOf(keys);
        assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    @DisplayName("gives no next position after an exactly full last page, and one when a key follows")
    void anExactlyFullLastPageHasNoNext() {
        IntStream.range(0, 10).forEach(i -> put(key(String.format("k%03d", i)), new byte[] {3}, "image/jpeg"));

        Slice<BlobInfo> only = store.list(prefix, 10, Optional.empty());
        List<List<BlobInfo>> pages = Paging.allPages(5, after -> store.list(prefix, 5, after));
        Slice<BlobInfo> allButOne = store.list(prefix, 9, Optional.empty());

        assertThat(only.items()).hasSize(10);
        assertThat(only.next()).isEmpty();
        assertThat(pages).hasSize(2).allSatisfy(page -> assertThat(page).hasSize(5));
        assertThat(allButOne.next()).isPresent();
        assertThat(store.list(prefix, 9, allButOne.next()).items()).extracting(BlobInfo::key)
                .containsExactly(key("k009"));
    }

    @Test
    @DisplayName("of a prefix nobody used is empty and last")
    void listOfAnUnusedPrefixIsEmpty() {
        var slice = store.list(prefix, 10, Optional.empty());

        assertThat(slice.items()).isEmpty();
        assertThat(slice.next()).isEmpty();
    }
}
