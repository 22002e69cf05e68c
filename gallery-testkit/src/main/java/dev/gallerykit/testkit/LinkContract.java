package dev.gallerykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.Gallery;
import dev.gallerykit.IssuedLink;
import dev.gallerykit.LinkSettings;
import dev.gallerykit.LinkVisit;
import dev.gallerykit.PublicPhoto;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumRole;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.ShareLink;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.AccessDeniedException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.LinkPasswordRequiredException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Share links through the use cases, on the fixture's stores: what a visitor without an account sees
 * through a link of each kind, what the link keeps back (location, originals), and how expiry,
 * passwords, wrong guesses, revoke and album delete end what a link and its tickets open.
 */
abstract class LinkContract extends GalleryCase {

    private static final PageRequest ALL = PageRequest.first(50);
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final String THUMBNAIL = Derivative.thumbnailName(256);
    private static final String PASSWORD = "tram 28 to Graça";

    private Album album;
    private Photo photo;

    @BeforeEach
    void anAlbumWithAGeotaggedPhoto() {
        album = anAlbum(alice, "Lisbon");
        photo = upload(alice, album.id(), PhotoFixtures.aJpegWithExif());
        assertThat(photo.metadata().location()).as("the fixture records where it was taken").isPresent();
    }

    private IssuedLink link(LinkSettings settings) {
        return gallery.sharing().createLink(alice, album.id(), settings);
    }

    private LinkVisit open(IssuedLink link) {
        return gallery.links().open(link.token(), Optional.empty());
    }

    @Test
    @DisplayName("a link opens without an account: the album, its photos and their thumbnails, and no owner")
    void aVisitorSeesTheAlbum() {
        IssuedLink link = link(LinkSettings.defaults());

        LinkVisit visit = open(link);

        assertThat(visit.album().name()).isEqualTo("Lisbon");
        List<PublicPhoto> photos = gallery.links().photos(visit.ticket(), ALL).items();
        assertThat(photos).singleElement().satisfies(shown -> {
            assertThat(shown.id()).isEqualTo(photo.id());
            assertThat(shown.title()).isEqualTo(photo.title());
            assertThat(shown.dimensions()).isEqualTo(photo.metadata().dimensions());
            assertThat(shown.files()).as("renditions only").isNotEmpty().doesNotContain(Derivative.ORIGINAL);
        });
        assertThat(gallery.links().photo(visit.ticket(), photo.id())).isEqualTo(photos.get(0));
        byte[] thumbnail = presigned.get(gallery.links().url(visit.ticket(), photo.id(), THUMBNAIL, MINUTE));
        assertThat(thumbnail).isEqualTo(storedBytes(photo, THUMBNAIL));
        String sealed = new String(java.util.Base64.getUrlDecoder().decode(visit.ticket().split("\\.")[0]),
                StandardCharsets.UTF_8);
        assertThat(sealed).as("what the ticket carries").doesNotContain(alice.toString(), album.id().toString());
        assertThat(photos.get(0).toString()).as("what a visitor is shown")
                .doesNotContain(alice.toString(), photo.sha256(), photo.originalFileName(), photo.original().blobKey());
    }

