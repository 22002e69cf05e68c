package dev.gallerykit.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A user the owner of an album shared it with.
 *
 * @param originals whether the member may read the originals (renditions they always may)
 */
public record AlbumMember(
        AlbumId albumId,
        UserId ownerId,
        UserId memberId,
        AlbumRole role,
        boolean originals,
        Instant createdAt,
        Instant updatedAt) {

    public AlbumMember {
        Objects.requireNonNull(albumId, "albumId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (ownerId.equals(memberId)) {
            throw new IllegalArgumentException("the owner of album " + albumId + " cannot be its member");
        }
    }

    public boolean contributes() {
        return role == AlbumRole.CONTRIBUTOR;
    }
}
