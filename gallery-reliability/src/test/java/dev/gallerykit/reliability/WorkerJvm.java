package dev.gallerykit.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ProcessingWorker} in a child JVM with this JVM's class path: started, told to quit, or
 * killed at once (SIGKILL, no shutdown of any kind), as a node of a host dies. A shutdown hook kills
 * any that outlive the test. Standard error goes to a log file.
 */
final class WorkerJvm implements AutoCloseable {

    private static final long START_PATIENCE_SECONDS = 180;

    private final Process process;
    private final Thread killer;
    /** When the worker last said it started rendering, in {@link System#nanoTime()}; 0 before. */
    private volatile long renderingSince;

    private WorkerJvm(Process process) {
        this.process = process;
        this.killer = new Thread(process::destroyForcibly, "kill the processing worker " + process.pid());
        Runtime.getRuntime().addShutdownHook(killer);
    }

    static WorkerJvm start(Map<String, String> environment, Path log) {
        ProcessBuilder builder = SecondJvm.childJvm(ProcessingWorker.class, environment, log);
        try {
            Files.createDirectories(log.getParent());
            WorkerJvm worker = new WorkerJvm(builder.start());
            worker.awaitHello(log);
            return worker;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a worker JVM", e);
        }
    }

    private void awaitHello(Path log) throws IOException {
        BufferedReader replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CountDownLatch started = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try {
                String hello = replies.readLine();
                if (hello == null || !hello.startsWith("HELLO ")) {
                    process.destroyForcibly();
                    return;
                }
                started.countDown();
                String line;
                while ((line = replies.readLine()) != null) {
                    if (line.equals("RENDERING")) {
                        renderingSince = System.nanoTime();
                    }
                }
            } catch (IOException e) {
                process.destroyForcibly();
            }
        }, "replies of the processing worker " + process.pid());
        reader.setDaemon(true);
        reader.start();
        boolean hello = false;
        try {
            hello = started.await(START_PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!hello || !process.isAlive()) {
            process.destroyForcibly();
            throw new IllegalStateException("a worker JVM did not start; see " + log + ":\n" + tail(log));
        }
    }

    /** Whether it started rendering a JPEG less than {@code millis} ago: it is in the middle of a job. */
    boolean renderingWithin(long millis) {
        long since = renderingSince;
        return since != 0 && System.nanoTime() - since < TimeUnit.MILLISECONDS.toNanos(millis);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The exit status, once it ended. */
    int exitValue() {
        return process.exitValue();
    }

    /** Ends it at once, as a node that loses power: nothing is released, its jobs come back after their visibility. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    /** Asks it to quit (its worker releases what it holds), then kills it if it does not. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try (Writer commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
                commands.write("QUIT\n");
            } catch (IOException gone) {
                // It ended meanwhile.
            }
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(20, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs anyway.
        }
    }

    static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.substring(Math.max(0, text.length() - 4000));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
