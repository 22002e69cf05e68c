package dev.gallerykit.auth;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the tests' SLF4J provider, slf4j-simple, writes while an action runs. It writes to standard
 * error, looked up at each write (its {@code cacheOutputStream} setting is off by default), so a
 * standard error of our own sees every line logged meanwhile, by any thread.
 */
final class LogOutput {

    private LogOutput() {
    }

    static String during(Runnable action) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
