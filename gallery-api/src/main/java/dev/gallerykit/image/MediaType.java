package dev.gallerykit.image;

/**
 * The image formats GalleryKit accepts, recognised from their first bytes (never from the file name
 * or the content type a client declares).
 */
public enum MediaType {
    JPEG("image/jpeg", "jpg", true),
    PNG("image/png", "png", true),
    GIF("image/gif", "gif", true),
    WEBP("image/webp", "webp", true),
    HEIC("image/heic", "heic", false),
    /** HEIF with an AV1-coded primary image. */
    AVIF("image/avif", "avif", false),
    /** Classic TIFF (not BigTIFF), as scanners and raw converters write it; its first image is the photo. */
    TIFF("image/tiff", "tif", true),
    /** Windows bitmap (BITMAPINFOHEADER and its successors, or OS/2's), as screenshots and old scanners write it. */
    BMP("image/bmp", "bmp", true);

    private final String mimeType;
    private final String extension;
    private final boolean decodable;

    MediaType(String mimeType, String extension, boolean decodable) {
        this.mimeType = mimeType;
        this.extension = extension;
        this.decodable = decodable;
    }

    public String mimeType() {
        return mimeType;
    }

    public String extension() {
        return extension;
    }

    /**
     * Whether the built-in {@link JavaImageEngine} (ImageIO) decodes it. Another
     * {@link dev.gallerykit.spi.ImageEngine} may decode more; see {@link dev.gallerykit.spi.ImageEngine#decodes}.
     */
    public boolean decodable() {
        return decodable;
    }

    /** The type whose MIME type is {@code mimeType} (lower case, as {@link #mimeType()} gives it), if any. */
    public static java.util.Optional<MediaType> ofMimeType(String mimeType) {
        for (MediaType type : values()) {
            if (type.mimeType.equals(mimeType)) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }
}
