package dev.gallerykit.benchmarks;

import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoQuery;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Whether listing stays flat as an album grows (issue 17): one page of 100 photos through the use
 * cases an application calls, {@code gallery.photos().list} of one album and
 * {@code gallery.photos().search} by tag, on DynamoDB Local, MariaDB and PostgreSQL, with 100,
 * 10,000 and 100,000 photos in the album. The target is at most 1.5x between the extremes: the first
 * page of 100 against that of 100,000 photos, and page 1 against page 1,000.
 *
 * <p>Every photo is tagged {@code all} and every 10th {@code tenth} ({@link ListingStore} seeds them and
 * prints how long that took); the searches ask for {@code all}, the one tag with 1,000 pages at 100,000
 * photos. The deep page is page 1,000, reached by walking the cursors page by page: with 100,000 photos
 * that is the last page; with fewer photos there are fewer pages, and the deep page is the last one
 * (page 100 of 10,000 photos, page 1 of 100).
 *
 * <p>{@code rawFirstPage} and {@code rawDeepPage} are the same two album pages through the hand-written
 * baseline of {@link StoreOverheadBenchmark} (an Enhanced Client query of the album index from its own last
 * evaluated key; plain jOOQ below the last id), walked to page 1,000 with its own cursor: how the store
 * itself pages at that depth, the yardstick for the adapter's rows (no target of their own).
 *
 * <p>Each store and album size is seeded once per JVM and kept for every benchmark that asks for it:
 * run in forks (the default), each fork seeds what it measures and closes it at its end; run without
 * forks, as {@link PerformanceSuite} does, all benchmarks of a store and size share one seeded album, and
 * {@link #closeAll()} stops the servers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ListingBenchmark {

    static final int PAGE = 100;
    static final int DEEP_PAGE = 1_000;
    /** The page size that walks to the deep page: the largest a gallery may be configured to return. */
    static final int STRIDE = 1_000;
    static final PhotoQuery TAGGED = PhotoQuery.of(q -> q.tags(ListingStore.ALL));

    /** The seeded albums of this JVM, by store and size. */
    private static final OncePerJvm<Seeded> SEEDED = new OncePerJvm<>();

    @Param({"dynamodb", "mariadb", "postgres"})
    public String store;

    @Param({"100", "10000", "100000"})
    public int photos;

    private Seeded seeded;
    private ListingStore stores;
    private PageRequest deepList;
    private PageRequest deepSearch;
    private Object rawDeep;

    @Setup(Level.Trial)
    public void seed(BenchmarkParams params) {
        seeded = seeded(store, photos);
        stores = seeded.stores;
        String benchmark = params.getBenchmark();
        if (benchmark.endsWith(".deepPage")) {
            deepList = seeded.deepList();
        } else if (benchmark.endsWith(".deepPageTagSearch")) {
            deepSearch = seeded.deepSearch();
        } else if (benchmark.endsWith(".rawDeepPage")) {
            rawDeep = seeded.rawDeep();
        }
    }

    @TearDown(Level.Trial)
    public void stop(BenchmarkParams trial) {
        SEEDED.closeAfter(trial);
    }

    /** The album of {@code photos} photos on {@code store} in this JVM, seeded on first use. */
    static Seeded seeded(String store, int photos) {
        return SEEDED.get(store + "/" + photos, key -> new Seeded(store, photos));
    }

    /** Stops the servers of every album seeded in this JVM. */
    static void closeAll() {
        SEEDED.closeAll();
    }

    /** One store's album of one size, and the requests of its deep pages once walked to. */
    static final class Seeded implements AutoCloseable {
        final String store;
        final ListingStore stores;
        final RawPhotos raw;
        final Duration seededIn;
        final int photos;
        private PageRequest deepList;
        private PageRequest deepSearch;
        private Object rawDeep;
        private boolean rawWalked;

        Seeded(String store, int photos) {
            this.store = store;
            this.photos = photos;
            stores = ListingStore.start(store);
            raw = stores.raw();
            try {
                seededIn = stores.seed(photos);
                System.out.printf("%n[listing] seeded %,d photos into %s in %.1f s%n", photos, store,
                        seededIn.toMillis() / 1000.0);
            } catch (Exception e) {
                stores.close();
                throw new IllegalStateException("could not seed " + photos + " photos into " + store, e);
            }
        }

        @Override
        public void close() {
            stores.close();
        }

        synchronized PageRequest deepList() {
            if (deepList == null) {
                deepList = walk(request -> stores.gallery.photos().list(stores.owner, stores.album, request));
            }
            return deepList;
        }

        synchronized PageRequest deepSearch() {
            if (deepSearch == null) {
                deepSearch = walk(request -> stores.gallery.photos().search(stores.owner, TAGGED, request));
            }
            return deepSearch;
        }

        /**
         * The baseline's position of page {@value #DEEP_PAGE} (of the last page when there are fewer). In an album
         * that has that page it is the position after the photo that ends page {@code DEEP_PAGE - 1}, known from
         * the seeding's time-ordered ids, and checked against the page it opens; otherwise its own walk.
         */
        synchronized Object rawDeep() {
            if (!rawWalked) {
                int before = (DEEP_PAGE - 1) * PAGE;
                if (photos > before) {
                    Object position = raw.positionAfter(stores.owner, stores.album, stores.newest(before));
                    List<?> items = raw.pageAfter(stores.owner, stores.album, PAGE, position).items();
                    if (items.isEmpty() || !raw.idOf(items.get(0)).equals(stores.newest(before + 1))) {
                        throw new IllegalStateException("the baseline's page " + DEEP_PAGE + " of " + store
                                + " does not start with the photo after the first " + before);
                    }
                    rawDeep = position;
                } else {
                    Object position = null;
                    for (int number = 1; number < DEEP_PAGE; number++) {
                        Object next = raw.pageAfter(stores.owner, stores.album, PAGE, position).next();
                        if (next == null) {
                            break;
                        }
                        position = next;
                    }
                    rawDeep = position; // null when the album has one page: its deep page is the first
                }
                rawWalked = true;
            }
            return rawDeep;
        }

        /**
         * The request of page {@value #DEEP_PAGE} of {@value #PAGE}, or of the last page when there are fewer: pages of
         * {@value #STRIDE} up to where a whole one still fits before it, then pages of at most {@value #PAGE} up to it,
         * so that the walk sends a tenth of the requests and ends exactly {@code (DEEP_PAGE - 1) * PAGE} photos in.
         */
        private PageRequest walk(Function<PageRequest, Page<Photo>> pages) {
            long start = System.nanoTime();
            int before = (DEEP_PAGE - 1) * PAGE;
            int passed = 0;
            PageRequest stride = PageRequest.first(STRIDE);
            while (passed + STRIDE <= before) {
                Page<Photo> page = pages.apply(stride);
                if (!page.hasNext()) {
                    break;
                }
                passed += page.items().size();
                stride = stride.after(page).orElseThrow();
            }
            PageRequest request = new PageRequest(PAGE, stride.cursor());
            while (passed < before) {
                PageRequest step = new PageRequest(Math.min(PAGE, before - passed), request.cursor());
                Page<Photo> page = pages.apply(step);
                if (!page.hasNext()) {
                    break;
                }
                passed += page.items().size();
                request = new PageRequest(PAGE, page.nextCursor());
            }
            System.out.printf("[listing] walked %,d photos in to page %,d of %s in %.1f s%n", passed, passed / PAGE + 1,
                    store, (System.nanoTime() - start) / 1e9);
            return request;
        }
    }

    @Benchmark
    public Page<Photo> firstPage() {
        return stores.gallery.photos().list(stores.owner, stores.album, PageRequest.first(PAGE));
    }

    @Benchmark
    public Page<Photo> firstPageTagSearch() {
        return stores.gallery.photos().search(stores.owner, TAGGED, PageRequest.first(PAGE));
    }

    @Benchmark
    public Page<Photo> deepPage() {
        return stores.gallery.photos().list(stores.owner, stores.album, deepList);
    }

    @Benchmark
    public Page<Photo> deepPageTagSearch() {
        return stores.gallery.photos().search(stores.owner, TAGGED, deepSearch);
    }

    /** The baseline's first page: an Enhanced Client query of the album index, or plain jOOQ. */
    @Benchmark
    public RawPhotos.Page rawFirstPage() {
        return seeded.raw.pageAfter(stores.owner, stores.album, PAGE, null);
    }

    /** The baseline's page 1,000, from the position its own walk reached: what the store costs at that depth. */
    @Benchmark
    public RawPhotos.Page rawDeepPage() {
        return seeded.raw.pageAfter(stores.owner, stores.album, PAGE, rawDeep);
    }
}
