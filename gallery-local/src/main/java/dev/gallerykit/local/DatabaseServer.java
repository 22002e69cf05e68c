package dev.gallerykit.local;

/**
 * A SQL server for tests: a real one started from a Maven artifact by {@link LocalMariaDb},
 * {@link LocalMySql} or {@link LocalPostgres}, or an external one named by environment variables.
 * Test classes receive it as a parameter ({@code @BeforeAll static void connect(DatabaseServer server)}).
 */
public interface DatabaseServer {

    /** The database that all test classes of this JVM share. */
    JdbcDatabase database();

    /** A new, empty database (or schema) on the same server, for tests that need one of their own. */
    JdbcDatabase newDatabase();

    /** Whether this server was started by the test kit (false for an external one). */
    boolean local();
}
