package dev.gallerykit.error;

/** The store could not be reached or refused for now (timeouts, throttling, a pool exhausted). Retryable. */
public class StorageUnavailableException extends StorageException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
