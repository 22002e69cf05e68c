package dev.gallerykit.reliability;

import dev.gallerykit.jdbc.JdbcDialect;
import dev.gallerykit.local.DatabaseServer;
import dev.gallerykit.local.LocalMySql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

/** The hostile search texts on the JDBC repositories over MySQL 8.0. */
@DisplayName("Hostile search texts on MySQL 8.0")
@ExtendWith(LocalMySql.class)
class HostileSearchOnMySqlTest extends HostileSearchOnSql {

    @BeforeAll
    void createTheDatabase(DatabaseServer server) {
        db = ScratchDatabase.on(server, JdbcDialect.MYSQL);
    }
}
