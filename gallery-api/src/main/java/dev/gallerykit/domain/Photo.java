package dev.gallerykit.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A photo in an album. The bytes live in the {@code BlobStore} under the keys of its
 * {@link #derivatives()}; this record is what the repositories store.
 *
 * @param uploaderId        who uploaded it: the owner, or a contributor of a shared album (the photo still
 *                          belongs to the album's owner, for storage and purge)
 * @param description       empty string when none
 * @param originalFileName  the name the client gave, without any directory part
 * @param contentType       the type sniffed from the bytes, never the one the client declared
 * @param size              bytes of the original
 * @param sha256            lower-case hex SHA-256 of the original
 * @param derivatives       the original first, then the renditions from largest to smallest
 * @param processing        whether the renditions are made yet ({@link Processing#READY} after synchronous ingest)
 * @param version           optimistic-locking version, set by the repository
 */
public record Photo(
        PhotoId id,
        AlbumId albumId,
        UserId ownerId,
        UserId uploaderId,
        String title,
        String description,
        List<Tag> tags,
        String originalFileName,
        String contentType,
        long size,
        String sha256,
        ImageMetadata metadata,
        List<Derivative> derivatives,
        Processing processing,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Photo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(albumId, "albumId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(uploaderId, "uploaderId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        tags = List.copyOf(tags);
        Objects.requireNonNull(originalFileName, "originalFileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(metadata, "metadata");
        derivatives = List.copyOf(derivatives);
        Objects.requireNonNull(processing, "processing");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public Optional<Derivative> derivative(String name) {
        return derivatives.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public Derivative original() {
        return derivative(Derivative.ORIGINAL).orElseThrow();
    }

    /** The renditions made from the original, largest first. */
    public List<Derivative> thumbnails() {
        return derivatives.stream().filter(d -> !d.isOriginal()).toList();
    }

    /**
     * False when the format is recognised but cannot be decoded here (HEIC, say): the original and
     * its EXIF are kept, and there is no thumbnail to show.
     */
    public boolean hasThumbnails() {
        return derivatives.size() > 1;
    }

    public PhotoStatus status() {
        return processing.status();
    }

    public Optional<Dimensions> dimensions() {
        return metadata.dimensions();
    }

    public Optional<TakenAt> takenAt() {
        return metadata.takenAt();
    }

    public Optional<GeoPoint> location() {
        return metadata.location();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private PhotoId id;
        private AlbumId albumId;
        private UserId ownerId;
        private UserId uploaderId;
        private String title;
        private String description = "";
        private List<Tag> tags = List.of();
        private String originalFileName;
        private String contentType;
        private long size;
        private String sha256;
        private ImageMetadata metadata = ImageMetadata.EMPTY;
        private List<Derivative> derivatives = List.of();
        private Processing processing = Processing.READY;
        private Instant createdAt;
        private Instant updatedAt;
        private long version;

        private Builder() {
        }

        private Builder(Photo photo) {
            id = photo.id;
            albumId = photo.albumId;
            ownerId = photo.ownerId;
            uploaderId = photo.uploaderId;
            title = photo.title;
            description = photo.description;
            tags = photo.tags;
            originalFileName = photo.originalFileName;
            contentType = photo.contentType;
            size = photo.size;
            sha256 = photo.sha256;
            metadata = photo.metadata;
            derivatives = photo.derivatives;
            processing = photo.processing;
            createdAt = photo.createdAt;
            updatedAt = photo.updatedAt;
            version = photo.version;
        }

        public Builder id(PhotoId value) {
            id = value;
            return this;
        }

        public Builder albumId(AlbumId value) {
            albumId = value;
            return this;
        }

        public Builder ownerId(UserId value) {
            ownerId = value;
            return this;
        }

        /** Who uploaded the photo; the owner when not set. */
        public Builder uploaderId(UserId value) {
            uploaderId = value;
            return this;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder tags(List<Tag> value) {
            tags = value;
            return this;
        }

        public Builder originalFileName(String value) {
            originalFileName = value;
            return this;
        }

        public Builder contentType(String value) {
            contentType = value;
            return this;
        }

        public Builder size(long value) {
            size = value;
            return this;
        }

        public Builder sha256(String value) {
            sha256 = value;
            return this;
        }

        public Builder metadata(ImageMetadata value) {
            metadata = value;
            return this;
        }

        public Builder derivatives(List<Derivative> value) {
            derivatives = value;
            return this;
        }

        /** Where processing stands; {@link Processing#READY} when not set. */
        public Builder processing(Processing value) {
            processing = value;
            return this;
        }

        public Builder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public Builder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        public Builder version(long value) {
            version = value;
            return this;
        }

        public Photo build() {
            return new Photo(id, albumId, ownerId, uploaderId == null ? ownerId : uploaderId, title, description,
                    tags, originalFileName, contentType, size, sha256, metadata, derivatives, processing, createdAt, updatedAt,
                    version);
        }
    }
}
