package dev.gallerykit.domain;

/** Where an account stands. */
public enum UserStatus {
    /** Signed up, email not yet confirmed: cannot sign in. */
    PENDING,
    /** Email confirmed. */
    ACTIVE,
    /** Switched off by an operator. */
    DISABLED
}
