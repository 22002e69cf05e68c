package dev.gallerykit.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * How far the processing of a photo got. Synchronous ingest stores photos {@link #READY} at once;
 * asynchronous ingest stores them {@link PhotoStatus#PROCESSING} and a worker finishes them.
 *
 * @param attempts times a worker started on the photo; a worker gives up (status {@code FAILED}) once
 *                 it reaches its limit, so a file that kills workers never loops
 * @param reason   why processing failed; empty unless {@code FAILED}
 */
public record Processing(PhotoStatus status, int attempts, Optional<String> reason) {

    /** Processed, by synchronous ingest or by a worker's first try. */
    public static final Processing READY = new Processing(PhotoStatus.READY, 0, Optional.empty());

    /** Just stored, waiting for a worker. */
    public static final Processing PENDING = new Processing(PhotoStatus.PROCESSING, 0, Optional.empty());

    /** The longest reason kept; longer ones are cut. */
    public static final int MAX_REASON = 500;

    public Processing {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative, was " + attempts);
        }
        if (status == PhotoStatus.FAILED && reason.isEmpty()) {
            throw new IllegalArgumentException("a failed photo needs a reason");
        }
        if (status != PhotoStatus.FAILED && reason.isPresent()) {
            throw new IllegalArgumentException("only a failed photo has a reason");
        }
        // Cut on a whole character: half a surrogate pair is not text a store will take.
        reason = reason.map(r -> r.length() <= MAX_REASON ? r
                : r.substring(0, Character.isHighSurrogate(r.charAt(MAX_REASON - 1)) ? MAX_REASON - 1 : MAX_REASON));
    }

    public boolean isProcessing() {
        return status == PhotoStatus.PROCESSING;
    }

    /** One more worker started on the photo. */
    public Processing nextAttempt() {
        return new Processing(status, attempts + 1, reason);
    }

    public Processing ready() {
        return new Processing(PhotoStatus.READY, attempts, Optional.empty());
    }

    public Processing failed(String why) {
        return new Processing(PhotoStatus.FAILED, attempts, Optional.of(Objects.requireNonNull(why, "why")));
    }
}
