package dev.gallerykit.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit side shared by the local SQL servers: one server per test JVM, kept in the root
 * context's store (so every test class of a module shares it, and JUnit stops it at the end),
 * handed to tests as a {@link DatabaseServer} parameter. When {@code <PREFIX>_URL} is set in the
 * environment, no server is started and the same tests run against that one instead.
 */
abstract class DatabaseServerExtension implements BeforeAllCallback, ParameterResolver {

    /** Name of the database every test class shares. */
    static final String SHARED_DATABASE = "gallery";
    static final String TEST_USER = "gallery";

    /** {@code GALLERYKIT_MYSQL}, ...: the environment variables' prefix. */
    abstract String environmentPrefix();

    /** Starts the server; called once per JVM. */
    abstract Running start(Path workDirectory) throws Exception;

    /** A server this extension started: stops with the JVM's last test. */
    interface Running extends DatabaseServer, AutoCloseable, ExtensionContext.Store.CloseableResource {
        @Override
        void close() throws Exception;
    }

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
        Path work = Path.of(System.getProperty("gallerykit.servers.dir", "target/local-servers"))
                .toAbsolutePath().resolve(getClass().getSimpleName().toLowerCase(Locale.ROOT));
        try {
            Files.createDirectories(work);
            return start(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not start " + getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The external server named by the environment; {@link DatabaseServer#newDatabase()} creates one there. */
    abstract DatabaseServer external(JdbcDatabase given);

    private Optional<String> env(String suffix) {
        return Optional.ofNullable(System.getenv(environmentPrefix() + "_" + suffix)).filter(v -> !v.isBlank());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String randomName(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Left for mvn clean: a data directory is only ever used once.
        }
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

    /**
     * Unpacks the server tarball {@code resource} from the class path into {@code work/base} once;
     * later runs find {@code executable} there and reuse it.
     */
    static Path unpackOnce(Path work, String resource, String tarFlags, String executable, String artifact)
            throws IOException, InterruptedException {
        Path base = work.resolve("base");
        if (Files.isExecutable(base.resolve(executable))) {
            return base;
        }
        Path tarball = work.resolve(resource);
        try (InputStream in = DatabaseServerExtension.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path: add " + artifact
                        + " as a test dependency");
            }
            Files.copy(in, tarball, StandardCopyOption.REPLACE_EXISTING);
        }
        Path partial = work.resolve("base-partial");
        deleteQuietly(partial);
        Files.createDirectories(partial);
        run(List.of("tar", tarFlags, tarball.toString(), "-C", partial.toString()), work.resolve("unpack.log"),
                DatabaseServerExtension::lastLine);
        Files.delete(tarball);
        Files.move(partial, base, StandardCopyOption.ATOMIC_MOVE);
        return base;
    }

    /** Runs a set-up command to its end, its output in {@code log}; a failure says why, through {@code hint}. */
    static void run(List<String> command, Path log, Function<Path, String> hint) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(3, command.size())))
                    + " failed (exit " + process.exitValue() + "): " + hint.apply(log));
        }
    }

    /** Polls a starting server until it takes a connection, it dies, or {@code timeout} passes. */
    static Connection awaitConnection(String name, Process process, Duration timeout, String url, String user,
                                      String password, Path log, Function<Path, String> hint) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ": " + hint.apply(log));
            }
            try {
                return DriverManager.getConnection(url, user, password);
            } catch (SQLException notYet) {
                last = notYet;
                // Polling a starting server: there is no event to wait for.
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not accept connections within " + timeout + "; see " + log, last);
    }

    /** The last line a server wrote to its log, which is usually why it stopped. */
    static String lastLine(Path log) {
        try {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8).strip() : "";
            String[] lines = text.split("\n");
            return lines[lines.length - 1] + " (see " + log + ")";
        } catch (IOException e) {
            return "see " + log;
        }
    }
}
