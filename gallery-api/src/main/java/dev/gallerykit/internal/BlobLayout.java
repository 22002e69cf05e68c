package dev.gallerykit.internal;

import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a photo's files go: {@code {ownerId}/{photoId}/original} and
 * {@code {ownerId}/{photoId}/thumb-{size}.jpg}. The owner comes first so that one user's files
 * share a prefix (listing, purging, per-tenant policies); a BlobStore may put its own prefix before.
 */
final class BlobLayout {

    private BlobLayout() {
    }

    static String original(UserId owner, PhotoId photo) {
        return owner + "/" + photo + "/original";
    }

    static String rendition(UserId owner, PhotoId photo, String name) {
        return owner + "/" + photo + "/" + name + ".jpg";
    }

    /** The owner and photo a key belongs to, when it is in this layout. */
    static Optional<PhotoRef> parse(String key) {
        String[] parts = key.split("/", 3);
        if (parts.length != 3 || parts[2].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PhotoRef(new UserId(UUID.fromString(parts[0])), new PhotoId(UUID.fromString(parts[1]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    record PhotoRef(UserId owner, PhotoId photo) {
    }
}
