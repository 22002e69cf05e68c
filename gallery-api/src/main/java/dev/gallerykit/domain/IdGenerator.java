package dev.gallerykit.domain;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.UUIDClock;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Makes time-ordered ids (UUIDv7, RFC 9562): the first 48 bits are the creation time in
 * milliseconds, and ids made within one millisecond by one generator still increase, so sorting
 * by id is sorting by creation and keyset pagination is stable on every store.
 */
public final class IdGenerator {

    private final TimeBasedEpochGenerator generator;

    private IdGenerator(Clock clock) {
        this.generator = Generators.timeBasedEpochGenerator(new SecureRandom(), new UUIDClock() {
            @Override
            public long currentTimeMillis() {
                return clock.millis();
            }
        });
    }

    /** A generator that reads the time from {@code clock}; a fixed clock still gives increasing ids. */
    public static IdGenerator timeOrdered(Clock clock) {
        return new IdGenerator(clock);
    }

    public UUID next() {
        return generator.generate();
    }

    public UserId nextUserId() {
        return new UserId(next());
    }

    public AlbumId nextAlbumId() {
        return new AlbumId(next());
    }

    public PhotoId nextPhotoId() {
        return new PhotoId(next());
    }

    public SessionId nextSessionId() {
        return new SessionId(next());
    }
}
