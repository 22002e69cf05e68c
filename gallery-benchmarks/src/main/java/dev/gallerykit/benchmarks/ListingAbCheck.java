package dev.gallerykit.benchmarks;

import dev.gallerykit.benchmarks.ListingBenchmark.Seeded;
import dev.gallerykit.domain.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The extremes of {@link ListingBenchmark}, side by side through {@link AbCheck}: for each store, batches of
 * about {@value #BATCH_MILLIS} ms of a page at one extreme and of the same page at the other take turns, on
 * the albums that the listing benchmarks seeded in this JVM (seeded here when they have not): the first page
 * of the album of {@value #SMALL} photos against that of the album of {@value ExplainPlans#PHOTOS}, and page 1
 * against page {@value ListingBenchmark#DEEP_PAGE} of the large album, for the album's list and for the search
 * by tag, and the hand-written baseline's page 1 against its page 1,000. Short JMH runs measure the two
 * extremes a minute apart, so a burst of load elsewhere can make the small album look the slower; here it
 * falls on both. The target: the larger or deeper side's median at most 1.5 times the other's.
 *
 * <pre>java -cp gallery-benchmarks/target/benchmarks.jar dev.gallerykit.benchmarks.ListingAbCheck [rounds] [store]...</pre>
 */
final class ListingAbCheck {

    static final List<String> STORES = List.of("dynamodb", "mariadb", "postgres");
    static final int ROUNDS = 12;
    static final double TARGET = 1.5;
    private static final int SMALL = 100;
    private static final long BATCH_MILLIS = 60;
    private static final long WARM_UP_NANOS = 300_000_000;

    private static Object sink;

    private ListingAbCheck() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : ROUNDS;
        List<String> stores = args.length > 1 ? List.of(args).subList(1, args.length) : STORES;
        try {
            System.out.println(table(stores, rounds));
        } finally {
            ListingBenchmark.closeAll();
        }
    }

    /** Every comparison on each of {@code stores}, as a markdown table. */
    static String table(List<String> stores, int rounds) throws Exception {
        List<AbCheck.Result> results = new ArrayList<>();
        PageRequest first = PageRequest.first(ListingBenchmark.PAGE);
        for (String store : stores) {
            Seeded small = ListingBenchmark.seeded(store, SMALL);
            Seeded large = ListingBenchmark.seeded(store, ExplainPlans.PHOTOS);
            PageRequest deepList = large.deepList();
            PageRequest deepSearch = large.deepSearch();
            Object rawDeep = large.rawDeep();
            results.add(compare(store + " album, first page: 100,000 photos against 100", rounds,
                    () -> sink = list(large, first), () -> sink = list(small, first)));
            results.add(compare(store + " album, 100,000 photos: page 1,000 against page 1", rounds,
                    () -> sink = list(large, deepList), () -> sink = list(large, first)));
            results.add(compare(store + " tag search, first page: 100,000 photos against 100", rounds,
                    () -> sink = search(large, first), () -> sink = search(small, first)));
            results.add(compare(store + " tag search, 100,000 photos: page 1,000 against page 1", rounds,
                    () -> sink = search(large, deepSearch), () -> sink = search(large, first)));
            results.add(compare(store + " baseline, 100,000 photos: page 1,000 against page 1", rounds,
                    () -> sink = large.raw.pageAfter(large.stores.owner, large.stores.album, ListingBenchmark.PAGE, rawDeep),
                    () -> sink = large.raw.pageAfter(large.stores.owner, large.stores.album, ListingBenchmark.PAGE, null)));
        }
        return render(results);
    }

    private static Object list(Seeded seeded, PageRequest request) {
        return seeded.stores.gallery.photos().list(seeded.stores.owner, seeded.stores.album, request);
    }

    private static Object search(Seeded seeded, PageRequest request) {
        return seeded.stores.gallery.photos().search(seeded.stores.owner, ListingBenchmark.TAGGED, request);
    }

    private static AbCheck.Result compare(String what, int rounds, AbCheck.Call extreme, AbCheck.Call reference)
            throws Exception {
        return AbCheck.compareWarm(what, rounds, WARM_UP_NANOS, BATCH_MILLIS * 1_000_000, extreme, reference);
    }

    /** One row per comparison; a baseline's row shows what the store itself does, with no target of ours. */
    static String render(List<AbCheck.Result> results) {
        StringBuilder out = new StringBuilder("| store | pages compared | calls a batch | larger or deeper: median"
                + " (fastest) | the other: median (fastest) | ratio of medians | target | met |\n");
        out.append("|---".repeat(8)).append("|\n");
        for (AbCheck.Result r : results) {
            String[] what = r.what().split(" ", 2);
            boolean baseline = what[1].startsWith("baseline");
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %s us (%s) | %s us (%s) | %sx | %s | %s |%n",
                    what[0], what[1], r.batch(), PerformanceSuite.fmt(r.oursMedian()), PerformanceSuite.fmt(r.oursMin()),
                    PerformanceSuite.fmt(r.rawMedian()), PerformanceSuite.fmt(r.rawMin()), PerformanceSuite.fmt(r.ratio()),
                    baseline ? "baseline" : String.format(Locale.ROOT, "<= %.1fx", TARGET),
                    baseline ? "-" : r.ratio() <= TARGET ? "yes" : "**no**"));
        }
        return out.toString();
    }
}
