package dev.gallerykit.web.session;

import dev.gallerykit.domain.UserId;
import java.util.Objects;

/**
 * The signed-in user of a request, from a verified access token. A controller method that takes one
 * is for signed-in users only: without a session the request is sent to the sign-in page.
 */
public record CurrentUser(UserId id, String email) {

    public CurrentUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
    }
}
