package dev.gallerykit.auth;

import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.spi.UserRepository;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Read, change, write of one user under the repository's optimistic locking: a lost race reads the
 * user again and applies the change to what won, up to {@value #ATTEMPTS} attempts.
 */
final class UserUpdates {

    private static final int ATTEMPTS = 3;

    private final UserRepository users;

    UserUpdates(UserRepository users) {
        this.users = users;
    }

    /**
     * @param absent what to throw when the user is not there (any more)
     * @param change applied to the current user; may throw to refuse
     * @throws ConcurrentModificationException when every attempt lost a race
     */
    User apply(UserId id, Supplier<? extends RuntimeException> absent, UnaryOperator<User> change) {
        for (int attempt = 1; ; attempt++) {
            User user = users.findById(id).orElseThrow(absent);
            try {
                return users.update(change.apply(user));
            } catch (ConcurrentModificationException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
