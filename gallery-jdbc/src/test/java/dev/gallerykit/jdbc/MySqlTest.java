package dev.gallerykit.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.testkit.cloud.JdbcDatabase;
import dev.gallerykit.testkit.cloud.LocalMySql;
import dev.gallerykit.testkit.cloud.SqlServer;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@DisplayName("On MySQL 8.0")
@ExtendWith(LocalMySql.class)
class MySqlTest extends JdbcAdapterSuite {

    private static SqlServer server;
    private static JdbcGallery db;

    @BeforeAll
    static void connect(SqlServer mySql) {
        server = mySql;
        db = ServerGalleries.connect(server.database(), JdbcDialect.MYSQL);
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
        return ServerGalleries.connect(server.newDatabase(), JdbcDialect.MYSQL);
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
