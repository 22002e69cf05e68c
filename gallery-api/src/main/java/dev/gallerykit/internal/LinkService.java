package dev.gallerykit.internal;

import dev.gallerykit.LinkViews;
import dev.gallerykit.LinkVisit;
import dev.gallerykit.PublicAlbum;
import dev.gallerykit.PublicPhoto;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.ImageMetadata;
import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.ShareLink;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.LinkPasswordRequiredException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.PresignedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Share links as anonymous callers use them. Every way a link fails to open answers the same
 * {@link NotFoundException}; a ticket is the link's token hash and an expiry, sealed with the
 * gallery's secret, and every call with it reads the link again, so that a revoke takes effect at once.
 */
final class LinkService implements LinkViews {

    /** Wrong passwords a link takes within {@link #LOCKOUT} before it refuses every password. */
    static final int MAX_GUESSES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);
    /** How long a ticket from {@link #open} works. */
    static final Duration TICKET_TTL = Duration.ofHours(1);

    private static final String TICKET_SCOPE = "link-ticket";

    private final Core core;

    LinkService(Core core) {
        this.core = core;
    }

    @Override
    public LinkVisit open(String token, Optional<String> password) {
        Validation.required("token", token);
        Validation.required("password", password);
        if (token.length() > 200) {
            throw notFound();
        }
        Instant now = core.now();
        ShareLink link = core.shares.findLinkByToken(LinkSecrets.tokenHash(token))
                .filter(found -> found.activeAt(now)).orElseThrow(LinkService::notFound);
        if (link.hasPassword()) {
            String given = password.orElseThrow(LinkPasswordRequiredException::new);
            if (given.length() > SharingService.MAX_PASSWORD
                    || !core.shares.takeGuess(link.id(), MAX_GUESSES, now, now.minus(LOCKOUT))) {
                throw notFound();
            }
            if (!LinkSecrets.matches(given, link.passwordHash().orElseThrow())) {
                throw notFound();
            }
            core.shares.clearGuesses(link.id());
        }
        Album album = core.albums.find(link.ownerId(), link.albumId()).orElseThrow(LinkService::notFound);
        core.shares.countView(link.id());
        Instant expires = now.plus(TICKET_TTL);
        if (link.expiresAt().isPresent() && link.expiresAt().get().isBefore(expires)) {
            expires = link.expiresAt().get();
        }
        // The ticket names the link by its token's hash (what the store looks it up by), never by owner or album
        // ids: it travels to the visitor, who is shown neither.
        String ticket = core.seal(TICKET_SCOPE, link.tokenHash() + "|" + expires.getEpochSecond());
        return new LinkVisit(ticket, new PublicAlbum(album.name(), album.description(), album.cover()),
                link.allowOriginals(), link.showLocation(), expires);
    }

    @Override
    public Page<PublicPhoto> photos(String ticket, PageRequest page) {
        ShareLink link = reopen(ticket);
        Page<Photo> photos = core.page(CursorCodec.scope("link.photos", link.id()), page,
                (limit, after) -> core.photos.listByAlbum(link.ownerId(), link.albumId(), limit, after));
        return new Page<>(photos.items().stream().map(photo -> shown(photo, link)).toList(), photos.nextCursor());
    }

    @Override
    public PublicPhoto photo(String ticket, PhotoId id) {
        ShareLink link = reopen(ticket);
        return shown(photoOf(link, id), link);
    }

    @Override
    public PresignedRequest url(String ticket, PhotoId id, String file, Duration ttl) {
        Validation.required("file", file);
        Validation.ttl(ttl);
        ShareLink link = reopen(ticket);
        Photo photo = photoOf(link, id);
        if (!files(photo, link).contains(file)) {
            throw new NotFoundException("file", file + " of photo " + id);
        }
        Derivative derivative = photo.derivative(file).orElseThrow();
        Optional<String> disposition = derivative.isOriginal()
                ? Optional.of(PhotoService.contentDisposition(photo.originalFileName()))
                : Optional.empty();
        return core.blobs.presignGet(derivative.blobKey(), ttl, disposition);
    }

    /**
     * The ticket's link, read again, so that a revoke takes effect at once. No album read is needed: an
     * album being deleted has lost its links right after it was marked.
     */
    private ShareLink reopen(String ticket) {
        String[] parts = core.open("ticket", TICKET_SCOPE, Validation.required("ticket", ticket)).split("\\|");
        Instant expires;
        try {
            expires = Instant.ofEpochSecond(Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            // Sealed by this gallery, so only a different version of it could have written this.
            throw new InvalidInputException("ticket", "is not one this gallery issued");
        }
        Instant now = core.now();
        if (!now.isBefore(expires)) {
            throw new InvalidInputException("ticket", "has expired at " + expires + "; open the link again");
        }
        return core.shares.findLinkByToken(parts[0]).filter(found -> found.activeAt(now))
                .orElseThrow(LinkService::notFound);
    }

    private Photo photoOf(ShareLink link, PhotoId id) {
        Validation.required("photoId", id);
        return core.photos.find(link.ownerId(), id).filter(photo -> photo.albumId().equals(link.albumId()))
                .orElseThrow(() -> new NotFoundException("photo", id));
    }

    /** What the link shows of the photo. */
    private static PublicPhoto shown(Photo photo, ShareLink link) {
        ImageMetadata metadata = photo.metadata();
        Optional<String> camera = Stream.of(metadata.cameraMake(), metadata.cameraModel())
                .flatMap(Optional::stream).reduce((make, model) -> model.startsWith(make) ? model : make + " " + model);
        return new PublicPhoto(photo.id(), photo.title(), photo.description(),
                photo.tags().stream().map(Tag::value).toList(), photo.contentType(), metadata.dimensions(),
                metadata.takenAt(), camera, link.showLocation() ? metadata.location() : Optional.empty(),
                files(photo, link), photo.status());
    }

    /**
     * The files of the photo the link gives: its renditions, and its original when the link allows
     * originals, unless the original records a place the link hides (its EXIF would show it).
     */
    private static List<String> files(Photo photo, ShareLink link) {
        List<String> files = new ArrayList<>(photo.thumbnails().stream().map(Derivative::name).toList());
        if (link.allowOriginals() && (link.showLocation() || photo.metadata().location().isEmpty())) {
            files.add(Derivative.ORIGINAL);
        }
        return files;
    }

    private static NotFoundException notFound() {
        return new NotFoundException("link", "(unknown, expired or revoked, or the password is wrong)");
    }
}
