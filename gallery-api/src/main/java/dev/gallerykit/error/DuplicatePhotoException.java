package dev.gallerykit.error;

import dev.gallerykit.domain.PhotoId;

/** The owner already has a photo with exactly these bytes (same SHA-256). */
public class DuplicatePhotoException extends ConflictException {

    private final PhotoId existing;

    public DuplicatePhotoException(PhotoId existing) {
        super("the same file was already uploaded as photo " + existing);
        this.existing = existing;
    }

    public PhotoId existing() {
        return existing;
    }
}
