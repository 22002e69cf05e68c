package dev.gallerykit.spi;

import dev.gallerykit.domain.UserId;

/**
 * Whether a user id may still own new albums: the gallery asks before it creates one, and again
 * after, so that nothing is created for an account that is gone or on its way out. An account
 * deletion that first marks the account (so that this check says no) and then purges its data
 * leaves nothing behind: an album written before the mark is found by the purge, one written after
 * it is removed again by its own second check. {@code gallery-auth} provides the check on its
 * users ({@code Accounts.ownerCheck(users)}); without accounts every id may own albums.
 *
 * <p>The answer must reflect what the store holds now (a strongly consistent read), or the second
 * check could miss a mark just written.
 */
@FunctionalInterface
public interface OwnerCheck {

    /** Every id may own albums: for a gallery whose owners are not accounts of {@code gallery-auth}. */
    static OwnerCheck anyone() {
        return owner -> true;
    }

    /**
     * @throws dev.gallerykit.error.StorageUnavailableException when the store cannot be reached (retryable)
     */
    boolean mayOwn(UserId owner);
}
