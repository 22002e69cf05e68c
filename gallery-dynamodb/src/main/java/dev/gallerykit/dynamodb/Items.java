package dev.gallerykit.dynamodb;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The persistence shapes: mutable, field-only items that the static table schemas in
 * {@link Schemas} read and write. The domain records never see them; the mappers translate.
 */
final class Items {

    private Items() {
    }

    /** A user ({@code pk = USER#<id>}) in the users table. */
    static final class UserItem {
        String pk;
        String id;
        String email;
        String emailKey;
        String displayName;
        String passwordHash;
        String status;
        Integer failedSignIns;
        Instant lockedUntil;
        Instant createdAt;
        Instant updatedAt;
        Instant confirmedAt;
        Long version;
    }

    /** The uniqueness claim on an address ({@code pk = EMAIL#<emailKey>}), written with its user. */
    static final class EmailItem {
        String pk;
        String userId;
    }

    static final class AlbumItem {
        String owner;
        String id;
        String name;
        String nameLc;
        String description;
        String descriptionLc;
        String cover;
        Instant createdAt;
        Instant updatedAt;
        Long version;
        /** Set by markDeleting; absent otherwise (never written as false). */
        Boolean deleting;
    }

    static final class PhotoItem {
        String owner;
        String id;
        String albumId;
        /** Who uploaded the photo; absent for the photos stored before it was kept: their owner did. */
        String uploader;
        /** The processing status; absent for READY photos (and those stored before it was kept). */
        String processing;
        /** Times a worker started on the photo; absent when none. */
        Integer attempts;
        /** Why processing failed; absent unless FAILED. */
        String failure;
        /** {@code <owner>#<albumId>}: the partition of the album index, owner first. */
        String albumKey;
        /** {@code <owner>#<sha256>}: the partition of the duplicate-detection index. */
        String shaKey;
        String title;
        String titleLc;
        String description;
        String descriptionLc;
        List<TagItem> tags;
        /** The tag values alone, for {@code contains} filters; absent when there are none (no empty sets). */
        Set<String> tagValues;
        String originalFileName;
        String contentType;
        Long size;
        String sha256;
        Integer width;
        Integer height;
        Integer orientation;
        /** Local wall-clock time, fixed width, so that string order is time order. */
        String takenLocal;
        String takenOffset;
        String cameraMake;
        String cameraModel;
        String lens;
        Double focalLength;
        Double aperture;
        Double exposureTime;
        Integer iso;
        Double latitude;
        Double longitude;
        Double altitude;
        List<DerivativeItem> derivatives;
        Instant createdAt;
        Instant updatedAt;
        Long version;
    }

    /**
     * A claim taken with a photo, in the photos table under a partition no owner has: the owner's
     * SHA-256 ({@code <owner>#sha256#<sha256>}, sort key {@code content}) or a held id
     * ({@code <owner>#held}, sort key the photo id). It has no index attributes, so no index shows it.
     */
    static final class ClaimItem {
        String owner;
        String id;
        /** The photo that holds the claim. */
        String photoId;
        /** Until when a held id stays held; absent on content claims. */
        Instant heldUntil;
    }

    static final class TagItem {
        String value;
        String source;
        Double confidence;
    }

    static final class DerivativeItem {
        String name;
        String blobKey;
        String contentType;
        Long size;
        Integer width;
        Integer height;
    }

    static final class SessionItem {
        String tokenHash;
        String id;
        String familyId;
        String userId;
        Instant issuedAt;
        Instant expiresAt;
        Instant rotatedAt;
        Instant revokedAt;
    }
}
