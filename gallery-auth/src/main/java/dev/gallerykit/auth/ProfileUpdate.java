package dev.gallerykit.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * Changes to a profile; an empty field stays as it is. A new email takes effect only once the link
 * mailed to it is opened ({@link Accounts#confirmEmail}).
 *
 * <pre>{@code
 * accounts.updateProfile(me, ProfileUpdate.displayName("Ann B.").withEmail("ann@new.example"));
 * }</pre>
 */
public record ProfileUpdate(Optional<String> displayName, Optional<String> email) {

    public ProfileUpdate {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(email, "email");
    }

    public static ProfileUpdate displayName(String value) {
        return new ProfileUpdate(Optional.of(value), Optional.empty());
    }

    public static ProfileUpdate email(String value) {
        return new ProfileUpdate(Optional.empty(), Optional.of(value));
    }

    public ProfileUpdate withDisplayName(String value) {
        return new ProfileUpdate(Optional.of(value), email);
    }

    public ProfileUpdate withEmail(String value) {
        return new ProfileUpdate(displayName, Optional.of(value));
    }
}
