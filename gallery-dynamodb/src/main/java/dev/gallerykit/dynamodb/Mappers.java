package dev.gallerykit.dynamodb;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.domain.GeoPoint;
import dev.gallerykit.domain.ImageMetadata;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.PhotoStatus;
import dev.gallerykit.domain.Processing;
import dev.gallerykit.domain.Session;
import dev.gallerykit.domain.SessionId;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.TagSource;
import dev.gallerykit.domain.TakenAt;
import dev.gallerykit.domain.TextMatch;
import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.domain.UserStatus;
import dev.gallerykit.dynamodb.Items.AlbumItem;
import dev.gallerykit.dynamodb.Items.DerivativeItem;
import dev.gallerykit.dynamodb.Items.EmailItem;
import dev.gallerykit.dynamodb.Items.PhotoItem;
import dev.gallerykit.dynamodb.Items.SessionItem;
import dev.gallerykit.dynamodb.Items.TagItem;
import dev.gallerykit.dynamodb.Items.UserItem;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Domain records to items and back. Ids are stored in their canonical text form (fixed-width lower-case hex). */
final class Mappers {

    static final String USER_PREFIX = "USER#";
    static final String EMAIL_PREFIX = "EMAIL#";

    /** Fixed width down to the nanosecond: comparing the strings compares the times (years 0000 to 9999). */
    static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS", Locale.ROOT);

    private Mappers() {
    }

    // ------------------------------------------------------------------ users

    static String userKey(UserId id) {
        return USER_PREFIX + id;
    }

    static String emailKey(String emailKey) {
        return EMAIL_PREFIX + emailKey;
    }

    static UserItem toItem(User user) {
        UserItem item = new UserItem();
        item.pk = userKey(user.id());
        item.id = user.id().toString();
        item.email = user.email();
        item.emailKey = user.emailKey();
        item.displayName = user.displayName();
        item.passwordHash = user.passwordHash();
        item.status = user.status().name();
        item.failedSignIns = user.failedSignIns();
        item.lockedUntil = user.lockedUntil().orElse(null);
        item.createdAt = user.createdAt();
        item.updatedAt = user.updatedAt();
        item.confirmedAt = user.confirmedAt().orElse(null);
        item.version = user.version();
        return item;
    }

    static User toUser(UserItem item) {
        return new User(new UserId(UUID.fromString(item.id)), item.email, item.displayName, item.passwordHash,
                UserStatus.valueOf(item.status), item.failedSignIns == null ? 0 : item.failedSignIns,
                Optional.ofNullable(item.lockedUntil), item.createdAt, item.updatedAt,
                Optional.ofNullable(item.confirmedAt), item.version);
    }

    static EmailItem emailItem(User user) {
        EmailItem item = new EmailItem();
        item.pk = emailKey(user.emailKey());
        item.userId = user.id().toString();
        return item;
    }

    // ------------------------------------------------------------------ albums

    static AlbumItem toItem(Album album) {
        AlbumItem item = new AlbumItem();
        item.owner = album.ownerId().toString();
        item.id = album.id().toString();
        item.name = album.name();
        item.nameLc = TextMatch.fold(album.name());
        item.description = album.description();
        item.descriptionLc = TextMatch.fold(album.description());
        item.cover = album.cover().map(PhotoId::toString).orElse(null);
        item.createdAt = album.createdAt();
        item.updatedAt = album.updatedAt();
        item.version = album.version();
        return item;
    }

    static Album toAlbum(AlbumItem item) {
        return new Album(new AlbumId(UUID.fromString(item.id)), new UserId(UUID.fromString(item.owner)), item.name,
                item.description == null ? "" : item.description,
                Optional.ofNullable(item.cover).map(c -> new PhotoId(UUID.fromString(c))),
                item.createdAt, item.updatedAt, item.version);
    }

    // ------------------------------------------------------------------ photos

    static String albumKey(UserId owner, AlbumId album) {
        return owner + "#" + album;
    }

    static String shaKey(UserId owner, String sha256) {
        return owner + "#" + sha256;
    }

    static PhotoItem toItem(Photo photo) {
        PhotoItem item = new PhotoItem();
        item.owner = photo.ownerId().toString();
        item.id = photo.id().toString();
        item.albumId = photo.albumId().toString();
        item.uploader = photo.uploaderId().toString();
        Processing processing = photo.processing();
        item.processing = processing.status() == PhotoStatus.READY ? null : processing.status().name();
        item.attempts = processing.attempts() == 0 ? null : processing.attempts();
        item.failure = processing.reason().orElse(null);
        item.albumKey = albumKey(photo.ownerId(), photo.albumId());
        item.shaKey = shaKey(photo.ownerId(), photo.sha256());
        item.title = photo.title();
        item.titleLc = TextMatch.fold(photo.title());
        item.description = photo.description();
        item.descriptionLc = TextMatch.fold(photo.description());
        item.tags = photo.tags().stream().map(Mappers::toItem).toList();
        Set<String> values = new LinkedHashSet<>();
        photo.tags().forEach(tag -> values.add(tag.value()));
        item.tagValues = values.isEmpty() ? null : values;
        item.originalFileName = photo.originalFileName();
        item.contentType = photo.contentType();
        item.size = photo.size();
        item.sha256 = photo.sha256();
        ImageMetadata metadata = photo.metadata();
        metadata.dimensions().ifPresent(d -> {
            item.width = d.width();
            item.height = d.height();
        });
        item.orientation = metadata.orientation();
        metadata.takenAt().ifPresent(taken -> {
            item.takenLocal = LOCAL_TIME.format(taken.local());
            item.takenOffset = taken.offset().map(ZoneOffset::getId).orElse(null);
        });
        item.cameraMake = metadata.cameraMake().orElse(null);
        item.cameraModel = metadata.cameraModel().orElse(null);
        item.lens = metadata.lens().orElse(null);
        item.focalLength = metadata.focalLength().orElse(null);
        item.aperture = metadata.aperture().orElse(null);
        item.exposureTime = metadata.exposureTime().orElse(null);
        item.iso = metadata.iso().orElse(null);
        metadata.location().ifPresent(location -> {
            item.latitude = location.latitude();
            item.longitude = location.longitude();
            item.altitude = location.altitude().orElse(null);
        });
        item.derivatives = photo.derivatives().stream().map(Mappers::toItem).toList();
        item.createdAt = photo.createdAt();
        item.updatedAt = photo.updatedAt();
        item.version = photo.version();
        return item;
    }

