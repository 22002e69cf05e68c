package dev.gallerykit.reliability;

import dev.gallerykit.jdbc.JdbcDialect;
import dev.gallerykit.local.DatabaseServer;
import dev.gallerykit.local.LocalMySql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

/** Proves the account races on the JDBC user and session repositories over MySQL 8.0. */
@DisplayName("Accounts raced by eight threads, users and sessions on MySQL 8.0")
@ExtendWith(LocalMySql.class)
class MySqlAccountRacesTest extends SqlAccountRaces {

    @BeforeAll
    void createTheDatabase(DatabaseServer server) {
        db = ScratchDatabase.on(server, JdbcDialect.MYSQL);
    }
}
