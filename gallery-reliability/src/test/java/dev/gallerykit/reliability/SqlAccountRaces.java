package dev.gallerykit.reliability;

import dev.gallerykit.jdbc.JdbcRepositories;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.spi.UserRepository;
import org.junit.jupiter.api.AfterAll;

/** The account races on the JDBC user and session repositories of a database a subclass opens. */
abstract class SqlAccountRaces extends AccountRaces {

    JdbcRepositories db;

    @AfterAll
    void closeTheDatabase() {
        db.close();
    }

    @Override
    protected UserRepository users() {
        return db.users();
    }

    @Override
    protected SessionRepository sessions() {
        return db.sessions();
    }
}
