package dev.gallerykit.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link PhotoRepository#create(dev.gallerykit.domain.Photo, PhotoClaims)} claims together with
 * the record, in the same atomic step, so that no interleaving of writers (threads or JVMs) gets past
 * them:
 *
 * <pre>{@code
 * photos.create(photo, PhotoClaims.NONE.withUniqueContent().withIdHeldUntil(token.expiresAt()));
 * }</pre>
 *
 * @param uniqueContent claim the owner and SHA-256 of the photo: while another photo holds that claim the
 *                      create is refused; the claim goes with the photo when it is deleted
 * @param idHeldUntil   keep the photo's id taken until then even after the photo is deleted, against every
 *                      later create that asks for a hold too: the creates of one direct upload, the only
 *                      ones that reuse an id, so that its token can never make the photo a second time
 */
public record PhotoClaims(boolean uniqueContent, Optional<Instant> idHeldUntil) {

    /** No claim beyond the photo's id, which every create claims while the photo exists. */
    public static final PhotoClaims NONE = new PhotoClaims(false, Optional.empty());

    public PhotoClaims {
        Objects.requireNonNull(idHeldUntil, "idHeldUntil");
    }

    /** These claims and the owner's SHA-256. */
    public PhotoClaims withUniqueContent() {
        return new PhotoClaims(true, idHeldUntil);
    }

    /** These claims, and the id held until {@code until}. */
    public PhotoClaims withIdHeldUntil(Instant until) {
        return new PhotoClaims(uniqueContent, Optional.of(Objects.requireNonNull(until, "until")));
    }
}
