package dev.gallerykit.web.api;

import dev.gallerykit.domain.Page;
import java.util.List;
import java.util.function.Function;

/** One page of a list: pass {@code next} back as {@code ?cursor=} for the following page; null on the last one. */
record PageJson<T>(List<T> items, String next) {

    static <S, T> PageJson<T> of(Page<S> page, Function<? super S, ? extends T> item) {
        return new PageJson<>(page.items().stream().<T>map(item).toList(), page.nextCursor().orElse(null));
    }
}
