package dev.gallerykit.internal;

import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a photo's files go: {@code {ownerId}/{photoId}/{attempt}/original} and
 * {@code {ownerId}/{photoId}/{attempt}/thumb-{size}.jpg}, and a direct upload's bytes first to
 * {@code {ownerId}/{photoId}/upload}. The owner comes first so that one user's files share a prefix
 * (listing, purging, per-tenant policies); a BlobStore may put its own prefix before.
 *
 * <p>The attempt is new for every try at storing a photo, so two tries (a retried completion of one
 * direct upload) never write or compensate each other's blobs, and a key never gets new bytes. The
 * staging key is the only one a client may write (with a presigned PUT); nothing that a record lists
 * lives there, so a late PUT cannot replace a verified original.
 */
final class BlobLayout {

    private static final SecureRandom RANDOM = new SecureRandom();

    private BlobLayout() {
    }

    /** A new attempt id: 64 random bits, so concurrent attempts at one photo do not collide. */
    static String newAttempt() {
        return HexFormat.of().toHexDigits(RANDOM.nextLong());
    }

    static String original(UserId owner, PhotoId photo, String attempt) {
        return owner + "/" + photo + "/" + attempt + "/original";
    }

    static String rendition(UserId owner, PhotoId photo, String attempt, String name) {
        return owner + "/" + photo + "/" + attempt + "/" + name + ".jpg";
    }

    /** Where the client PUTs a direct upload; completion copies the verified bytes away from it. */
    static String staging(UserId owner, PhotoId photo) {
        return owner + "/" + photo + "/upload";
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
