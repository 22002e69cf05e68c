package dev.gallerykit.reliability;

import dev.gallerykit.jdbc.JdbcDialect;
import dev.gallerykit.jdbc.JdbcRepositories;
import dev.gallerykit.local.DatabaseServer;
import dev.gallerykit.local.JdbcDatabase;
import java.util.UUID;

/**
 * Migrated gallery repositories on a database of one test class's own: a new database on a server
 * of {@code gallery-local}, or a new in-process H2 database. The pool is large enough for eight racing
 * threads whose calls each hold a connection, with room for the suites' own reads.
 */
final class ScratchDatabase {

    private static final int POOL_SIZE = 25;

    private ScratchDatabase() {
    }

    /** A new database on {@code server}, migrated. */
    static JdbcRepositories on(DatabaseServer server, JdbcDialect dialect) {
        JdbcDatabase database = server.newDatabase();
        return migrated(JdbcRepositories.builder().jdbcUrl(database.url()).username(database.user())
                .password(database.password()).dialect(dialect).maximumPoolSize(POOL_SIZE).build());
    }

    /** A new H2 database in this JVM, migrated (it lives as long as the JVM). */
    static JdbcRepositories onH2() {
        return migrated(JdbcRepositories.builder()
                .jdbcUrl("jdbc:h2:mem:reliability-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .maximumPoolSize(POOL_SIZE).build());
    }

    private static JdbcRepositories migrated(JdbcRepositories repositories) {
        repositories.migrate();
        return repositories;
    }
}
