package dev.gallerykit.internal;

import java.time.Duration;

/** The wait between two tries of a use case that retries against a store. */
final class Pause {

    private Pause() {
    }

    /** Waits {@code pause}; false when the thread was interrupted meanwhile (its flag is set again). */
    static boolean before(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
