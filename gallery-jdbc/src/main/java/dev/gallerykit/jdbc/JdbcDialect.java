package dev.gallerykit.jdbc;

import java.util.Locale;
import java.util.Optional;
import org.jooq.SQLDialect;

/**
 * The SQL database a {@link JdbcRepositories} talks to. It decides the SQL that is rendered and the
 * migrations that {@link JdbcRepositories#migrate()} runs. MySQL and MariaDB are told apart on purpose:
 * they share a wire protocol but not all of their SQL.
 */
public enum JdbcDialect {
    /** MySQL 8.0 or later. */
    MYSQL(SQLDialect.MYSQL, "mysql"),
    /** MariaDB 10.6 or later. */
    MARIADB(SQLDialect.MARIADB, "mysql"),
    /** PostgreSQL 13 or later. */
    POSTGRES(SQLDialect.POSTGRES, "postgresql"),
    /** H2 2.x, in-process or as a server. */
    H2(SQLDialect.H2, "h2");

    private final SQLDialect sql;
    private final String migrations;

    JdbcDialect(SQLDialect sql, String migrations) {
        this.sql = sql;
        this.migrations = migrations;
    }

    /**
     * The dialect a JDBC URL names by its sub-protocol ({@code jdbc:mysql:}, {@code jdbc:mariadb:},
     * {@code jdbc:postgresql:}, {@code jdbc:h2:}), or empty for any other URL.
     */
    public static Optional<JdbcDialect> fromUrl(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.strip().toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:mysql:")) {
            return Optional.of(MYSQL);
        }
        if (url.startsWith("jdbc:mariadb:")) {
            return Optional.of(MARIADB);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Optional.of(POSTGRES);
        }
        if (url.startsWith("jdbc:h2:")) {
            return Optional.of(H2);
        }
        return Optional.empty();
    }

    /** From a connection's metadata: MariaDB reached through a MySQL driver still says so in its version. */
    static Optional<JdbcDialect> fromProduct(String productName, String productVersion) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        String version = productVersion == null ? "" : productVersion.toLowerCase(Locale.ROOT);
        if (name.contains("mariadb") || (name.contains("mysql") && version.contains("mariadb"))) {
            return Optional.of(MARIADB);
        }
        if (name.contains("mysql")) {
            return Optional.of(MYSQL);
        }
        if (name.contains("postgresql")) {
            return Optional.of(POSTGRES);
        }
        if (name.equals("h2")) {
            return Optional.of(H2);
        }
        return Optional.empty();
    }

    SQLDialect sqlDialect() {
        return sql;
    }

    /** Where this dialect's Flyway migrations are in the jar. */
    String migrationLocation() {
        return "classpath:db/gallerykit/" + migrations;
    }
}
