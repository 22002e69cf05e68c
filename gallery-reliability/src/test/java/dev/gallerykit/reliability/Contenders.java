package dev.gallerykit.reliability;

import dev.gallerykit.DuplicatePolicy;
import dev.gallerykit.Gallery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One JVM's half of a round: a thread per {@link Call}, each parked at one gate until {@link #go()}
 * opens it, then the outcome of each in call order. Both JVMs use it, so both halves start the same
 * way; waits are bounded, so a stuck call fails the round instead of hanging the build.
 */
final class Contenders {

    static final long PATIENCE_SECONDS = 60;

    private final ExecutorService pool;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final List<Future<Outcome>> futures = new ArrayList<>();
    private final String jvm;

    private Contenders(String jvm, int calls) {
        this.jvm = jvm;
        this.pool = Executors.newFixedThreadPool(Math.max(1, calls));
    }

    /**
     * Starts one thread per call and returns once every one of them waits at the gate.
     *
     * @param jvm which JVM this is, for the outcomes
     */
    static Contenders atTheGate(String jvm, List<Call> calls, Map<DuplicatePolicy, Gallery> galleries)
            throws InterruptedException {
        Contenders contenders = new Contenders(jvm, calls.size());
        CountDownLatch ready = new CountDownLatch(calls.size());
        for (Call call : calls) {
            contenders.futures.add(contenders.pool.submit(() -> {
                ready.countDown();
                contenders.gate.await();
                try {
                    return Outcome.returned(jvm, call.runOn(galleries));
                } catch (RuntimeException | Error e) {
                    return Outcome.threw(jvm, e);
                }
            }));
        }
        if (!ready.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            contenders.pool.shutdownNow();
            throw new IllegalStateException(jvm + ": not every contender reached the gate within " + PATIENCE_SECONDS + " s");
        }
        return contenders;
    }

    /** Lets every contender go at once. */
    void go() {
        gate.countDown();
    }

    /** Gives the round up: the contenders are interrupted at the gate, before they make their calls. */
    void abandon() {
        pool.shutdownNow();
    }

    /** Waits for every contender and gives what each got, in call order. */
    List<Outcome> outcomes() throws InterruptedException {
        try {
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                try {
                    outcomes.add(future.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    throw new IllegalStateException(jvm + ": a contender failed outside its call", e.getCause());
                } catch (TimeoutException e) {
                    throw new IllegalStateException(jvm + ": a contender did not finish within " + PATIENCE_SECONDS + " s", e);
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
