package dev.gallerykit.jdbc;

import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.GalleryException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.StorageUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Turns what the driver, the pool or jOOQ threw into our exceptions, by SQLState class: the one
 * vocabulary that MySQL, MariaDB, PostgreSQL and H2 share.
 */
final class SqlErrors {

    private SqlErrors() {
    }

    /** SQLState class 23: a unique key, foreign key or check constraint refused the write. */
    static boolean isConstraintViolation(RuntimeException e) {
        return sqlState(e).map(state -> state.startsWith("23")).orElse(false);
    }

    static GalleryException translate(String action, RuntimeException e) {
        if (e instanceof GalleryException gallery) {
            return gallery;
        }
        Optional<SQLException> sql = sqlException(e);
        String state = sql.map(SQLException::getSQLState).orElse(null);
        if (state == null) {
            state = "";
        }
        if (unreachable(e) || state.startsWith("08")) {
            return new StorageUnavailableException("could not " + action + ": the database cannot be reached", e);
        }
        if (state.startsWith("23")) {
            return new ConflictException("could not " + action + ": it conflicts with a stored record", e);
        }
        if (state.startsWith("22")) {
            return new InvalidInputException(action, "was refused by the database: " + firstLine(sql));
        }
        if (state.startsWith("40")) {
            // Deadlock or serialization failure: another writer won; the same call may succeed again.
            return new ConcurrentModificationException("could not " + action + ": " + firstLine(sql));
        }
        if (state.equals("42S02") || state.equals("42S04") || state.equals("42P01") || state.equals("42102") || state.equals("42104")) {
            return new StorageUnavailableException("could not " + action
                    + ": the gallery tables are missing; run JdbcRepositories.migrate() first", e);
        }
        return new StorageUnavailableException("could not " + action + ": "
                + (sql.isPresent() ? firstLine(sql) + " (SQLState " + state + ")" : String.valueOf(e)), e);
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> sqlState(Throwable e) {
        return sqlException(e).map(SQLException::getSQLState);
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
