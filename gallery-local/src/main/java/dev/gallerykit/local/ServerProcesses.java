package dev.gallerykit.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** What the servers share to run as child processes: ports, folders, tarballs, set-up commands, first contact. */
final class ServerProcesses {

    private ServerProcesses() {
    }

    /**
     * A loopback port that was free a moment ago. Another process may take it before the server
     * binds it; callers that can, retry with a new one.
     */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
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
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Left for mvn clean: a data directory is only ever used once.
        }
    }

    /** Makes the child process end with this JVM, however the JVM ends; returns the hook for {@link #forget}. */
    static Thread stopWithTheJvm(Process process, String name) {
        Thread hook = new Thread(process::destroy, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Drops a hook of {@link #stopWithTheJvm} once the process is stopped. */
    static void forget(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Stopped from another shutdown hook (LocalCloud.main on Ctrl+C): the hooks run anyway.
        }
    }

    /**
     * Runs one step of a server's life (a stop, a kill, a restart) for a public method that throws
     * unchecked exceptions only: an interrupt is kept, any other failure names {@code what}.
     */
    static void control(String what, StopOnce.Action step) {
        try {
            step.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not " + what + ": " + e.getMessage(), e);
        }
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
        try (InputStream in = ServerProcesses.class.getClassLoader().getResourceAsStream(resource)) {
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
                ServerProcesses::lastLine);
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
