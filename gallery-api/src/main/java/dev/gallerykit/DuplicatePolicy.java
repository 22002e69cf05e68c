package dev.gallerykit;

/** What an upload of bytes the owner already has (same SHA-256) does. */
public enum DuplicatePolicy {
    /** Refuse it with a {@link dev.gallerykit.error.DuplicatePhotoException} naming the existing photo. */
    REJECT,
    /** Store it again as a new photo. */
    ALLOW
}
