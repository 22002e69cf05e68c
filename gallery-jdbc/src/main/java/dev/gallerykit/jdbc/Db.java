package dev.gallerykit.jdbc;

import dev.gallerykit.error.GalleryException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.spi.Slice;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * What the repositories share: the jOOQ context, and the conversions between domain values and
 * columns. Instants are stored as UTC wall-clock time without zone (DATETIME(6) / TIMESTAMP(6)),
 * so no server or session time zone ever shifts them.
 */
final class Db {

    final DSLContext dsl;
    final JdbcDialect dialect;
    private final Runnable discardPooledConnections;

    /**
     * @param discardPooledConnections run when a connection broke: the pool's other connections most
     *        likely broke with it (the server restarted or failed over)
     */
    Db(DSLContext dsl, JdbcDialect dialect, Runnable discardPooledConnections) {
        this.dsl = dsl;
        this.dialect = dialect;
        this.discardPooledConnections = discardPooledConnections;
    }

    /** Runs {@code work}, translating whatever the driver throws. */
    <T> T call(String action, Function<DSLContext, T> work) {
        try {
            return work.apply(dsl);
        } catch (RuntimeException e) {
            throw translate(action, e);
        }
    }

    /**
     * {@link SqlErrors#translate}, and when the connection itself broke, the pool's other connections
     * are dropped too. Every failure of a repository goes through here.
     */
    GalleryException translate(String action, RuntimeException e) {
        if (SqlErrors.isBrokenConnection(e)) {
            discardPooledConnections.run();
        }
        return SqlErrors.translate(action, e);
    }

    /** Runs {@code work} in one transaction: all of its writes or none. */
    <T> T inTransaction(String action, Function<DSLContext, T> work) {
        return call(action, dsl -> dsl.transactionResult(configuration -> work.apply(configuration.dsl())));
    }

    /**
     * Runs {@code reads} so that they see the database as of one moment where READ COMMITTED alone
     * does not: H2's MVStore makes a commit visible table by table, so a photo's row can already show
     * a commit whose tags do not yet, and re-reading the row's version cannot tell. On H2 the reads
     * therefore share one REPEATABLE READ transaction (one snapshot of every table). The server
     * databases make a commit visible at once; there the reads run as they are, and
     * {@link PhotoRows#load} re-reads versions to catch a commit that fell between its queries.
     */
    <T> T readConsistently(String action, Function<DSLContext, T> reads) {
        if (dialect != JdbcDialect.H2) {
            return call(action, reads);
        }
        return inTransaction(action, dsl -> {
            dsl.connection(connection -> connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ));
            return reads.apply(dsl);
        });
    }

    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static LocalDateTime utc(Optional<Instant> instant) {
        return instant.map(Db::utc).orElse(null);
    }

    static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    static Optional<Instant> optionalInstant(LocalDateTime utc) {
        return Optional.ofNullable(instant(utc));
    }

    static int checkLimit(int limit) {
        if (limit < 1) {
            throw new InvalidInputException("limit", "must be at least 1, was " + limit);
        }
        return limit;
    }

    /** A keyset position is the last id of the previous page, as this adapter handed it out. */
    static Optional<UUID> position(Optional<String> after) {
        return after.map(text -> {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("cursor", "is not a position this store handed out");
            }
        });
    }

    /** A LIKE pattern matching {@code text} anywhere, with its wildcards taken literally (escape {@code !}). */
    static String containsPattern(String foldedText) {
        StringBuilder pattern = new StringBuilder("%");
        for (char c : foldedText.toCharArray()) {
            if (c == '!' || c == '%' || c == '_') {
                pattern.append('!');
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    static final char LIKE_ESCAPE = '!';

    /** {@code rows} were fetched with {@code limit + 1}: one more than asked says that another page follows. */
    static <T> Slice<T> slice(List<T> rows, int limit, Function<T, UUID> id) {
        if (rows.size() <= limit) {
            return Slice.last(rows);
        }
        List<T> items = rows.subList(0, limit);
        return new Slice<>(items, Optional.of(id.apply(items.get(limit - 1)).toString()));
    }
}
