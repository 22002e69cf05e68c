package dev.gallerykit.reliability;

import dev.gallerykit.memory.InMemorySessionRepository;
import dev.gallerykit.memory.InMemoryUserRepository;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.spi.UserRepository;
import org.junit.jupiter.api.DisplayName;

/** Proves the account races on the in-memory stores, the column the other stores are compared with. */
@DisplayName("Accounts raced by eight threads, users and sessions in memory")
class InMemoryAccountRacesTest extends AccountRaces {

    private final UserRepository users = new InMemoryUserRepository();
    private final SessionRepository sessions = new InMemorySessionRepository();

    @Override
    protected UserRepository users() {
        return users;
    }

    @Override
    protected SessionRepository sessions() {
        return sessions;
    }
}
