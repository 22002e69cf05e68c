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
