package dev.gallerykit.jdbc;

import dev.gallerykit.local.LocalMySql;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@DisplayName("On MySQL 8.0")
@ExtendWith(LocalMySql.class)
class MySqlTest extends ServerSuite {

    MySqlTest() {
        super(JdbcDialect.MYSQL);
    }
}
