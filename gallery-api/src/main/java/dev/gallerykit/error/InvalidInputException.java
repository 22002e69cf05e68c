package dev.gallerykit.error;

/** An argument was rejected before anything was written. Names the field and the reason. */
public class InvalidInputException extends GalleryException {

    private final String field;
    private final String reason;

    public InvalidInputException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
