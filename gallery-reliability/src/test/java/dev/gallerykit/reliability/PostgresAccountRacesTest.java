package dev.gallerykit.reliability;

import dev.gallerykit.jdbc.JdbcDialect;
import dev.gallerykit.local.DatabaseServer;
import dev.gallerykit.local.LocalPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

/** Proves the account races on the JDBC user and session repositories over PostgreSQL 14. */
@DisplayName("Accounts raced by eight threads, users and sessions on PostgreSQL 14")
@ExtendWith(LocalPostgres.class)
class PostgresAccountRacesTest extends SqlAccountRaces {

    @BeforeAll
    void createTheDatabase(DatabaseServer server) {
        db = ScratchDatabase.on(server, JdbcDialect.POSTGRES);
    }
}
