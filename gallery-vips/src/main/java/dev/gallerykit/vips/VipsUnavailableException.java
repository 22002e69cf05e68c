package dev.gallerykit.vips;

import dev.gallerykit.error.GalleryException;

/**
 * libvips cannot be used in this process: it is not installed, it could not be loaded, or it is older
 * than 8.13. The message says what to install. Hosts that can run without it check
 * {@link VipsImageEngine#available()} first.
 */
public class VipsUnavailableException extends GalleryException {

    public VipsUnavailableException(String message) {
        super(message);
    }

    public VipsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
