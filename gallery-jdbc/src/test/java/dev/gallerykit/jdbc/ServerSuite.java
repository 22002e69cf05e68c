package dev.gallerykit.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.local.DatabaseServer;
import dev.gallerykit.local.JdbcDatabase;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The suites against a database server that a test-kit extension starts (or finds through its
 * environment variables). A subclass names the extension and the dialect; one instance serves
 * the whole class, so the connection is made once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerSuite extends JdbcAdapterSuite {

    private final JdbcDialect dialect;
    private DatabaseServer server;
    private JdbcRepositories db;

    ServerSuite(JdbcDialect dialect) {
        this.dialect = dialect;
    }

    @BeforeAll
    void connect(DatabaseServer given) {
        server = given;
        db = ServerRepositories.connect(server.database(), dialect);
        db.migrate();
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Override
    protected JdbcRepositories db() {
        return db;
    }

    @Override
    protected JdbcRepositories emptyDatabase() {
        return ServerRepositories.connect(server.newDatabase(), dialect);
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
