package dev.gallerykit.local;

import static dev.gallerykit.local.ServerProcesses.randomName;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * What the local database servers share: the JUnit side (one server per test JVM, kept in the root
 * context's store, so every test class of a module shares it and JUnit stops it at the end, handed
 * to tests as a {@link DatabaseServer} parameter), the start outside JUnit, and the set-up over JDBC.
 * Under JUnit, when {@code <PREFIX>_URL} is set in the environment, no server is started and the
 * same tests run against that one instead.
 */
abstract class DatabaseServerExtension implements BeforeAllCallback, ParameterResolver {

    /** Name of the database every test class shares. */
    static final String SHARED_DATABASE = "gallery";
    static final String TEST_USER = "gallery";

    /** {@code GALLERYKIT_MYSQL}, ...: the environment variables' prefix. */
    abstract String environmentPrefix();

    /** Starts a server with its files under {@code workDirectory}. */
    abstract DatabaseServer launch(Path workDirectory) throws Exception;

    /** The external server named by the environment; {@link DatabaseServer#newDatabase()} creates one there. */
    abstract DatabaseServer external(JdbcDatabase given);

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DatabaseServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private DatabaseServer server(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(DatabaseServerExtension.class))
                .getOrComputeIfAbsent(getClass().getName(), key -> startOrConnect(), DatabaseServer.class);
    }

    private DatabaseServer startOrConnect() {
        Optional<String> url = env("URL");
        if (url.isPresent()) {
            return external(new JdbcDatabase(url.get(), env("USER").orElse(""), env("PASSWORD").orElse("")));
        }
        return startLocal();
    }

    /**
     * Starts a server of this kind with its files under {@code gallerykit.servers.dir} (default
     * {@code target/local-servers}), where an unpacked server is reused by later runs.
     */
    final DatabaseServer startLocal() {
        Path work = Path.of(System.getProperty("gallerykit.servers.dir", "target/local-servers"))
                .toAbsolutePath().resolve(getClass().getSimpleName().toLowerCase(Locale.ROOT));
        try {
            Files.createDirectories(work);
            return launch(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not start " + getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private Optional<String> env(String suffix) {
        return Optional.ofNullable(System.getenv(environmentPrefix() + "_" + suffix)).filter(v -> !v.isBlank());
    }

    static void execute(String url, String user, String password, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** MySQL and MariaDB: a new database on the server of {@code shared}, same user. */
    static JdbcDatabase newMySqlDatabase(JdbcDatabase shared, String adminUrl, String adminUser,
            String adminPassword) {
        String name = randomName("gk_");
        try {
            execute(adminUrl, adminUser, adminPassword, "CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
        return new JdbcDatabase(replaceMySqlDatabase(shared.url(), name), shared.user(), shared.password());
    }

    /** {@code jdbc:mysql://host:port/db?x=y} with another database name. */
    static String replaceMySqlDatabase(String url, String database) {
        int hosts = url.indexOf("//") + 2;
        int slash = url.indexOf('/', hosts);
        int query = url.indexOf('?', hosts);
        String head = slash < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, slash);
        String tail = query < 0 ? "" : url.substring(query);
        return head + "/" + database + tail;
    }
}
