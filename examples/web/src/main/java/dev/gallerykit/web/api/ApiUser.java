package dev.gallerykit.web.api;

import dev.gallerykit.domain.UserId;
import java.util.Objects;

/** The caller of an API request, from its verified bearer access token. */
record ApiUser(UserId id, String email) {

    ApiUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
    }
}
