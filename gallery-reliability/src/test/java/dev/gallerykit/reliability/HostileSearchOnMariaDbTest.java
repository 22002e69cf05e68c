package dev.gallerykit.reliability;

import dev.gallerykit.jdbc.JdbcDialect;
import dev.gallerykit.local.DatabaseServer;
import dev.gallerykit.local.LocalMariaDb;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

/** The hostile search texts on the JDBC repositories over MariaDB 11.4. */
@DisplayName("Hostile search texts on MariaDB 11.4")
@ExtendWith(LocalMariaDb.class)
class HostileSearchOnMariaDbTest extends HostileSearchOnSql {

    @BeforeAll
    void createTheDatabase(DatabaseServer server) {
        db = ScratchDatabase.on(server, JdbcDialect.MARIADB);
    }
}
