package dev.gallerykit;

import java.time.Instant;
import java.util.Objects;

/**
 * A share link opened: the album it shows and a ticket for the calls that follow. The ticket is
 * signed by the gallery, names the link (never its token or password) and works until
 * {@code ticketExpiresAt}, or until the owner revokes the link, whichever comes first. Open the link
 * again for a new one.
 *
 * @param allowOriginals whether the link gives originals (those that record a place only when it
 *                       shows locations, see {@link PublicPhoto#files()})
 */
public record LinkVisit(String ticket, PublicAlbum album, boolean allowOriginals, boolean showLocation,
                        Instant ticketExpiresAt) {

    public LinkVisit {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(album, "album");
        Objects.requireNonNull(ticketExpiresAt, "ticketExpiresAt");
    }

    /** Never shows the ticket. */
    @Override
    public String toString() {
        return "LinkVisit[album=" + album.name() + ", ticketExpiresAt=" + ticketExpiresAt + "]";
    }
}
