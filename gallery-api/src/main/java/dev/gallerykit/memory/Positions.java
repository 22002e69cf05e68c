package dev.gallerykit.memory;

import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.spi.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/** Keyset pages over maps sorted newest first; the position is the last returned id. */
final class Positions {

    private Positions() {
    }

    static <K> Optional<K> parse(Optional<String> position, Function<UUID, K> toId) {
        return position.map(text -> {
            try {
                return toId.apply(UUID.fromString(text));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("cursor", "is not a position this store handed out");
            }
        });
    }

    /** {@code newestFirst} is sorted by descending id, so the keys after {@code after} are the older ones. */
    static <K, V> Slice<V> page(NavigableMap<K, V> newestFirst, Optional<K> after, Predicate<V> filter, int limit) {
        if (limit < 1) {
            throw new InvalidInputException("limit", "must be at least 1, was " + limit);
        }
        NavigableMap<K, V> rest = after.isPresent() ? newestFirst.tailMap(after.get(), false) : newestFirst;
        List<V> items = new ArrayList<>(limit);
        K last = null;
        for (var entry : rest.entrySet()) {
            if (!filter.test(entry.getValue())) {
                continue;
            }
            if (items.size() == limit) {
                return new Slice<>(items, Optional.of(last.toString()));
            }
            items.add(entry.getValue());
            last = entry.getKey();
        }
        return Slice.last(items);
    }
}
