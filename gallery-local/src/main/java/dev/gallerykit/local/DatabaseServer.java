package dev.gallerykit.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A database server: a real one started from a Maven artifact by {@link LocalMariaDb},
 * {@link LocalMySql} or {@link LocalPostgres}, or, under their JUnit extensions, an external one named
 * by environment variables. Test classes receive it as a parameter
 * ({@code @BeforeAll static void connect(DatabaseServer server)}); other code starts one with
 * {@code LocalMariaDb.start()} and closes it when done.
 */
public interface DatabaseServer extends LocalService {

    /** The database shared by everyone who uses this server, and a user that may create tables in it. */
    JdbcDatabase database();

    /** A new, empty database (or schema) on the same server, for tests that need one of their own. */
    JdbcDatabase newDatabase();

    /** Whether this server was started here (false for an external one). */
    boolean local();

    /**
     * Kills the server as a crash would: {@code SIGKILL} to the server process and every process it
     * started, no shutdown, no last flush. Open connections break and new ones are refused until
     * {@link #restart()}; what committed transactions wrote survives, as after a crash. Returns once
     * every process of the server is gone. Does nothing if the server is killed already.
     *
     * <pre>{@code
     * try (DatabaseServer postgres = LocalPostgres.start()) {
     *     ... write ...
     *     postgres.kill();      // the next statement fails as in an outage
     *     postgres.restart();   // same URL, same data, after crash recovery
     * }
     * }</pre>
     *
     * @throws UnsupportedOperationException for an external server, and for a kind of server that
     *         cannot be killed and restarted from here (today {@link LocalPostgres} and {@link LocalMariaDb} can,
     *         {@link LocalMySql} cannot)
     */
    default void kill() {
        throw new UnsupportedOperationException(this + " cannot be killed and restarted from here");
    }

    /**
     * Starts a {@linkplain #kill() killed} server again on the same port and data directory, and
     * returns once it accepts connections (after its crash recovery), within a bound. Does nothing if
     * it is running.
     *
     * @throws UnsupportedOperationException where {@link #kill()} is unsupported
     * @throws IllegalStateException if the server does not come back
     */
    default void restart() {
        throw new UnsupportedOperationException(this + " cannot be killed and restarted from here");
    }

    /** The shared database's JDBC URL, user and password. */
    @Override
    default Map<String, String> connectionDetails() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("url", database().url());
        details.put("user", database().user());
        details.put("password", database().password());
        return details;
    }
}
