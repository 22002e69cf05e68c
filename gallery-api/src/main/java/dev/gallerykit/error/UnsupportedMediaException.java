package dev.gallerykit.error;

/** The bytes are not an image format GalleryKit accepts, whatever their name or declared type says. */
public class UnsupportedMediaException extends GalleryException {

    public UnsupportedMediaException(String message) {
        super(message);
    }

    public UnsupportedMediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
