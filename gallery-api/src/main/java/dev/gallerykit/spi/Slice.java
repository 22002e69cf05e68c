package dev.gallerykit.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a repository returns for one page: the items and, when more may follow, the position after
 * the last one. The position is the adapter's own (a last id, a serialised {@code LastEvaluatedKey});
 * the gallery signs it into the opaque cursor callers see, so adapters never need to protect it.
 */
public record Slice<T>(List<T> items, Optional<String> next) {

    public Slice {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }

    public static <T> Slice<T> last(List<T> items) {
        return new Slice<>(items, Optional.empty());
    }
}
