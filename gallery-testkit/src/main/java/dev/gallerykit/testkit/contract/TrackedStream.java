package dev.gallerykit.testkit.contract;

import java.io.ByteArrayInputStream;

/** A stream of fixed bytes that records whether it was closed: a store must leave the caller's stream open. */
final class TrackedStream extends ByteArrayInputStream {

    private boolean closed;

    TrackedStream(byte[] bytes) {
        super(bytes);
    }

    @Override
    public void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }
}
