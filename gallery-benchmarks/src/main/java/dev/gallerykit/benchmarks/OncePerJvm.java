package dev.gallerykit.benchmarks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What the trials of a benchmark share in one JVM (started servers, seeded albums), by key, made on first use
 * and closed together. Run in forks, each fork makes what it measures and closes it when its trial ends; run
 * without forks, as {@link PerformanceSuite} runs the sections that start servers, every trial of a key shares
 * one value until {@link #closeAll()}.
 */
final class OncePerJvm<T extends AutoCloseable> {

    private final Map<String, T> values = new ConcurrentHashMap<>();

    /** The value of {@code key}, made by {@code make} the first time it is asked for. */
    T get(String key, Function<String, T> make) {
        return values.computeIfAbsent(key, make);
    }

    /** For a trial's tear-down: closes everything when the trial ran in a fork of its own, which ends with it. */
    void closeAfter(BenchmarkParams trial) {
        if (trial.getForks() > 0) {
            closeAll();
        }
    }

    /** Closes every value made so far, and forgets them. */
    void closeAll() {
        IllegalStateException failure = null;
        for (Map.Entry<String, T> entry : values.entrySet()) {
            try {
                entry.getValue().close();
            } catch (Exception e) {
                IllegalStateException closing = new IllegalStateException("could not close " + entry.getKey(), e);
                if (failure == null) {
                    failure = closing;
                } else {
                    failure.addSuppressed(closing);
                }
            }
        }
        values.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
