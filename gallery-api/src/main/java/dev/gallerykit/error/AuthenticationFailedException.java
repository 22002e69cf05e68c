package dev.gallerykit.error;

/**
 * Credentials or a token were refused. The message is deliberately the same whether the account
 * exists or not; the reason is for logs, never for the caller's user.
 */
public class AuthenticationFailedException extends GalleryException {

    public AuthenticationFailedException(String message) {
        super(message);
    }

    public AuthenticationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
