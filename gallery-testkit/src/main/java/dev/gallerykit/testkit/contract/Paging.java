package dev.gallerykit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.spi.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Follows {@link Slice#next()} from the first page to the last, checking that a next position is
 * given exactly when another item follows: no page holds more than {@code limit} items, and none
 * reached through a next position is empty.
 */
final class Paging {

    private static final int MAX_PAGES = 1_000;

    private Paging() {
    }

    /** Every page in turn; checks that none holds more than {@code limit} items, and none after the first is empty. */
    static <T> List<List<T>> allPages(int limit, Function<Optional<String>, Slice<T>> fetch) {
        return allPagesFrom(Optional.empty(), limit, fetch);
    }

    static <T> List<List<T>> allPagesFrom(Optional<String> start, int limit,
            Function<Optional<String>, Slice<T>> fetch) {
        List<List<T>> pages = new ArrayList<>();
        Optional<String> position = start;
        do {
            Slice<T> slice = fetch.apply(position);
            assertThat(slice.items()).as("page %d", pages.size() + 1).hasSizeLessThanOrEqualTo(limit);
            if (!pages.isEmpty()) {
                assertThat(slice.items()).as("page %d, reached through the next position of page %d",
                        pages.size() + 1, pages.size()).isNotEmpty();
            }
            pages.add(slice.items());
            position = slice.next();
        } while (position.isPresent() && pages.size() < MAX_PAGES);
        assertThat(position).as("a last page within %d pages", MAX_PAGES).isEmpty();
        return pages;
    }

    static <T, R> List<R> allItems(int limit, Function<Optional<String>, Slice<T>> fetch, Function<T, R> key) {
        return allItemsFrom(Optional.empty(), limit, fetch, key);
    }

    static <T, R> List<R> allItemsFrom(Optional<String> start, int limit, Function<Optional<String>, Slice<T>> fetch,
            Function<T, R> key) {
        return allPagesFrom(start, limit, fetch).stream().flatMap(List::stream).map(key).toList();
    }
}
