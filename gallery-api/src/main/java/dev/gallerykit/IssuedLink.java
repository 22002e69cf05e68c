package dev.gallerykit;

import dev.gallerykit.domain.ShareLink;
import java.util.Objects;

/**
 * A link just made: its stored record and the token that opens it. The token exists only here (the
 * store keeps its hash): show it to the owner once, as part of the URL they hand out.
 */
public record IssuedLink(ShareLink link, String token) {

    public IssuedLink {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(token, "token");
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "IssuedLink[link=" + link.id() + ", album=" + link.albumId() + "]";
    }
}
