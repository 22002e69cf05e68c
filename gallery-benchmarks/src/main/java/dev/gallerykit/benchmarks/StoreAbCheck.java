package dev.gallerykit.benchmarks;

import dev.gallerykit.benchmarks.StoreOverheadBenchmark.Fixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pairs of {@link StoreOverheadBenchmark}, side by side through {@link AbCheck}: for each store and
 * operation, batches of about {@value #BATCH_MILLIS} ms of the adapter's call and of the baseline's take
 * turns, on the same fixture (servers, tables, seeded album). Short JMH iterations measured one method after
 * the other on this two-core machine came out with errors larger than the scores; the medians of
 * interleaved batches give the time targets a verdict. The table is the time and allocation target of the
 * store overhead: both ratios of the medians at most 1.10x.
 *
 * <pre>java -cp gallery-benchmarks/target/benchmarks.jar dev.gallerykit.benchmarks.StoreAbCheck [rounds] [store]...</pre>
 */
final class StoreAbCheck {

    static final List<String> STORES = List.of("dynamodb", "mariadb", "postgres", "h2");
    static final int ROUNDS = 30;
    static final double TARGET = 1.10;
    private static final long BATCH_MILLIS = 50;
    private static final long WARM_UP_NANOS = 1_000_000_000;

    private static Object sink;

    private StoreAbCheck() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : ROUNDS;
        List<String> stores = args.length > 1 ? List.of(args).subList(1, args.length) : STORES;
        try {
            System.out.println(table(stores, rounds));
        } finally {
            StoreOverheadBenchmark.closeAll();
        }
    }

    /** The comparison of every operation on each of {@code stores}, as a markdown table. */
    static String table(List<String> stores, int rounds) throws Exception {
        List<AbCheck.Result> results = new ArrayList<>();
        for (String store : stores) {
            Fixture f = Fixture.of(store);
            results.add(compare(store + " getPhoto", rounds, () -> sink = f.gallerykitGetPhoto(), () -> sink = f.rawGetPhoto()));
            results.add(compare(store + " savePhoto", rounds, () -> sink = f.gallerykitSavePhoto(),
                    () -> sink = f.rawSavePhoto()));
            results.add(compare(store + " updateTags", rounds, () -> sink = f.gallerykitUpdateTags(),
                    () -> sink = f.rawUpdateTags()));
            results.add(compare(store + " listPage", rounds, () -> sink = f.gallerykitListPage(),
                    () -> sink = f.rawListPage()));
        }
        return render(results);
    }

    private static AbCheck.Result compare(String what, int rounds, AbCheck.Call ours, AbCheck.Call raw) throws Exception {
        AbCheck.batchSize(ours, WARM_UP_NANOS, 1);
        int batch = AbCheck.batchSize(raw, WARM_UP_NANOS, BATCH_MILLIS * 1_000_000);
        AbCheck.Result result = AbCheck.compare(what, rounds, batch, ours, raw);
        System.err.println("[store a/b] " + result);
        return result;
    }

    static String render(List<AbCheck.Result> results) {
        StringBuilder out = new StringBuilder("| store | operation | calls a batch | GalleryKit median (fastest) | raw median"
                + " (fastest) | ratio of medians (of fastest) | GalleryKit B/op | raw B/op | alloc ratio | target | met |\n");
        out.append("|---".repeat(11)).append("|\n");
        for (AbCheck.Result r : results) {
            String[] what = r.what().split(" ", 2);
            boolean met = r.ratio() <= TARGET && r.allocRatio() <= TARGET;
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %s us (%s) | %s us (%s) | %sx (%sx) | %,.0f | %,.0f | %sx"
                            + " | <= %.2fx, alloc <= %.2fx | %s |%n", what[0], what[1], r.batch(),
                    PerformanceSuite.fmt(r.oursMedian()), PerformanceSuite.fmt(r.oursMin()),
                    PerformanceSuite.fmt(r.rawMedian()), PerformanceSuite.fmt(r.rawMin()),
                    PerformanceSuite.fmt(r.ratio()), PerformanceSuite.fmt(r.minRatio()), r.oursBytes(), r.rawBytes(),
                    PerformanceSuite.fmt(r.allocRatio()), TARGET, TARGET, met ? "yes" : "**no**"));
        }
        return out.toString();
    }
}
