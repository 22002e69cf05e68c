package dev.gallerykit.error;

/**
 * The caller sees the album or photo (it was shared with them) but may not do this to it: a viewer
 * uploading, a contributor renaming the album or editing someone else's photo, a member reading an
 * original the owner kept back. Someone who does not see the thing at all gets a
 * {@link NotFoundException} instead, so that nobody learns of it by guessing its id.
 */
public class AccessDeniedException extends GalleryException {

    private final String action;

    public AccessDeniedException(String action, String reason) {
        super("may not " + action + ": " + reason);
        this.action = action;
    }

    /** What was refused, such as {@code "upload into album 0191..."}. */
    public String action() {
        return action;
    }
}
