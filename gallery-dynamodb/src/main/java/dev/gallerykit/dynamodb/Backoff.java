package dev.gallerykit.dynamodb;

import dev.gallerykit.error.StorageUnavailableException;
import java.util.concurrent.ThreadLocalRandom;

/** Bounded exponential backoff with jitter, for unprocessed batch items and transaction conflicts. */
final class Backoff {

    static final int MAX_ATTEMPTS = 8;
    private static final long BASE_MILLIS = 10;
    private static final long CAP_MILLIS = 1_000;

    private Backoff() {
    }

    /** Waits before attempt {@code attempt + 1}: about 10, 20, 40 ... ms, at most a second. */
    static void pause(int attempt) {
        long ceiling = Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(attempt, 20));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while waiting to retry a DynamoDB request", e);
        }
    }
}
