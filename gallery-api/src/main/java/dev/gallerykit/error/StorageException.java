package dev.gallerykit.error;

/**
 * The store refused a request for a reason repeating it will not cure: a missing table or bucket,
 * denied access, a request it does not accept. Usually a deployment or configuration problem; the
 * message names the store's own reason. Its subtype {@link StorageUnavailableException} is the
 * retryable kind.
 */
public class StorageException extends GalleryException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
