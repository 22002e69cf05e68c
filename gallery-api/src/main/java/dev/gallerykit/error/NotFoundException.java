package dev.gallerykit.error;

/**
 * The thing does not exist, or belongs to someone else: the two are never told apart, so that
 * nobody learns of another user's albums or photos by guessing their ids.
 */
public class NotFoundException extends GalleryException {

    private final String kind;
    private final String id;

    public NotFoundException(String kind, Object id) {
        super(kind + " " + id + " not found");
        this.kind = kind;
        this.id = String.valueOf(id);
    }

    /** For subclasses with a message of their own. */
    protected NotFoundException(String kind, Object id, String message) {
        super(message);
        this.kind = kind;
        this.id = String.valueOf(id);
    }

    /** What was looked for: {@code "album"}, {@code "photo"}, {@code "user"}, ... */
    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