    @Test
    @DisplayName("the token is 256 random bits, stored only as its SHA-256; each open counts a view")
    void tokensAndViews() {
        IssuedLink link = link(LinkSettings.defaults());

        assertThat(link.token()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(link.link().tokenHash()).isEqualTo(sha256Hex(link.token())).isNotEqualTo(link.token());
        assertThat(shares.findLinkByToken(sha256Hex(link.token()))).map(ShareLink::id).contains(link.link().id());
        assertThat(link.toString()).doesNotContain(link.token());
        open(link);
        open(link);
        assertThat(gallery.sharing().links(alice, album.id(), ALL).items()).singleElement()
                .satisfies(listed -> assertThat(listed.views()).isEqualTo(2));
        assertThatThrownBy(() -> gallery.links().open(link.token() + "x", Optional.empty()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("the place a photo was taken is hidden by default, in the fields and in the files")
    void locationIsHiddenByDefault() {
        LinkVisit hidden = open(link(LinkSettings.defaults().allowingOriginals(true)));

        PublicPhoto shown = gallery.links().photo(hidden.ticket(), photo.id());
        assertThat(shown.location()).isEmpty();
        assertThat(shown.files()).as("the original keeps its GPS in EXIF: not given").doesNotContain(Derivative.ORIGINAL);
        assertThatThrownBy(() -> gallery.links().url(hidden.ticket(), photo.id(), Derivative.ORIGINAL, MINUTE))
                .isInstanceOf(NotFoundException.class);
        byte[] thumbnail = presigned.get(gallery.links().url(hidden.ticket(), photo.id(), THUMBNAIL, MINUTE));
        assertThat(new String(thumbnail, StandardCharsets.ISO_8859_1)).as("a rendition carries no EXIF")
                .doesNotContain("Exif\0\0");

        LinkVisit shownPlace = open(link(LinkSettings.defaults().allowingOriginals(true).showingLocation(true)));
        PublicPhoto located = gallery.links().photo(shownPlace.ticket(), photo.id());
        assertThat(located.location()).isEqualTo(photo.metadata().location());
        assertThat(presigned.get(gallery.links().url(shownPlace.ticket(), photo.id(), Derivative.ORIGINAL, MINUTE)))
                .isEqualTo(storedBytes(photo, Derivative.ORIGINAL));
    }

    @Test
    @DisplayName("originals only through a link that allows them")
    void originalsOnlyWhenAllowed() {
        Photo plain = upload(alice, album.id(), PhotoFixtures.aJpeg(64, 48, 5));
        LinkVisit renditions = open(link(LinkSettings.defaults()));
        LinkVisit originals = open(link(LinkSettings.defaults().allowingOriginals(true)));

        assertThatThrownBy(() -> gallery.links().url(renditions.ticket(), plain.id(), Derivative.ORIGINAL, MINUTE))
                .isInstanceOf(NotFoundException.class);
        assertThat(gallery.links().photo(originals.ticket(), plain.id()).files()).contains(Derivative.ORIGINAL);
        assertThat(presigned.get(gallery.links().url(originals.ticket(), plain.id(), Derivative.ORIGINAL, MINUTE)))
                .isEqualTo(storedBytes(plain, Derivative.ORIGINAL));
    }

    @Test
    @DisplayName("a password link asks for it, refuses a wrong one as not found, and keeps only a PBKDF2 hash")
    void passwords() {
        IssuedLink link = link(LinkSettings.defaults().withPassword(PASSWORD));

        assertThat(link.link().passwordHash()).hasValueSatisfying(hash ->
                assertThat(hash).startsWith("pbkdf2-sha256$").doesNotContain(PASSWORD));
        assertThatThrownBy(() -> open(link)).isInstanceOf(LinkPasswordRequiredException.class);
        assertThatThrownBy(() -> gallery.links().open(link.token(), Optional.of("tram 15")))
                .isExactlyInstanceOf(NotFoundException.class);
        LinkVisit visit = gallery.links().open(link.token(), Optional.of(PASSWORD));
        assertThat(gallery.links().photos(visit.ticket(), ALL).items()).hasSize(1);
        assertThat(visit.ticket()).doesNotContain(PASSWORD).doesNotContain(link.token());
    }

    @Test
    @DisplayName("after five wrong passwords the right one is refused too, until fifteen minutes have passed")
    void wrongGuessesAreLimited() {
        IssuedLink link = link(LinkSettings.defaults().withPassword(PASSWORD));
        for (int guess = 1; guess <= 5; guess++) {
            assertThatThrownBy(() -> gallery.links().open(link.token(), Optional.of("guess")))
                    .isInstanceOf(NotFoundException.class);
        }

        assertThatThrownBy(() -> gallery.links().open(link.token(), Optional.of(PASSWORD)))
                .as("the right password while locked").isInstanceOf(NotFoundException.class);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(gallery.links().open(link.token(), Optional.of(PASSWORD)).album().name()).isEqualTo("Lisbon");
        // The right password cleared the count: five more wrong ones are taken before the next lock.
        for (int guess = 1; guess <= 4; guess++) {
            assertThatThrownBy(() -> gallery.links().open(link.token(), Optional.of("guess")))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThat(gallery.links().open(link.token(), Optional.of(PASSWORD))).isNotNull();
    }

    @Test
    @DisplayName("an expired link is not found, and its ticket expires with it")
    void expiry() {
        IssuedLink link = link(LinkSettings.defaults().expiringAt(clock.instant().plus(Duration.ofMinutes(30))));
        LinkVisit visit = open(link);
        assertThat(visit.ticketExpiresAt()).isEqualTo(link.link().expiresAt().orElseThrow());

        clock.advance(Duration.ofMinutes(30));

        assertThatThrownBy(() -> open(link)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> gallery.links().photos(visit.ticket(), ALL))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("ticket"));
    }

    @Test
    @DisplayName("a revoked link and every ticket it gave are not found at once; it stays listed with its views")
    void revoke() {
        IssuedLink link = link(LinkSettings.defaults());
        LinkVisit visit = open(link);

        ShareLink revoked = gallery.sharing().revokeLink(alice, album.id(), link.link().id());

        assertThat(revoked.revokedAt()).isPresent();
        assertThatThrownBy(() -> open(link)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> gallery.links().photos(visit.ticket(), ALL)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> gallery.links().url(visit.ticket(), photo.id(), THUMBNAIL, MINUTE))
                .isInstanceOf(NotFoundException.class);
        assertThat(gallery.sharing().revokeLink(alice, album.id(), link.link().id())).as("revoking again")
                .isEqualTo(revoked);
        assertThat(gallery.sharing().links(alice, album.id(), ALL).items()).singleElement().satisfies(listed -> {
            assertThat(listed.revokedAt()).isEqualTo(revoked.revokedAt());
            assertThat(listed.views()).isEqualTo(1);
        });
    }

    @Test
    @DisplayName("deleting the album removes its links; a ticket sees only the link's own album")
    void albumDeleteAndOtherAlbums() {
        Album other = anAlbum(alice, "Porto");
        Photo elsewhere = upload(alice, other.id(), PhotoFixtures.aJpeg(64, 48, 6));
        IssuedLink link = link(LinkSettings.defaults());
        LinkVisit visit = open(link);

        assertThatThrownBy(() -> gallery.links().photo(visit.ticket(), elsewhere.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> gallery.links().url(visit.ticket(), elsewhere.id(), THUMBNAIL, MINUTE))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> gallery.links().photos(visit.ticket().substring(1), ALL))
                .as("an altered ticket").isInstanceOf(InvalidInputException.class);

        gallery.albums().delete(alice, album.id());

        assertThatThrownBy(() -> open(link)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> gallery.links().photos(visit.ticket(), ALL)).isInstanceOf(NotFoundException.class);
        assertThat(shares.findLinkByToken(sha256Hex(link.token()))).as("I6: the link").isEmpty();
    }

    @Test
    @DisplayName("only the owner makes, lists and revokes links; bad settings are refused and change nothing")
    void managingLinks() {
        UserId viewer = new UserId(UUID.randomUUID());
        gallery.sharing().share(alice, album.id(), viewer, AlbumRole.VIEWER, true);
        IssuedLink link = link(LinkSettings.defaults());

        assertThatThrownBy(() -> gallery.sharing().createLink(viewer, album.id(), LinkSettings.defaults()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> gallery.sharing().links(viewer, album.id(), ALL)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> gallery.sharing().revokeLink(viewer, album.id(), link.link().id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> gallery.sharing().createLink(bob, album.id(), LinkSettings.defaults()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> gallery.sharing().revokeLink(bob, album.id(), link.link().id()))
                .isInstanceOf(NotFoundException.class);
        assertInvalid(() -> link(LinkSettings.defaults().expiringAt(clock.instant())), "expiresAt");
        assertInvalid(() -> link(LinkSettings.defaults().withPassword("   ")), "password");
        assertInvalid(() -> link(LinkSettings.defaults().withPassword("x".repeat(1025))), "password");

        assertThat(gallery.sharing().links(alice, album.id(), ALL).items()).extracting(ShareLink::id)
                .containsExactly(link.link().id());
        assertThat(open(link)).isNotNull();
    }

    @Test
    @DisplayName("a new password hash takes the gallery's PBKDF2 iterations, 600,000 by default")
    void passwordIterations() {
        Gallery defaults = gallery(b -> b.linkPasswordIterations(Gallery.DEFAULT_LINK_PASSWORD_ITERATIONS));

        IssuedLink link = defaults.sharing().createLink(alice, album.id(), LinkSettings.defaults().withPassword(PASSWORD));

        assertThat(link.link().passwordHash().orElseThrow()).startsWith("pbkdf2-sha256$600000$");
        assertThat(gallery.links().open(link.token(), Optional.of(PASSWORD))).as("opened by a gallery set lower")
                .isNotNull();
    }

    /** The kinds of link a visitor may hold, and whether it opens. */
    enum Kind {
        PLAIN(true), WITH_ITS_PASSWORD(true), WITH_A_WRONG_PASSWORD(false), WITHOUT_ITS_PASSWORD(false),
        EXPIRED(false), REVOKED(false), OF_A_DELETED_ALBUM(false);

        final boolean opens;

        Kind(boolean opens) {
            this.opens = opens;
        }
    }

    @ParameterizedTest(name = "a visitor holding a link {0}")
    @EnumSource(Kind.class)
    @DisplayName("each kind of link: opens, lists, reads and gives URLs, or is not found, with the tickets it gave")
    void eachKindOfLink(Kind kind) {
        boolean withPassword = kind == Kind.WITH_ITS_PASSWORD || kind == Kind.WITH_A_WRONG_PASSWORD
                || kind == Kind.WITHOUT_ITS_PASSWORD;
        LinkSettings settings = LinkSettings.defaults().expiringAt(clock.instant().plus(Duration.ofMinutes(30)));
        IssuedLink link = link(withPassword ? settings.withPassword(PASSWORD) : settings);
        // A ticket from before the link stopped working, as a visitor still on the page holds it.
        String ticket = gallery.links().open(link.token(), withPassword ? Optional.of(PASSWORD) : Optional.empty()).ticket();
        Optional<String> given = switch (kind) {
            case WITH_ITS_PASSWORD -> Optional.of(PASSWORD);
            case WITH_A_WRONG_PASSWORD -> Optional.of("wrong");
            default -> Optional.empty();
        };
        switch (kind) {
            case EXPIRED -> clock.advance(Duration.ofMinutes(30));
            case REVOKED -> gallery.sharing().revokeLink(alice, album.id(), link.link().id());
            case OF_A_DELETED_ALBUM -> gallery.albums().delete(alice, album.id());
            default -> {
            }
        }

        if (kind.opens) {
            String fresh = gallery.links().open(link.token(), given).ticket();
            for (String held : List.of(ticket, fresh)) {
                assertThat(gallery.links().photos(held, ALL).items()).extracting(PublicPhoto::id).containsExactly(photo.id());
                assertThat(gallery.links().photo(held, photo.id()).id()).isEqualTo(photo.id());
                assertThat(gallery.links().url(held, photo.id(), THUMBNAIL, MINUTE)).isNotNull();
            }
            return;
        }
        assertThatThrownBy(() -> gallery.links().open(link.token(), given)).as("open").isInstanceOf(NotFoundException.class);
        if (kind == Kind.WITH_A_WRONG_PASSWORD || kind == Kind.WITHOUT_ITS_PASSWORD) {
            // Nothing else to try: without opening the link there is no ticket (the one held stays its holder's).
            return;
        }
        if (kind == Kind.EXPIRED) {
            assertThatThrownBy(() -> gallery.links().photos(ticket, ALL)).as("the expired ticket")
                    .isInstanceOf(InvalidInputException.class);
            return;
        }
        assertThatThrownBy(() -> gallery.links().photos(ticket, ALL)).as("photos").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> gallery.links().photo(ticket, photo.id())).as("photo").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> gallery.links().url(ticket, photo.id(), THUMBNAIL, MINUTE)).as("url")
                .isInstanceOf(NotFoundException.class);
    }

    private static String sha256Hex(String token) {
        return sha256Of(token.getBytes(StandardCharsets.UTF_8));
    }
}
