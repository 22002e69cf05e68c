package dev.gallerykit.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Something that happened in a gallery, published to an {@code EventPublisher} after the change it
 * reports was stored, so that other systems can react (send a notification, index a photo, ...).
 *
 * <p>Events are facts, not commands: they carry ids, never the data (read it if needed, it may have
 * changed since). They are published after the write that made them true; a process that dies between
 * the two loses the event, so an integration that must see everything also reads the records.
 * The JSON form (see {@code docs/EVENTS.md}) carries {@link #VERSION}.
 *
 * @param id     unique per event, for consumers that deduplicate redeliveries
 * @param userId whom it is about: the photo's or album's owner, or the account
 * @param reason why processing failed, for {@link Type#PHOTO_FAILED} only
 */
public record GalleryEvent(UUID id, Type type, Instant occurredAt, UserId userId, Optional<AlbumId> albumId,
                           Optional<PhotoId> photoId, Optional<String> reason) {

    /** The version of the event format; a consumer refuses versions it does not know. */
    public static final int VERSION = 1;

    public enum Type {
        /** A photo was stored (processing, or ready at once with synchronous ingest). */
        PHOTO_UPLOADED,
        /** A photo's renditions and tags are made. */
        PHOTO_READY,
        /** Processing of a photo gave up; its original is kept. */
        PHOTO_FAILED,
        /** A photo was deleted on its own (not as part of an album or account). */
        PHOTO_DELETED,
        /** An album was deleted with its photos. */
        ALBUM_DELETED,
        /** An account was created (pending until its email is confirmed). */
        ACCOUNT_CREATED,
        /** An account was deleted with everything it owned. */
        ACCOUNT_DELETED
    }

    public GalleryEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(albumId, "albumId");
        Objects.requireNonNull(photoId, "photoId");
        Objects.requireNonNull(reason, "reason");
    }

    public static GalleryEvent ofPhoto(Type type, Instant at, Photo photo) {
        return new GalleryEvent(UUID.randomUUID(), type, at, photo.ownerId(), Optional.of(photo.albumId()),
                Optional.of(photo.id()), photo.processing().reason());
    }

    public static GalleryEvent ofAlbum(Type type, Instant at, UserId owner, AlbumId album) {
        return new GalleryEvent(UUID.randomUUID(), type, at, owner, Optional.of(album), Optional.empty(), Optional.empty());
    }

    public static GalleryEvent ofAccount(Type type, Instant at, UserId user) {
        return new GalleryEvent(UUID.randomUUID(), type, at, user, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
