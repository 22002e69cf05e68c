package dev.gallerykit.benchmarks;

import dev.gallerykit.benchmarks.StoreOverheadBenchmark.Fixture;
import java.util.ArrayList;
import java.util.List;

/**
 * The pairs of {@link StoreOverheadBenchmark}, side by side through {@link AbCheck}: for each store and
 * operation, batches of about {@value #BATCH_MILLIS} ms of the adapter's call and of the baseline's take
 * turns ({@value #ROUNDS} rounds by default), on the same fixture (servers, tables, seeded album). Short
 * JMH iterations measured one method after the other on this two-core machine came out with errors larger
 * than the scores; the medians of interleaved batches give the time targets a verdict. The table is the time and allocation target of the
 * store overhead: both ratios of the medians at most 1.10x.
 *
 * <pre>java -cp gallery-benchmarks/target/benchmarks.jar dev.gallerykit.benchmarks.StoreAbCheck [rounds] [store]...</pre>
 */
final class StoreAbCheck {

    static final List<String> STORES = List.of("dynamodb", "mariadb", "postgres", "h2");
    static final int ROUNDS = 20;
    static final double TARGET = 1.10;
    private static final long BATCH_MILLIS = 50;
    private static final long WARM_UP_NANOS = 500_000_000;

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
        return AbCheck.compareWarm(what, rounds, WARM_UP_NANOS, BATCH_MILLIS * 1_000_000, ours, raw);
    }

    static String render(List<AbCheck.Result> results) {
        return AbCheck.table("store", results, operation -> TARGET, operation -> TARGET);
    }
}
