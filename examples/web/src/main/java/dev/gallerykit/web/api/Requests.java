package dev.gallerykit.web.api;

import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.error.InvalidInputException;
import java.util.Optional;

/** Checks shared by the controllers: required JSON fields and the paging parameters. */
final class Requests {

    /** The page size when a client gives none. */
    static final int DEFAULT_LIMIT = 20;

    private Requests() {
    }

    /** {@code value}, or an {@link InvalidInputException} naming {@code field} when the body left it out. */
    static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "is missing");
        }
        return value;
    }

    /** {@code ?limit=&cursor=}; the gallery checks the limit against its maximum and the cursor's signature. */
    static PageRequest page(Optional<Integer> limit, Optional<String> cursor) {
        return new PageRequest(limit.orElse(DEFAULT_LIMIT), cursor.filter(c -> !c.isBlank()));
    }
}
