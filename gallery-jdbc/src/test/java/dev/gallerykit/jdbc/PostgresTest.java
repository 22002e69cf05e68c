package dev.gallerykit.jdbc;

import dev.gallerykit.local.LocalPostgres;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@DisplayName("On PostgreSQL 14")
@ExtendWith(LocalPostgres.class)
class PostgresTest extends ServerSuite {

    PostgresTest() {
        super(JdbcDialect.POSTGRES);
    }
}
