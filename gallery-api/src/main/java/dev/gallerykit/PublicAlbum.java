package dev.gallerykit;

import dev.gallerykit.domain.PhotoId;
import java.util.Objects;
import java.util.Optional;

/** What a share link shows of its album: no owner, no ids but the cover's. */
public record PublicAlbum(String name, String description, Optional<PhotoId> cover) {

    public PublicAlbum {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(cover, "cover");
    }
}
