package dev.gallerykit.testkit.contract;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.AlbumMember;
import dev.gallerykit.domain.AlbumRole;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.domain.GeoPoint;
import dev.gallerykit.domain.IdGenerator;
import dev.gallerykit.domain.ImageMetadata;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.Session;
import dev.gallerykit.domain.ShareLink;
import dev.gallerykit.domain.ShareLinkId;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.TakenAt;
import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.domain.UserStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Test-data builders for the repository contracts. Every record gets a fresh time-ordered id, made
 * in call order, so of two records the one built later is the newer; every user a fresh email.
 * Times come from a fixed clock on a whole second, which every store keeps exactly.
 */
public final class Records {

    public static final Instant NOW = Instant.parse("2024-05-04T10:15:30Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final IdGenerator IDS = IdGenerator.timeOrdered(CLOCK);

    private Records() {
    }

    /** A user id nobody has used: the owner of the albums and photos of one test. */
    public static UserId anOwner() {
        return IDS.nextUserId();
    }

    public static String aUniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    public static User aUser() {
        return aUser(aUniqueEmail());
    }

    public static User aUser(String email) {
        return new User(IDS.nextUserId(), email, "Ann Example", "$2a$12$" + "x".repeat(53), UserStatus.PENDING, 0,
                Optional.empty(), NOW, NOW, Optional.empty(), 0);
    }

    public static Album anAlbum(UserId owner) {
        return anAlbum(owner, "Holidays", "");
    }

    public static Album anAlbum(UserId owner, String name, String description) {
        return new Album(IDS.nextAlbumId(), owner, name, description, Optional.empty(), NOW, NOW, 0);
    }

    /** A photo with only the required fields: no tags, no EXIF, the original as its one derivative, uploaded by its owner. */
    public static Photo aPhoto(UserId owner, AlbumId album) {
        return aPhoto(owner, album, photo -> { });
    }

    public static Photo aPhoto(UserId owner, AlbumId album, Consumer<Photo.Builder> changes) {
        var id = IDS.nextPhotoId();
        Photo.Builder builder = Photo.builder()
                .id(id)
                .albumId(album)
                .ownerId(owner)
                .title("IMG_0042")
                .originalFileName("IMG_0042.jpg")
                .contentType("image/jpeg")
                .size(123_456)
                .sha256(aSha256())
                .derivatives(List.of(new Derivative(Derivative.ORIGINAL, "photos/" + owner + "/" + id + "/original",
                        "image/jpeg", 123_456, Optional.empty())))
                .createdAt(NOW)
                .updatedAt(NOW);
        changes.accept(builder);
        return builder.build();
    }

    /** A photo with every optional field set, to prove a store keeps them all. */
    public static Photo aFullyDescribedPhoto(UserId owner, AlbumId album) {
        return aPhoto(owner, album, photo -> photo
                .uploaderId(anOwner())
                .title("Harbour at dusk")
                .description("Boats in the old harbour, shot from the pier")
                .tags(List.of(Tag.user("harbour"), Tag.user("boats"), Tag.machine("blue", 0.625)))
                .metadata(ImageMetadata.builder()
                        .dimensions(new Dimensions(6000, 4000))
                        .orientation(6)
                        .takenAt(TakenAt.of(OffsetDateTime.parse("2023-08-14T19:42:07+02:00")))
                        .cameraMake("FUJIFILM")
                        .cameraModel("X-T4")
                        .lens("XF16-55mmF2.8 R LM WR")
                        .focalLength(23.0)
                        .aperture(2.8)
                        .exposureTime(0.004)
                        .iso(400)
                        .location(new GeoPoint(43.2951, 5.3690, Optional.of(12.5)))
                        .build())
                .derivatives(List.of(
                        new Derivative(Derivative.ORIGINAL, "photos/" + owner + "/original.jpg", "image/jpeg",
                                8_765_432, Optional.of(new Dimensions(6000, 4000))),
                        new Derivative(Derivative.thumbnailName(1280), "photos/" + owner + "/thumb-1280.jpg",
                                "image/jpeg", 234_567, Optional.of(new Dimensions(1280, 853))),
                        new Derivative(Derivative.thumbnailName(256), "photos/" + owner + "/thumb-256.jpg",
                                "image/jpeg", 12_345, Optional.of(new Dimensions(256, 171)))))
                .size(8_765_432)
                .updatedAt(NOW.plusSeconds(60)));
    }

    /** The first session of a new sign-in: a family of its own. */
    public static Session aSession(UserId user) {
        var id = IDS.nextSessionId();
        return new Session(id, id, user, aTokenHash(), NOW, NOW.plus(Duration.ofDays(30)), Optional.empty(),
                Optional.empty());
    }

    /** The session a refresh of {@code current} makes: same family and user, a new token. */
    public static Session aSuccessorOf(Session current) {
        return new Session(IDS.nextSessionId(), current.familyId(), current.userId(), aTokenHash(), NOW,
                NOW.plus(Duration.ofDays(30)), Optional.empty(), Optional.empty());
    }

    /** A membership of {@code member} in the owner's album, made now. */
    public static AlbumMember aMember(Album album, UserId member, AlbumRole role) {
        return new AlbumMember(album.id(), album.ownerId(), member, role, false, NOW, NOW);
    }

    /** A share link of the album with a fresh token hash, no expiry, no password, renditions only. */
    public static ShareLink aLink(Album album) {
        return new ShareLink(new ShareLinkId(UUID.randomUUID()), album.id(), album.ownerId(), aTokenHash(),
                Optional.empty(), Optional.empty(), false, false, NOW, Optional.empty(), 0, 0, Optional.empty(), 0);
    }

    public static String aSha256() {
        return randomHex(32);
    }

    public static String aTokenHash() {
        return randomHex(32);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
