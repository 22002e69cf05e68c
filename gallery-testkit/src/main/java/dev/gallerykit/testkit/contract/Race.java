package dev.gallerykit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Starts many attempts at once (behind one gate) and collects what each one got, with bounded waits.
 * Contracts race the same call from many threads with it and then check invariants, never timing:
 *
 * <pre>{@code
 * Race.Results<Photo> results = Race.run(8, contender -> photos.completeDirectUpload(owner, token));
 * }</pre>
 */
public final class Race {

    private static final long PATIENCE_SECONDS = 60;

    private Race() {
    }

    /**
     * What the contenders got.
     *
     * @param wins     the values of the attempts that returned, in contender order
     * @param failures what the others threw, in contender order
     */
    public record Results<T>(List<T> wins, List<Throwable> failures) {

        /**
         * Every failure with its whole stack trace, causes and suppressed exceptions included: what a
         * report of a rare interleaving needs, since the run cannot be replayed.
         */
        public String failureTraces() {
            StringWriter traces = new StringWriter();
            try (PrintWriter out = new PrintWriter(traces)) {
                failures.forEach(failure -> failure.printStackTrace(out));
            }
            return traces.toString();
        }
    }

    /**
     * Runs {@code attempt} once per contender, all released at the same moment, and waits for all.
     *
     * @throws AssertionError when a contender does not start or finish within a minute
     */
    public static <T> Results<T> run(int contenders, IntFunction<T> attempt) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            CountDownLatch ready = new CountDownLatch(contenders);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                int contender = i;
                Callable<T> task = () -> {
                    ready.countDown();
                    go.await();
                    return attempt.apply(contender);
                };
                futures.add(pool.submit(task));
            }
            assertThat(ready.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("all contenders at the start").isTrue();
            go.countDown();
            List<T> wins = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    wins.add(future.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                } catch (TimeoutException e) {
                    throw new AssertionError("a contender did not finish within " + PATIENCE_SECONDS + " s", e);
                }
            }
            return new Results<>(wins, failures);
        } finally {
            pool.shutdownNow();
        }
    }
}
