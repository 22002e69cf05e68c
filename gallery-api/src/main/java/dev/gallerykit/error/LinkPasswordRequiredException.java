package dev.gallerykit.error;

/**
 * The share link exists and opens with a password, and none was given: a page answers with a
 * password form. A wrong password is a plain {@link NotFoundException}.
 */
public class LinkPasswordRequiredException extends NotFoundException {

    public LinkPasswordRequiredException() {
        super("link", "", "the share link needs its password");
    }
}
