package dev.gallerykit.reliability;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The test's side of a {@link RaceWorker}: starts it as a child JVM with this JVM's class path and the
 * {@link Wiring} in its environment, speaks its protocol with bounded waits, and ends it. Closing
 * (or the end of this JVM, by a shutdown hook) asks it to quit, then kills it if it has not exited, so
 * no worker outlives the test. Its standard error goes to a log file whose end every failure quotes.
 */
final class SecondJvm implements AutoCloseable {

    private static final long START_PATIENCE_SECONDS = 180;
    private static final long QUIT_PATIENCE_SECONDS = 20;
    private static final String END_OF_OUTPUT = "\u0000end";

    private final Process process;
    private final Path log;
    private final Writer commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Thread killer;

    private SecondJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.commands = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.killer = new Thread(process::destroyForcibly, "kill the race worker " + process.pid());
        Runtime.getRuntime().addShutdownHook(killer);
        Thread reader = new Thread(this::readReplies, "replies of the race worker " + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a worker on {@code wiring} and waits until its gallery is built.
     *
     * @param log where the worker's standard error goes
     */
    static SecondJvm start(Wiring wiring, Path log) {
        ProcessBuilder builder = childJvm(RaceWorker.class, wiring.environment(), log);
        SecondJvm worker;
        try {
            Files.createDirectories(log.getParent());
            worker = new SecondJvm(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the second JVM", e);
        }
        try {
            String hello = worker.reply(START_PATIENCE_SECONDS);
            if (!hello.startsWith("HELLO ")) {
                throw worker.broken("expected HELLO, got " + hello);
            }
            return worker;
        } catch (RuntimeException | InterruptedException e) {
            worker.close();
            throw new IllegalStateException("the second JVM did not start", e);
        }
    }

    /**
     * A JVM like this one (its java, its class path) that runs {@code main} with {@code environment} added,
     * its standard error appended to {@code log}: a worker started again after a failure keeps the log
     * of the one before.
     */
    static ProcessBuilder childJvm(Class<?> main, java.util.Map<String, String> environment, Path log) {
        String java = ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true",
                "-cp", System.getProperty("java.class.path"), main.getName());
        builder.environment().putAll(environment);
        builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return builder;
    }

    /** The worker's process id. */
    long pid() {
        return process.pid();
    }

    /** Whether the worker's process still runs. */
    boolean alive() {
        return process.isAlive();
    }

    /** Hands the worker its half of a round and waits until every one of its contenders is at the gate. */
    void prepare(List<Call> calls) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        lines.add("ROUND " + calls.size());
        calls.forEach(call -> lines.add("CALL " + call.line()));
        send(lines);
        String ready = reply(Contenders.PATIENCE_SECONDS);
        if (!ready.equals("READY")) {
            throw broken("expected READY, got " + ready);
        }
    }

    /** Opens the worker's gate, and returns once it is open. */
    void go() throws InterruptedException {
        send(List.of("GO"));
        String open = reply(Contenders.PATIENCE_SECONDS);
        if (!open.equals("OPEN")) {
            throw broken("expected OPEN, got " + open);
        }
    }

    /** What the worker's contenders got, in call order. */
    List<Outcome> outcomes() throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        String line;
        while (!(line = reply(2 * Contenders.PATIENCE_SECONDS)).equals("DONE")) {
            if (!line.startsWith("RESULT ")) {
                throw broken("expected RESULT or DONE, got " + line);
            }
            outcomes.add(Outcome.parse(RaceWorker.JVM, line.substring("RESULT ".length())));
        }
        return outcomes;
    }

    /** Asks the worker to quit and waits for it; kills it if it does not exit in time. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                try {
                    send(List.of("QUIT"));
                } catch (RuntimeException e) {
                    // It no longer reads: killed below.
                }
                if (!process.waitFor(QUIT_PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(QUIT_PATIENCE_SECONDS, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException e) {
                // This JVM is shutting down already: the hook runs anyway.
            }
        }
    }

    private void send(List<String> lines) {
        try {
            for (String line : lines) {
                commands.write(line);
                commands.write('\n');
            }
            commands.flush();
        } catch (IOException e) {
            throw broken("could not write to it: " + e.getMessage());
        }
    }

    private String reply(long patienceSeconds) throws InterruptedException {
        String line = replies.poll(patienceSeconds, TimeUnit.SECONDS);
        if (line == null) {
            throw broken("no answer within " + patienceSeconds + " s");
        }
        if (line.equals(END_OF_OUTPUT)) {
            replies.add(END_OF_OUTPUT);
            throw broken("it closed its output");
        }
        if (line.startsWith("ERROR ")) {
            throw broken("it failed:\n" + new String(Base64.getDecoder().decode(line.substring("ERROR ".length())),
                    StandardCharsets.UTF_8));
        }
        return line;
    }

    private void readReplies() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                replies.add(line);
            }
        } catch (IOException e) {
            // The worker went away: the end of its output says so.
        } finally {
            replies.add(END_OF_OUTPUT);
        }
    }

    /** An error that says what went wrong with the worker, with the end of its log. */
    private IllegalStateException broken(String what) {
        String exit = process.isAlive() ? "still running" : "exited with " + process.exitValue();
        return new IllegalStateException("second JVM (pid " + process.pid() + ", " + exit + "): " + what
                + "\n--- end of its log " + log + " ---\n" + tail().orElse("(no log)"));
    }

    private Optional<String> tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return Optional.of(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
