package dev.gallerykit.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page to return: at most {@code limit} items after {@code cursor} (the first page when empty).
 * The limit is checked by the gallery against its configured maximum.
 */
public record PageRequest(int limit, Optional<String> cursor) {

    public PageRequest {
        Objects.requireNonNull(cursor, "cursor");
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    public static PageRequest next(int limit, String cursor) {
        return new PageRequest(limit, Optional.of(cursor));
    }

    /** The request for the page after {@code page}, or empty when it was the last one. */
    public Optional<PageRequest> after(Page<?> page) {
        return page.nextCursor().map(c -> new PageRequest(limit, Optional.of(c)));
    }
}
