package dev.gallerykit;

import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.LinkPasswordRequiredException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.PresignedRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * What anybody holding a share link may do, without an account: open it (giving its password if it
 * has one), list the album's photos, read their public fields and get URLs of their files. A link that
 * is unknown, expired or revoked, whose album is gone, or whose password is wrong, is
 * {@link NotFoundException}, whichever it is, so that nothing is learnt by trying. Wrong passwords are
 * limited: after five within fifteen minutes the link answers not found to every password until the
 * fifteen minutes are over.
 */
public interface LinkViews {

    /**
     * Opens the link and counts a view.
     *
     * @param token    the token of the link, as it was issued
     * @param password the link's password, when it has one
     * @throws LinkPasswordRequiredException when the link has a password and none was given (a kind of
     *         NotFoundException that lets a page ask for it)
     * @throws NotFoundException when the link does not open (see above)
     */
    LinkVisit open(String token, Optional<String> password);

    /**
     * The album's photos, newest first.
     *
     * @throws NotFoundException when the ticket's link no longer opens
     * @throws InvalidInputException naming {@code ticket} when it was altered, issued by another gallery
     *         or has expired; or naming {@code limit} or {@code cursor}
     */
    Page<PublicPhoto> photos(String ticket, PageRequest page);

    /**
     * One photo of the album.
     *
     * @throws NotFoundException when the photo is not in the link's album, or the link no longer opens
     */
    PublicPhoto photo(String ticket, PhotoId id);

    /**
     * A presigned GET of one of the photo's {@link PublicPhoto#files() files}.
     *
     * @throws NotFoundException when the photo is not in the link's album, the link no longer opens, or
     *         the file is not one the link gives (an original it keeps back included)
     */
    PresignedRequest url(String ticket, PhotoId id, String file, Duration ttl);
}
