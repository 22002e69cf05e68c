package dev.gallerykit.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.gallerykit.error.StorageException;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.spi.UserRepository;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The SQL adapter: user, album, photo and session repositories over one database (MySQL, MariaDB,
 * PostgreSQL or H2). Build it from the host's {@link DataSource}, or from a JDBC URL for which it
 * makes (and on {@link #close()} closes) a HikariCP pool:
 *
 * <pre>{@code
 * try (JdbcRepositories db = JdbcRepositories.builder()
 *         .jdbcUrl("jdbc:mysql://db:3306/gallery").username("gallery").password(secret)
 *         .build()) {
 *     db.migrate();                                   // creates or upgrades the tables, idempotent
 *     Gallery gallery = Gallery.builder().albums(db.albums()).photos(db.photos()).blobs(blobs).build();
 * }
 * }</pre>
 *
 * The tables are created by {@link #migrate()} only, never as a side effect: the host decides when
 * its schema changes. The repositories are thread-safe and may be shared.
 */
public final class JdbcRepositories implements AutoCloseable {

    /** Flyway's history table for our migrations, apart from any history table the host has. */
    static final String HISTORY_TABLE = "gallerykit_schema_history";

    private final DataSource dataSource;
    private final HikariDataSource ownPool;
    private final JdbcDialect dialect;
    private final UserRepository users;
    private final AlbumRepository albums;
    private final PhotoRepository photos;
    private final SessionRepository sessions;
    private final ShareRepository shares;

    private JdbcRepositories(DataSource dataSource, HikariDataSource ownPool, JdbcDialect dialect) {
        this.dataSource = dataSource;
        this.ownPool = ownPool;
        this.dialect = dialect;
        Settings settings = new Settings()
                // Unquoted names fold the same way in the migrations and in the queries (upper case on H2).
                .withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withExecuteLogging(false);
        // A broken connection means the server went away (a restart, a failover): the pool's idle
        // connections broke with it, and HikariCP hands out one used in the last 500 ms without a check,
        // so a retry after the server is back would fail on them, once per pooled connection. Dropping
        // them all costs one reconnect each. A DataSource of the host's is the host's to manage.
        Runnable discard = ownPool == null ? () -> { } : () -> {
            HikariPoolMXBean pool = ownPool.getHikariPoolMXBean();
            if (pool != null) {
                pool.softEvictConnections();
            }
        };
        Db db = new Db(DSL.using(dataSource, dialect.sqlDialect(), settings), dialect, discard);
        this.users = new JdbcUserRepository(db);
        this.albums = new JdbcAlbumRepository(db);
        this.photos = new JdbcPhotoRepository(db);
        this.sessions = new JdbcSessionRepository(db);
        this.shares = new JdbcShareRepository(db);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static JdbcRepositories build(Consumer<Builder> spec) {
        Builder builder = builder();
        spec.accept(builder);
        return builder.build();
    }

    /**
     * Creates the gallery tables, or upgrades them to this version's schema, with the Flyway
     * migrations shipped in this jar ({@code db/gallerykit/<dialect>}). Idempotent: a second call
     * does nothing. The history is kept in its own table, {@value #HISTORY_TABLE}, so that a host's
     * own Flyway setup and other tables in the same schema are left alone.
     *
     * @return how many migrations were applied by this call
     * @throws StorageUnavailableException when the database cannot be reached or is busy (retryable)
     * @throws StorageException when access is denied or a migration fails (not retryable)
     */
    public int migrate() {
        try {
            return Flyway.configure(JdbcRepositories.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(dialect.migrationLocation())
                    .javaMigrations(new FoldSearchText())
                    .table(HISTORY_TABLE)
                    // A schema with the host's tables in it but none of ours: start from nothing.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            throw SqlErrors.storageFailure("migrate the gallery tables", e);
        }
    }

    public UserRepository users() {
        return users;
    }

    public AlbumRepository albums() {
        return albums;
    }

    public PhotoRepository photos() {
        return photos;
    }

    public SessionRepository sessions() {
        return sessions;
    }

    /** Album members and share links, in the tables of the albums they point at. */
    public ShareRepository shares() {
        return shares;
    }

    /** The data source the repositories use; the adapter's own tests reach the tables through it. */
    DataSource dataSource() {
        return dataSource;
    }

    public JdbcDialect dialect() {
        return dialect;
    }

    /** Closes the connection pool if this made it from a JDBC URL; a host's DataSource is left open. */
    @Override
    public void close() {
        if (ownPool != null) {
            ownPool.close();
        }
    }

    /** Configures a {@link JdbcRepositories}; everything is checked by {@link #build()}. */
    public static final class Builder {
        private DataSource dataSource;
        private String jdbcUrl;
        private String username;
        private String password;
        private JdbcDialect dialect;
        private int maximumPoolSize = 10;
        private Duration connectionTimeout = Duration.ofSeconds(10);
        private String poolName = "gallerykit";

        private Builder() {
        }

        /** The host's pool; the repositories borrow connections and never close it. */
        public Builder dataSource(DataSource value) {
            dataSource = value;
            return this;
        }

        /** Where to connect when no DataSource is given; a HikariCP pool is made for it. */
        public Builder jdbcUrl(String value) {
            jdbcUrl = value;
            return this;
        }

        public Builder username(String value) {
            username = value;
            return this;
        }

        public Builder password(String value) {
            password = value;
            return this;
        }

        /** The SQL to speak; when not given, it is read from the JDBC URL or the database's metadata. */
        public Builder dialect(JdbcDialect value) {
            dialect = value;
            return this;
        }

        /** The pool's size, for a JDBC URL (10 by default). */
        public Builder maximumPoolSize(int value) {
            maximumPoolSize = value;
            return this;
        }

        /** How long a call waits for a free connection before a {@link StorageUnavailableException} (10 s by default). */
        public Builder connectionTimeout(Duration value) {
            connectionTimeout = value;
            return this;
        }

        public Builder poolName(String value) {
            poolName = value;
            return this;
        }

        /**
         * Checks the configuration and builds the repositories.
         *
         * @throws IllegalStateException naming every missing or contradicting setting
         * @throws StorageException when the dialect must be read from a host's DataSource that fails
         *         (a {@link StorageUnavailableException} when the database cannot be reached)
         */
        public JdbcRepositories build() {
            List<String> problems = new ArrayList<>();
            boolean hasUrl = jdbcUrl != null && !jdbcUrl.isBlank();
            if (dataSource == null && !hasUrl) {
                problems.add("JdbcRepositories needs a DataSource or a JDBC URL");
            }
            if (dataSource != null && hasUrl) {
                problems.add("JdbcRepositories takes a DataSource or a JDBC URL, not both");
            }
            if (dataSource != null && (username != null || password != null)) {
                problems.add("a username and password go with a JDBC URL; a DataSource brings its own");
            }
            if (hasUrl && !jdbcUrl.strip().startsWith("jdbc:")) {
                problems.add("the JDBC URL must start with 'jdbc:', was '" + jdbcUrl + "'");
            }
            if (maximumPoolSize < 1) {
                problems.add("maximumPoolSize must be at least 1, was " + maximumPoolSize);
            }
            if (connectionTimeout == null || connectionTimeout.toMillis() < 250) {
                problems.add("connectionTimeout must be at least 250 ms, was " + connectionTimeout);
            }
            Optional<JdbcDialect> chosen = Optional.ofNullable(dialect);
            if (chosen.isEmpty() && hasUrl) {
                chosen = JdbcDialect.fromUrl(jdbcUrl);
                if (chosen.isEmpty()) {
                    problems.add("cannot tell the SQL dialect from the JDBC URL '" + jdbcUrl
                            + "': set dialect(...) to MYSQL, MARIADB, POSTGRES or H2");
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException(String.join("; ", problems));
            }
            if (dataSource != null) {
                return new JdbcRepositories(dataSource, null, chosen.orElseGet(() -> detect(dataSource)));
            }
            HikariDataSource pool = new HikariDataSource(poolConfig());
            return new JdbcRepositories(pool, pool, chosen.orElseThrow());
        }

        private HikariConfig poolConfig() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl.strip());
            config.setUsername(username);
            config.setPassword(password);
            config.setMaximumPoolSize(maximumPoolSize);
            config.setConnectionTimeout(connectionTimeout.toMillis());
            config.setPoolName(poolName);
            // No connection at build time: a database that is down is a retryable error on first use.
            config.setInitializationFailTimeout(-1);
            return config;
        }

        private static JdbcDialect detect(DataSource dataSource) {
            try (Connection connection = dataSource.getConnection()) {
                DatabaseMetaData meta = connection.getMetaData();
                String product = meta.getDatabaseProductName();
                Optional<JdbcDialect> found = JdbcDialect.fromProduct(product, meta.getDatabaseProductVersion());
                if (found.isEmpty()) {
                    found = JdbcDialect.fromUrl(meta.getURL());
                }
                return found.orElseThrow(() -> new IllegalStateException("cannot tell the SQL dialect of "
                        + product + ": set dialect(...) to MYSQL, MARIADB, POSTGRES or H2"));
            } catch (SQLException e) {
                throw SqlErrors.storageFailure(
                        "connect to read the SQL dialect (set dialect(...) to build without connecting)", e);
            }
        }
    }

    @Override
    public String toString() {
        return "JdbcRepositories[" + dialect + (ownPool != null ? ", own pool " + ownPool.getPoolName() : "") + "]";
    }
}
