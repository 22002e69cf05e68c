package dev.gallerykit;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumMember;
import java.util.Objects;

/** An album someone else owns, with the caller's membership of it: what "shared with me" lists. */
public record SharedAlbum(Album album, AlbumMember membership) {

    public SharedAlbum {
        Objects.requireNonNull(album, "album");
        Objects.requireNonNull(membership, "membership");
    }
}
