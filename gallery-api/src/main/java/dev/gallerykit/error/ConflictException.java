package dev.gallerykit.error;

/** The write would break a uniqueness rule, such as a second account with the same email. */
public class ConflictException extends GalleryException {

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
