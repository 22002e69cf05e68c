package dev.gallerykit.spi;

import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import java.util.Objects;

/**
 * Work a {@link JobQueue} carries from the gallery to a worker. Jobs name what to work on, never carry
 * it: the worker reads the record, so a job that arrives late or twice works on the current state.
 */
public record Job(Kind kind, UserId ownerId, PhotoId photoId) {

    public enum Kind {
        /** Make the renditions and machine tags of a photo stored as processing, and mark it ready or failed. */
        PROCESS_PHOTO
    }

    public Job {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(photoId, "photoId");
    }

    public static Job processPhoto(UserId owner, PhotoId photo) {
        return new Job(Kind.PROCESS_PHOTO, owner, photo);
    }
}
