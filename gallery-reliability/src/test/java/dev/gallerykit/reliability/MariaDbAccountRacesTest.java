package dev.gallerykit.reliability;

import dev.gallerykit.jdbc.JdbcDialect;
import dev.gallerykit.local.DatabaseServer;
import dev.gallerykit.local.LocalMariaDb;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

/** Proves the account races on the JDBC user and session repositories over MariaDB 11.4. */
@DisplayName("Accounts raced by eight threads, users and sessions on MariaDB 11.4")
@ExtendWith(LocalMariaDb.class)
class MariaDbAccountRacesTest extends SqlAccountRaces {

    @BeforeAll
    void createTheDatabase(DatabaseServer server) {
        db = ScratchDatabase.on(server, JdbcDialect.MARIADB);
    }
}
