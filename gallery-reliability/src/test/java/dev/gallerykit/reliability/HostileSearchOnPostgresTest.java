package dev.gallerykit.reliability;

import dev.gallerykit.jdbc.JdbcDialect;
import dev.gallerykit.local.DatabaseServer;
import dev.gallerykit.local.LocalPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

/** The hostile search texts on the JDBC repositories over PostgreSQL 14. */
@DisplayName("Hostile search texts on PostgreSQL 14")
@ExtendWith(LocalPostgres.class)
class HostileSearchOnPostgresTest extends HostileSearchOnSql {

    @BeforeAll
    void createTheDatabase(DatabaseServer server) {
        db = ScratchDatabase.on(server, JdbcDialect.POSTGRES);
    }
}
