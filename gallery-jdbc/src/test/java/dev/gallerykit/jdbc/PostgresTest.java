package dev.gallerykit.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.testkit.cloud.JdbcDatabase;
import dev.gallerykit.testkit.cloud.LocalPostgres;
import dev.gallerykit.testkit.cloud.SqlServer;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@DisplayName("On PostgreSQL 14")
@ExtendWith(LocalPostgres.class)
class PostgresTest extends JdbcAdapterSuite {

    private static SqlServer server;
    private static JdbcGallery db;

    @BeforeAll
    static void connect(SqlServer postgres) {
        server = postgres;
        db = ServerGalleries.connect(server.database(), JdbcDialect.POSTGRES);
        db.migrate();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    protected JdbcGallery db() {
        return db;
    }

    @Override
    protected JdbcGallery emptyDatabase() {
        return ServerGalleries.connect(server.newDatabase(), JdbcDialect.POSTGRES);
    }

    @Test
    @DisplayName("the local server checks passwords, as a production server does")
    void theServerRefusesAWrongPassword() {
        Assumptions.assumeTrue(server.local(), "an external server's authentication is its own business");
        JdbcDatabase database = server.database();

        assertThatThrownBy(() -> DriverManager.getConnection(database.url(), database.user(), "wrong").close())
                .isInstanceOf(SQLException.class);
    }
}
