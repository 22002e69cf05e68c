package dev.gallerykit.auth;

import dev.gallerykit.error.GalleryException;

/** A mail could not be handed to the mail server. */
public class MailDeliveryException extends GalleryException {

    private final boolean retryable;

    public MailDeliveryException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** True when the server was unreachable or refused for now; false for refused credentials. */
    @Override
    public boolean retryable() {
        return retryable;
    }
}