    /**
     * The photo of {@code item}: through the records' own constructors, not their builders, since a page maps a
     * hundred of them and the builders would be garbage made for each.
     */
    static Photo toPhoto(PhotoItem item) {
        ImageMetadata metadata = new ImageMetadata(
                item.width == null ? Optional.empty() : Optional.of(new Dimensions(item.width, item.height)),
                item.orientation == null ? 1 : item.orientation,
                item.takenLocal == null ? Optional.empty() : Optional.of(new TakenAt(
                        LocalDateTime.parse(item.takenLocal, LOCAL_TIME),
                        item.takenOffset == null ? Optional.empty() : Optional.of(ZoneOffset.of(item.takenOffset)))),
                Optional.ofNullable(item.cameraMake),
                Optional.ofNullable(item.cameraModel),
                Optional.ofNullable(item.lens),
                Optional.ofNullable(item.focalLength),
                Optional.ofNullable(item.aperture),
                Optional.ofNullable(item.exposureTime),
                Optional.ofNullable(item.iso),
                item.latitude == null ? Optional.empty()
                        : Optional.of(new GeoPoint(item.latitude, item.longitude, Optional.ofNullable(item.altitude))));
        UserId owner = new UserId(UUID.fromString(item.owner));
        return new Photo(
                new PhotoId(UUID.fromString(item.id)),
                new AlbumId(UUID.fromString(item.albumId)),
                owner,
                item.uploader == null || item.uploader.equals(item.owner) ? owner : new UserId(UUID.fromString(item.uploader)),
                item.title,
                item.description == null ? "" : item.description,
                item.tags == null ? List.of() : item.tags.stream().map(Mappers::toTag).toList(),
                item.originalFileName,
                item.contentType,
                item.size,
                item.sha256,
                metadata,
                item.derivatives == null ? List.of() : item.derivatives.stream().map(Mappers::toDerivative).toList(),
                processing(item),
                item.createdAt,
                item.updatedAt,
                item.version);
    }

    private static Processing processing(PhotoItem item) {
        if ((item.processing == null || item.processing.equals(PhotoStatus.READY.name()))
                && (item.attempts == null || item.attempts == 0) && item.failure == null) {
            return Processing.READY;
        }
        return new Processing(item.processing == null ? PhotoStatus.READY : PhotoStatus.valueOf(item.processing),
                item.attempts == null ? 0 : item.attempts, Optional.ofNullable(item.failure));
    }

    private static TagItem toItem(Tag tag) {
        TagItem item = new TagItem();
        item.value = tag.value();
        item.source = tag.source().name();
        item.confidence = tag.confidence().orElse(null);
        return item;
    }

    private static Tag toTag(TagItem item) {
        return new Tag(item.value, TagSource.valueOf(item.source), Optional.ofNullable(item.confidence));
    }

    private static DerivativeItem toItem(Derivative derivative) {
        DerivativeItem item = new DerivativeItem();
        item.name = derivative.name();
        item.blobKey = derivative.blobKey();
        item.contentType = derivative.contentType();
        item.size = derivative.size();
        derivative.dimensions().ifPresent(d -> {
            item.width = d.width();
            item.height = d.height();
        });
        return item;
    }

    private static Derivative toDerivative(DerivativeItem item) {
        return new Derivative(item.name, item.blobKey, item.contentType, item.size,
                item.width == null ? Optional.empty() : Optional.of(new Dimensions(item.width, item.height)));
    }

    // ------------------------------------------------------------------ sessions

    static SessionItem toItem(Session session) {
        SessionItem item = new SessionItem();
        item.tokenHash = session.tokenHash();
        item.id = session.id().toString();
        item.familyId = session.familyId().toString();
        item.userId = session.userId().toString();
        item.issuedAt = session.issuedAt();
        item.expiresAt = session.expiresAt();
        item.rotatedAt = session.rotatedAt().orElse(null);
        item.revokedAt = session.revokedAt().orElse(null);
        return item;
    }

    static Session toSession(SessionItem item) {
        return new Session(new SessionId(UUID.fromString(item.id)), new SessionId(UUID.fromString(item.familyId)),
                new UserId(UUID.fromString(item.userId)), item.tokenHash, item.issuedAt, item.expiresAt,
                Optional.ofNullable(item.rotatedAt), Optional.ofNullable(item.revokedAt));
    }
}
