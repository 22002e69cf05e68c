package dev.gallerykit.reliability;

import dev.gallerykit.DuplicatePolicy;
import dev.gallerykit.Gallery;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The second JVM of {@link TwoJvmRacesTest}: a gallery instance of its own, on the database (or
 * DynamoDB tables) and the bucket the {@link Wiring} in its environment names, with the deployment's
 * cursor secret and the system clock, as a second node of a host would run. It shares nothing with
 * the test's JVM but the servers, and runs its half of each round when told, over a line protocol:
 *
 * <pre>
 * worker: HELLO &lt;pid&gt;                      once its gallery is built
 * test:   ROUND &lt;n&gt;, then n lines CALL &lt;call&gt;   its half of a round ({@link Call#line()})
 * worker: READY                            every contender waits at the gate
 * test:   GO                               the gate opens
 * worker: OPEN                             it is open (the test opens its own before GO or after OPEN)
 * worker: n lines RESULT &lt;outcome&gt;, DONE   in call order ({@link Outcome#line()})
 * test:   QUIT                             or the end of its input: the worker closes and exits
 * worker: ERROR &lt;base64 trace&gt;             instead of any answer, when it cannot go on; then it exits
 * </pre>
 *
 * Only the protocol goes to standard output; everything else (logs) goes to standard error.
 */
public final class RaceWorker {

    static final String JVM = "second";

    private RaceWorker() {
    }

    public static void main(String[] args) {
        PrintStream replies = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        int status = 0;
        try {
            Wiring wiring = Wiring.fromEnvironment(System.getenv());
            try (Stores stores = wiring.open()) {
                Map<DuplicatePolicy, Gallery> galleries = stores.galleries(Clock.systemUTC(), wiring.cursorSecret());
                serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), replies, galleries);
            }
        } catch (Exception | Error e) {
            StringWriter trace = new StringWriter();
            try (PrintWriter out = new PrintWriter(trace)) {
                e.printStackTrace(out);
            }
            System.err.println(trace);
            replies.println("ERROR " + Base64.getEncoder().encodeToString(trace.toString().getBytes(StandardCharsets.UTF_8)));
            status = 1;
        }
        replies.flush();
        // The SDK and the pool may leave threads behind; the worker's life ends here either way.
        System.exit(status);
    }

    private static void serve(BufferedReader commands, PrintStream replies, Map<DuplicatePolicy, Gallery> galleries)
            throws IOException, InterruptedException {
        replies.println("HELLO " + ProcessHandle.current().pid());
        String line;
        while ((line = commands.readLine()) != null && !line.equals("QUIT")) {
            if (!line.startsWith("ROUND ")) {
                throw new IllegalStateException("expected ROUND or QUIT, got: " + line);
            }
            int count = Integer.parseInt(line.substring("ROUND ".length()));
            List<Call> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                calls.add(Call.parse(expect(commands, "CALL ")));
            }
            Contenders contenders = Contenders.atTheGate(JVM, calls, galleries);
            replies.println("READY");
            expect(commands, "GO");
            contenders.go();
            replies.println("OPEN");
            for (Outcome outcome : contenders.outcomes()) {
                replies.println("RESULT " + outcome.line());
            }
            replies.println("DONE");
        }
    }

    /** The next line, which must start with {@code prefix}; the rest of it. */
    private static String expect(BufferedReader commands, String prefix) throws IOException {
        String line = commands.readLine();
        if (line == null || !line.startsWith(prefix)) {
            throw new IllegalStateException("expected " + prefix.strip() + ", got: " + line);
        }
        return line.substring(prefix.length());
    }
}
