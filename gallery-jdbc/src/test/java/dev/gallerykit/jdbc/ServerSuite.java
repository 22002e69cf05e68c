package dev.gallerykit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.error.StorageException;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.local.DatabaseServer;
import dev.gallerykit.local.JdbcDatabase;
import dev.gallerykit.testkit.contract.Records;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
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

    @Test
    @DisplayName("a database that was never migrated fails calls as a storage error that is not retryable")
    void aDatabaseWithoutTablesIsNotRetryable() {
        try (JdbcRepositories empty = emptyDatabase()) {
            assertThatThrownBy(() -> empty.users().findByEmail("ann@example.com"))
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.retryable()).isFalse())
                    .isNotInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining("JdbcRepositories.migrate()");
            assertThatThrownBy(() -> empty.albums().create(Records.anAlbum(Records.anOwner())))
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.retryable()).isFalse());
            assertThatThrownBy(() -> empty.photos().delete(Records.anOwner(), new PhotoId(UUID.randomUUID())))
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.retryable()).isFalse());
        }
    }

    @Test
    @DisplayName("a wrong password fails calls and migrations as a storage error that is not retryable")
    void aWrongPasswordIsNotRetryable() {
        Assumptions.assumeTrue(server.local(), "an external server's authentication is its own business");
        JdbcDatabase database = server.database();

        // Long enough for the pool to have tried (and failed) to connect: its time-out carries that reason.
        try (JdbcRepositories stranger = JdbcRepositories.builder().jdbcUrl(database.url()).username(database.user())
                .password("wrong").dialect(dialect).connectionTimeout(Duration.ofSeconds(2)).build()) {
            assertThatThrownBy(() -> stranger.users().findByEmail("ann@example.com"))
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.retryable()).isFalse())
                    .hasMessageContaining("refused access");
            assertThatThrownBy(stranger::migrate)
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.retryable()).isFalse());
        }
    }
}
