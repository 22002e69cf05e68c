package dev.gallerykit.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A GalleryKit call and its hand-written baseline timed in turns in one JVM: batches of one and of the other
 * alternate, which goes first switching every round, and each side's fastest and median batch are kept with
 * the bytes allocated per call (by every thread of the JVM, as JMH's {@code -prof gc} counts them, so that a
 * server running in this JVM counts on both sides). JMH measures one method after the other, so load from
 * other processes that comes and goes falls on one side only; taking turns every few milliseconds spreads it
 * over both, and the ratio of the medians is what a noisy machine still measures well.
 */
final class AbCheck {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AbCheck() {
    }

    /** One call of a side. */
    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    /** Microseconds per call of each side's fastest and median batch, and bytes per call of its median batch. */
    record Result(String what, int rounds, int batch, double oursMin, double oursMedian, double rawMin,
            double rawMedian, double oursBytes, double rawBytes) {

        double ratio() {
            return oursMedian / rawMedian;
        }

        double minRatio() {
            return oursMin / rawMin;
        }

        double allocRatio() {
            return oursBytes / rawBytes;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-38s gallerykit min %10.2f us, median %10.2f us | raw min %10.2f us,"
                    + " median %10.2f us | ratio min %.3f, median %.3f | alloc %,.0f / %,.0f B = %.3f", what, oursMin,
                    oursMedian, rawMin, rawMedian, minRatio(), ratio(), oursBytes, rawBytes, allocRatio());
        }
    }

    /**
     * The results as a markdown table, one row each: a result named {@code "<value> <operation>"} fills the
     * {@code param} and operation columns. The verdict holds when the ratio of the medians is at most
     * {@code timeTarget} of the operation and, where {@code allocTarget} gives one (not NaN), so is the ratio
     * of the bytes per call.
     */
    static String table(String param, List<Result> results, ToDoubleFunction<String> timeTarget,
            ToDoubleFunction<String> allocTarget) {
        StringBuilder out = new StringBuilder("| " + param + " | operation | calls a batch | GalleryKit median (fastest)"
                + " | raw median (fastest) | ratio of medians (of fastest) | GalleryKit B/op | raw B/op | alloc ratio"
                + " | target | met |\n");
        out.append("|---".repeat(11)).append("|\n");
        for (Result r : results) {
            String[] what = r.what().split(" ", 2);
            double time = timeTarget.applyAsDouble(what[1]);
            double alloc = allocTarget.applyAsDouble(what[1]);
            boolean met = r.ratio() <= time && (Double.isNaN(alloc) || r.allocRatio() <= alloc);
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %s us (%s) | %s us (%s) | %sx (%sx) | %,.0f | %,.0f"
                            + " | %sx | <= %.2fx%s | %s |%n", what[0], what[1], r.batch(),
                    PerformanceSuite.fmt(r.oursMedian()), PerformanceSuite.fmt(r.oursMin()),
                    PerformanceSuite.fmt(r.rawMedian()), PerformanceSuite.fmt(r.rawMin()),
                    PerformanceSuite.fmt(r.ratio()), PerformanceSuite.fmt(r.minRatio()), r.oursBytes(), r.rawBytes(),
                    PerformanceSuite.fmt(r.allocRatio()), time,
                    Double.isNaN(alloc) ? "" : String.format(Locale.ROOT, ", alloc <= %.2fx", alloc),
                    met ? "yes" : "**no**"));
        }
        return out.toString();
    }

    /** How many calls of {@code call} fill a batch of about {@code batchNanos}, after {@code warmUpNanos} of calls. */
    static int batchSize(Call call, long warmUpNanos, long batchNanos) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < warmUpNanos) {
            call.run();
        }
        start = System.nanoTime();
        int calls = 0;
        while (System.nanoTime() - start < batchNanos) {
            call.run();
            calls++;
        }
        return Math.max(1, calls);
    }

    /**
     * As {@link #compare}, after {@code warmUpNanos} of calls of each side, in batches of as many calls as fill
     * about {@code batchNanos} of the {@code raw} side; the result is also printed to standard error.
     */
    static Result compareWarm(String what, int rounds, long warmUpNanos, long batchNanos, Call ours, Call raw)
            throws Exception {
        batchSize(ours, warmUpNanos, 1);
        int batch = batchSize(raw, warmUpNanos, batchNanos);
        Result result = compare(what, rounds, batch, ours, raw);
        System.err.println("[a/b] " + result);
        return result;
    }

    /** {@code rounds} batches of {@code batch} calls of each side, in turns, after one batch of each unmeasured. */
    static Result compare(String what, int rounds, int batch, Call ours, Call raw) throws Exception {
        Batch warmOurs = new Batch();
        Batch warmRaw = new Batch();
        warmOurs.time(ours, batch, 0);
        warmRaw.time(raw, batch, 0);
        Batch oursBatches = new Batch(rounds);
        Batch rawBatches = new Batch(rounds);
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
                oursBatches.time(ours, batch, round);
                rawBatches.time(raw, batch, round);
            } else {
                rawBatches.time(raw, batch, round);
                oursBatches.time(ours, batch, round);
            }
        }
        return new Result(what, rounds, batch, oursBatches.min(), oursBatches.median(), rawBatches.min(),
                rawBatches.median(), oursBatches.medianBytes(), rawBatches.medianBytes());
    }

    /** The times and allocations of one side's batches. */
    private static final class Batch {
        private final double[] micros;
        private final double[] bytes;

        Batch() {
            this(1);
        }

        Batch(int rounds) {
            micros = new double[rounds];
            bytes = new double[rounds];
        }

        void time(Call call, int calls, int round) throws Exception {
            long allocated = allocatedByAllThreads();
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                call.run();
            }
            micros[round] = (System.nanoTime() - start) / 1_000.0 / calls;
            bytes[round] = (double) (allocatedByAllThreads() - allocated) / calls;
        }

        double min() {
            return Arrays.stream(micros).min().orElseThrow();
        }

        double median() {
            return median(micros);
        }

        double medianBytes() {
            return median(bytes);
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }
    }

    /** Bytes allocated so far by the threads alive now (a thread that ended takes its count with it). */
    private static long allocatedByAllThreads() {
        long total = 0;
        for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
            total += Math.max(0, bytes);
        }
        return total;
    }
}
