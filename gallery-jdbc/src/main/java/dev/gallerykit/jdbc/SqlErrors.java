package dev.gallerykit.jdbc;

import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.GalleryException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.StorageException;
import dev.gallerykit.error.StorageUnavailableException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what the driver, the pool, Flyway or jOOQ threw into our exceptions. The SQLState class is
 * the vocabulary MySQL, MariaDB, PostgreSQL and H2 share; where they disagree (a missing table is
 * {@code 42S02} on MySQL, {@code 42P01} on PostgreSQL, {@code 42102} on H2; access denied hides in
 * {@code 42000} on MySQL) the vendor code decides. A failure nobody recognises is not retryable: a
 * host that retries it would retry forever.
 */
final class SqlErrors {

    /** What a failure means for the caller, whatever the database. */
    enum Kind {
        /** A table, column, schema or database is not there: not migrated, or the wrong database. */
        MISSING_SCHEMA,
        /** Bad credentials or missing grants. */
        ACCESS_DENIED,
        /** SQLState class 23: a unique key, foreign key or check constraint refused the write. */
        CONSTRAINT,
        /** SQLState class 22: a value the column cannot hold. */
        BAD_DATA,
        /** Deadlock or serialization failure: another transaction won, the same call may succeed again. */
        TRANSACTION_CONFLICT,
        /** Connection failures, timeouts, a busy or stopping server, an exhausted pool. */
        UNAVAILABLE,
        UNKNOWN
    }

    private static final Set<String> MISSING_STATES = Set.of(
            "42S02", "42P01", // table: MySQL/MariaDB (and H2's standard state), PostgreSQL
            "42S22", "42703", // column
            "3D000", "3F000"); // database (catalog), schema

    private static final Set<String> BUSY_STATES = Set.of(
            "57014", // statement cancelled: a statement or lock timeout on PostgreSQL and H2
            "55P03", // PostgreSQL lock not available
            "57P01", "57P02", "57P03", // PostgreSQL shutting down, crashed, not yet accepting
            "HYT00", "HYT01", // timeout expired (ODBC states that H2 and MySQL use)
            "70100"); // MySQL query interrupted

    /** MySQL and MariaDB error numbers. */
    private static final Set<Integer> MYSQL_MISSING = Set.of(1146, 1054, 1049);
    private static final Set<Integer> MYSQL_DENIED = Set.of(1044, 1045, 1142, 1143, 1227, 1370, 1698);
    private static final Set<Integer> MYSQL_BUSY = Set.of(1040, 1053, 1205, 1317, 1969, 3024);

    /** H2's error codes (org.h2.api.ErrorCode). */
    private static final Set<Integer> H2_MISSING = Set.of(42102, 42103, 42104, 42122, 90079, 90146);
    private static final Set<Integer> H2_DENIED = Set.of(28000, 90096);
    private static final Set<Integer> H2_BUSY = Set.of(50200, 90067, 90098, 90121, 57014);

    private SqlErrors() {
    }

    /** SQLState class 23: a unique key, foreign key or check constraint refused the write. */
    static boolean isConstraintViolation(RuntimeException e) {
        return kind(e) == Kind.CONSTRAINT;
    }

    /** PostgreSQL ending every session: shut down, crashed (or lost its postmaster), still starting. */
    private static final Set<String> SERVER_GONE_STATES = Set.of("57P01", "57P02", "57P03");

    /**
     * The connection itself failed, as opposed to a statement on a sound one: SQLState class 08 (the
     * server went away or refused a new connection), or PostgreSQL ending all its sessions. Either way
     * the other connections to that server are most likely gone too.
     */
    static boolean isBrokenConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SERVER_GONE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** What {@code e} means: the first exception in its cause chain that says, else its type. */
    static Kind kind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                Kind kind = classify(sql.getSQLState(), sql.getErrorCode());
                if (kind != Kind.UNKNOWN) {
                    return kind;
                }
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            // The pool's timeout (SQLTransientConnectionException) carries no state when the pool was just busy.
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException || t instanceof IOException) {
                return Kind.UNAVAILABLE;
            }
        }
        return Kind.UNKNOWN;
    }

    static Kind classify(String sqlState, int vendorCode) {
        if (MYSQL_MISSING.contains(vendorCode) || H2_MISSING.contains(vendorCode)) {
            return Kind.MISSING_SCHEMA;
        }
        if (MYSQL_DENIED.contains(vendorCode) || H2_DENIED.contains(vendorCode)) {
            return Kind.ACCESS_DENIED;
        }
        if (vendorCode == 1213) {
            return Kind.TRANSACTION_CONFLICT;
        }
        if (MYSQL_BUSY.contains(vendorCode) || H2_BUSY.contains(vendorCode)) {
            return Kind.UNAVAILABLE;
        }
        String state = sqlState == null ? "" : sqlState;
        if (MISSING_STATES.contains(state)) {
            return Kind.MISSING_SCHEMA;
        }
        if (state.startsWith("28") || state.equals("42501")) {
            return Kind.ACCESS_DENIED;
        }
        if (state.equals("40001") || state.equals("40P01")) {
            return Kind.TRANSACTION_CONFLICT;
        }
        if (state.startsWith("08") || state.startsWith("53") || BUSY_STATES.contains(state)) {
            return Kind.UNAVAILABLE;
        }
        if (state.startsWith("23")) {
            return Kind.CONSTRAINT;
        }
        if (state.startsWith("22")) {
            return Kind.BAD_DATA;
        }
        return Kind.UNKNOWN;
    }

    /**
     * @param action what we were doing, for the message: {@code "create an album"}
     */
    static GalleryException translate(String action, RuntimeException e) {
        if (e instanceof GalleryException gallery) {
            return gallery;
        }
        Optional<SQLException> sql = sqlException(e);
        return switch (kind(e)) {
            case CONSTRAINT -> new ConflictException("could not " + action + ": it conflicts with a stored record", e);
            case BAD_DATA -> new InvalidInputException(action, "was refused by the database: " + firstLine(sql));
            case TRANSACTION_CONFLICT -> new ConcurrentModificationException("could not " + action + ": " + firstLine(sql));
            default -> storageFailure(action, e);
        };
    }

    /**
     * A {@link StorageUnavailableException} when the database is unreachable or busy, else a
     * {@link StorageException}: for failures that are never the caller's input (a migration, say).
     */
    static StorageException storageFailure(String action, Throwable e) {
        Optional<SQLException> sql = sqlException(e);
        String reason = sql.isPresent() ? firstLine(sql) + " (SQLState " + sql.get().getSQLState() + ")"
                : String.valueOf(e.getMessage());
        return switch (kind(e)) {
            case MISSING_SCHEMA -> new StorageException("could not " + action + ": the gallery tables are missing;"
                    + " run JdbcRepositories.migrate() first, on the right database (" + reason + ")", e);
            case ACCESS_DENIED -> new StorageException("could not " + action + ": the database refused access;"
                    + " check the user, password and grants (" + reason + ")", e);
            case UNAVAILABLE -> new StorageUnavailableException("could not " + action
                    + ": the database cannot be reached, or is busy (" + reason + ")", e);
            case TRANSACTION_CONFLICT -> new StorageUnavailableException("could not " + action
                    + ": a concurrent transaction got in the way (" + reason + ")", e);
            default -> new StorageException("could not " + action + ": " + reason, e);
        };
    }

    private static Optional<SQLException> sqlException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    private static String firstLine(Optional<SQLException> sql) {
        String message = sql.map(Throwable::getMessage).orElse("unknown database error");
        if (message == null) {
            return "unknown database error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
