package dev.gallerykit.jdbc;

import dev.gallerykit.local.LocalMariaDb;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@DisplayName("On MariaDB 11.4")
@ExtendWith(LocalMariaDb.class)
class MariaDbTest extends ServerSuite {

    MariaDbTest() {
        super(JdbcDialect.MARIADB);
    }
}
