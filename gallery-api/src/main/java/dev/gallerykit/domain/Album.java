package dev.gallerykit.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A named set of one owner's photos.
 *
 * @param description empty string when none
 * @param cover       the photo shown for the album, one of its own
 * @param version     optimistic-locking version, set by the repository
 */
public record Album(
        AlbumId id,
        UserId ownerId,
        String name,
        String description,
        Optional<PhotoId> cover,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Album {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(cover, "cover");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public Album withName(String newName, Instant at) {
        return new Album(id, ownerId, newName, description, cover, createdAt, at, version);
    }

    public Album withDescription(String newDescription, Instant at) {
        return new Album(id, ownerId, name, newDescription, cover, createdAt, at, version);
    }

    public Album withCover(Optional<PhotoId> newCover, Instant at) {
        return new Album(id, ownerId, name, description, newCover, createdAt, at, version);
    }

    public Album withVersion(long newVersion) {
        return new Album(id, ownerId, name, description, cover, createdAt, updatedAt, newVersion);
    }
}
