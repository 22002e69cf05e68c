package dev.gallerykit.local;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The stop of a server started here, run the first time only however often and from however many
 * threads it is asked for, so that every {@link LocalService#close} can promise to be idempotent.
 */
final class StopOnce {

    /** Stops a server process and deletes what it stored. */
    interface Action {
        void stop() throws Exception;
    }

    private final String name;
    private final Action action;
    private final AtomicBoolean done = new AtomicBoolean();

    /** @param name what stops, as the failure messages call it */
    StopOnce(String name, Action action) {
        this.name = Objects.requireNonNull(name, "name");
        this.action = Objects.requireNonNull(action, "action");
    }

    /** Runs the action if it has not run yet; a failure is unchecked, and it is not tried again. */
    void stop() {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        try {
            action.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping " + name, e);
        } catch (Exception e) {
            throw new IllegalStateException(name + " did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
