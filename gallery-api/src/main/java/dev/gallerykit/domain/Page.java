package dev.gallerykit.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a list or search. Pass {@link #nextCursor()} back, with the same query, for the next
 * page; it is empty on the last page. Cursors are opaque and signed: an altered cursor, or one from
 * another query or user, is refused with an {@code InvalidInputException} naming {@code cursor}.
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }

    public boolean hasNext() {
        return nextCursor.isPresent();
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }
}
