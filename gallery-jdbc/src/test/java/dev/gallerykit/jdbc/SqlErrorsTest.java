package dev.gallerykit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.GalleryException;
import dev.gallerykit.error.StorageException;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.jdbc.SqlErrors.Kind;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The translation table for answers the test servers cannot be made to give on demand (deadlocks,
 * lock timeouts, a server shutting down), on exceptions shaped as the drivers shape them. Missing
 * tables, wrong passwords and refused connections are exercised against the real servers.
 */
class SqlErrorsTest {

    @ParameterizedTest(name = "SQLState {0}, vendor code {1}: {2}")
    @CsvSource({
            "42S02, 1146, MISSING_SCHEMA", // MySQL and MariaDB: no such table
            "42P01, 0, MISSING_SCHEMA", // PostgreSQL: undefined table
            "42S02, 42102, MISSING_SCHEMA", // H2: table not found
            "42000, 1049, MISSING_SCHEMA", // MySQL: unknown database
            "3D000, 0, MISSING_SCHEMA", // PostgreSQL: database does not exist
            "28000, 1045, ACCESS_DENIED", // MySQL: access denied for user
            "28P01, 0, ACCESS_DENIED", // PostgreSQL: password authentication failed
            "42000, 1142, ACCESS_DENIED", // MySQL: command denied on a table
            "42501, 0, ACCESS_DENIED", // PostgreSQL: insufficient privilege
            "08S01, 0, UNAVAILABLE", // Connector/J: communications link failure
            "08001, 0, UNAVAILABLE", // PostgreSQL: connection refused
            "53300, 0, UNAVAILABLE", // PostgreSQL: too many connections
            "57P01, 0, UNAVAILABLE", // PostgreSQL: administrator shutdown
            "57014, 0, UNAVAILABLE", // PostgreSQL: statement timeout
            "HY000, 1205, UNAVAILABLE", // MariaDB: lock wait timeout
            "HYT00, 50200, UNAVAILABLE", // H2: lock timeout
            "40001, 1213, TRANSACTION_CONFLICT", // MySQL: deadlock
            "40001, 0, TRANSACTION_CONFLICT", // serialization failure
            "40P01, 0, TRANSACTION_CONFLICT", // PostgreSQL: deadlock detected
            "23505, 0, CONSTRAINT",
            "23000, 1062, CONSTRAINT",
            "22001, 0, BAD_DATA",
            "42601, 0, UNKNOWN", // a syntax error: ours, and retrying will not fix it
            "HY000, 0, UNKNOWN"})
    @DisplayName("the SQLState class and the vendor code decide what a failure means")
    void classification(String state, int vendorCode, Kind expected) {
        assertThat(SqlErrors.classify(state, vendorCode)).isEqualTo(expected);
    }

    @Test
    @DisplayName("a deadlock is retryable, as a concurrent modification")
    void aDeadlockIsRetryable() {
        GalleryException translated = SqlErrors.translate("update a photo",
                new DataAccessException("x", new SQLException("Deadlock found", "40001", 1213)));

        assertThat(translated).isInstanceOf(ConcurrentModificationException.class);
        assertThat(translated.retryable()).isTrue();
    }

    @Test
    @DisplayName("the pool's time-out names the reason its connections failed, not only that it waited")
    void thePoolsTimeoutKeepsTheReason() {
        SQLException refused = new SQLException("Access denied for user 'gallery'", "28000", 1045);
        SQLException timeout = new SQLTransientConnectionException("gallerykit - Connection is not available",
                "28000", refused);
        SQLException busy = new SQLTransientConnectionException("gallerykit - Connection is not available");

        assertThat(SqlErrors.translate("list albums", new DataAccessException("x", timeout)))
                .isInstanceOf(StorageException.class).isNotInstanceOf(StorageUnavailableException.class);
        assertThat(SqlErrors.translate("list albums", new DataAccessException("x", busy)))
                .isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    @DisplayName("a failure nobody recognises is a storage error that is not retryable")
    void anUnknownFailureIsNotRetryable() {
        GalleryException translated = SqlErrors.translate("list albums",
                new DataAccessException("x", new SQLException("syntax error at or near", "42601")));

        assertThat(translated).isInstanceOf(StorageException.class).isNotInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("42601");
        assertThat(translated.retryable()).isFalse();
    }

    @ParameterizedTest(name = "SQLState {0}: broken connection {1}")
    @CsvSource({
            "08006, true", // PostgreSQL: I/O error on the connection
            "08S01, true", // Connector/J: communications link failure
            "08001, true", // refused a new connection
            "57P01, true", // PostgreSQL: terminating connection (shutdown, or the postmaster died)
            "57P02, true", // PostgreSQL: crash of another backend, every session ends
            "57014, false", // a statement timeout: the connection is sound
            "40001, false",
            "23505, false"})
    @DisplayName("a broken connection is told apart from a failed statement, through jOOQ's wrapping")
    void brokenConnections(String state, boolean broken) {
        assertThat(SqlErrors.isBrokenConnection(new DataAccessException("x", new SQLException("failed", state))))
                .isEqualTo(broken);
    }
}
