package dev.gallerykit.benchmarks;

import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The query plans behind listing (issue 17): on {@link ListingBenchmark}'s album of 100,000 photos
 * (its {@link ListingBenchmark#seeded} store, seeded once per JVM) on MariaDB and PostgreSQL, records
 * every statement the JDBC adapter prepares for the first page of the album, its page 1,000, the first
 * page of a search by tag and that search's page 1,000 (and, since the planner may treat a rarer tag
 * differently, the first page of a search for a tag on every 10th photo), runs each again under {@code ANALYZE} (MariaDB) or
 * {@code EXPLAIN (ANALYZE, BUFFERS)} (PostgreSQL) with the same bind values, and prints a markdown
 * section: per database and use, each statement, its plan and a verdict. On DynamoDB Local it lists
 * the requests each use sends instead (operation, table, index, key condition, filter, limit), with the
 * verdict whether all of them are a Query or GetItem, never a Scan. A verdict names full scans
 * and sorts of the photo, tag and rendition tables ("type: ALL" or "Using filesort" on MariaDB,
 * "Seq Scan" or a Sort of many rows on PostgreSQL), and any step that reads more than
 * {@value #MANY_ROWS} rows (MariaDB's r_rows, PostgreSQL's actual rows times loops) for a page of 100:
 * such a step grows with the album even without a scan or a sort (a materialised subquery, say).
 *
 * <pre>{@code java -cp gallery-benchmarks/target/benchmarks.jar dev.gallerykit.benchmarks.ExplainPlans [photos] [mariadb|postgres|dynamodb]...}</pre>
 */
public final class ExplainPlans {

    static final int PHOTOS = 100_000;
    static final List<String> STORES = List.of("mariadb", "postgres", "dynamodb");
    private static final List<String> BIG_TABLES = List.of("gallery_photo", "gallery_photo_tag",
            "gallery_photo_derivative");
    /** More rows than a page of 100 needs even for a tag on every 10th photo: the work grows with the album. */
    private static final int MANY_ROWS = 5_000;
    private static final Pattern SORT_ROWS = Pattern.compile("Sort .*actual time=\\S+ rows=(\\d+)");
    private static final Pattern SCAN_ROWS = Pattern.compile("((?:Index Only |Index |Bitmap Heap |Bitmap Index |Seq )?Scan\\S*(?: Backward)?"
            + "(?: using \\S+)?(?: on \\S+)?).*actual time=\\S+ rows=(\\d+) loops=(\\d+)");

    private ExplainPlans() {
    }

    public static void main(String[] args) throws Exception {
        int photos = args.length > 0 ? Integer.parseInt(args[0]) : PHOTOS;
        List<String> stores = args.length > 1 ? List.of(args).subList(1, args.length) : STORES;
        try {
            System.out.println(report(photos, stores));
        } finally {
            ListingBenchmark.closeAll();
        }
    }

    /**
     * The report on the albums of {@code photos} photos that {@link ListingBenchmark} seeded in this JVM (seeding
     * them when it has not), at the deep pages it walked to: {@link PerformanceSuite} runs it right after the
     * listing benchmarks, so that the large album is seeded and walked once for both.
     */
    static String report(int photos, List<String> stores) throws Exception {
        StringBuilder out = heading(photos);
        for (String store : stores) {
            ListingBenchmark.Seeded seeded = ListingBenchmark.seeded(store, photos);
            out.append(explain(seeded.stores, seeded.seededIn, seeded.deepList(), seeded.deepSearch()));
        }
        return out.toString();
    }

    private static StringBuilder heading(int photos) {
        return new StringBuilder("## Query plans of listing (" + String.format(Locale.ROOT, "%,d", photos)
                + " photos in one album)\n");
    }

    private static Function<PageRequest, Page<Photo>> list(ListingStore db) {
        return request -> db.gallery.photos().list(db.owner, db.album, request);
    }

    private static Function<PageRequest, Page<Photo>> search(ListingStore db) {
        return request -> db.gallery.photos().search(db.owner, ListingBenchmark.TAGGED, request);
    }

    /**
     * The statements or requests of each use on {@code seededStore}, seen through a view of it whose pool or
     * client records them, {@code deepList} and {@code deepSearch} being the requests of page 1,000.
     */
    private static String explain(ListingStore seededStore, Duration seeded, PageRequest deepList,
            PageRequest deepSearch) throws Exception {
        String store = seededStore.toString();
        ListingStatements statements = new ListingStatements();
        DataSource[] raw = new DataSource[1];
        ListingRequests requests = new ListingRequests();
        try (ListingStore db = seededStore.observed(pool -> {
            raw[0] = pool;
            return statements.wrap(pool);
        }, requests)) {
            PhotoQuery tenth = PhotoQuery.of(q -> q.tags(ListingStore.TENTH));
            Function<PageRequest, Page<Photo>> list = list(db);
            Function<PageRequest, Page<Photo>> search = search(db);
            Map<String, Runnable> uses = new LinkedHashMap<>();
            uses.put("album, first page", () -> list.apply(PageRequest.first(ListingBenchmark.PAGE)));
            uses.put("album, page 1,000", () -> list.apply(deepList));
            uses.put("tag 'all', first page", () -> search.apply(PageRequest.first(ListingBenchmark.PAGE)));
            uses.put("tag 'all', page 1,000", () -> search.apply(deepSearch));
            uses.put("tag 'tenth', first page", () ->
                    db.gallery.photos().search(db.owner, tenth, PageRequest.first(ListingBenchmark.PAGE)));
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%n### %s%n%nSeeded in %.1f s.%n",
                    switch (store) {
                        case "mariadb" -> "MariaDB";
                        case "postgres" -> "PostgreSQL";
                        default -> "DynamoDB Local";
                    }, seeded.toMillis() / 1000.0));
            if (raw[0] == null) {
                for (Map.Entry<String, Runnable> use : uses.entrySet()) {
                    requests.start();
                    use.getValue().run();
                    text.append("\n#### ").append(use.getKey()).append("\n\n").append(requests.stop()).append('\n');
                }
                return text.toString();
            }
            try (Connection connection = raw[0].getConnection()) {
                for (Map.Entry<String, Runnable> use : uses.entrySet()) {
                    statements.start();
                    use.getValue().run();
                    List<ListingStatements.Recorded> sent = statements.stop();
                    text.append("\n#### ").append(use.getKey()).append(" (").append(sent.size())
                            .append(" statements)\n");
                    for (ListingStatements.Recorded statement : sent) {
                        text.append(section(connection, store, statement));
                    }
                }
            }
            return text.toString();
        }
    }

    private static String section(Connection connection, String store, ListingStatements.Recorded statement)
            throws Exception {
        boolean maria = store.equals("mariadb");
        String prefix = maria ? "ANALYZE " : "EXPLAIN (ANALYZE, BUFFERS) ";
        List<String> plan = new ArrayList<>();
        try (PreparedStatement explain = connection.prepareStatement(prefix + statement.sql())) {
            for (ListingStatements.Bind bind : statement.binds()) {
                bind.setter().invoke(explain, bind.arguments());
            }
            try (ResultSet rows = explain.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                if (maria) {
                    List<String> header = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        header.add(meta.getColumnLabel(i));
                    }
                    plan.add(String.join(" | ", header));
                }
                while (rows.next()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        cells.add(String.valueOf(rows.getString(i)));
                    }
                    plan.add(String.join(" | ", cells));
                }
            }
        }
        String binds = statement.binds().stream().map(b -> String.valueOf(b.value())).collect(Collectors.joining(", "));
        return "\n```sql\n" + statement.sql() + "\n```\n"
                + (binds.isEmpty() ? "" : "Bind values: " + abbreviated(binds) + "\n")
                + "\n```\n" + String.join("\n", plan) + "\n```\n"
                + "Verdict: " + verdict(maria, plan) + "\n";
    }

    private static String abbreviated(String binds) {
        return binds.length() <= 400 ? binds : binds.substring(0, 400) + "... (" + binds.split(", ").length + " values)";
    }

    /** "no full scan, no filesort", or what the plan shows on the big tables. */
    static String verdict(boolean maria, List<String> plan) {
        List<String> found = new ArrayList<>();
        if (maria) {
            List<String> header = List.of(plan.get(0).split(" \\| "));
            int table = header.indexOf("table");
            int type = header.indexOf("type");
            int extra = header.indexOf("Extra");
            int rows = header.indexOf("r_rows");
            for (String line : plan.subList(1, plan.size())) {
                String[] cells = line.split(" \\| ", -1);
                String name = cells[table];
                String rowCount = rows >= 0 ? " (r_rows " + cells[rows] + ")" : "";
                if (cells[type].equals("ALL")) {
                    found.add("full scan (type: ALL) of " + name + rowCount);
                }
                if (cells[extra].contains("Using filesort")) {
                    found.add("filesort on " + name + rowCount);
                }
                if (rows >= 0 && !cells[rows].equals("null") && Double.parseDouble(cells[rows]) > MANY_ROWS) {
                    found.add("reads " + cells[rows] + " rows of " + name + " (" + cells[type] + ", " + cells[extra] + ")");
                }
            }
        } else {
            for (String line : plan) {
                for (String name : BIG_TABLES) {
                    if (line.contains("Seq Scan on " + name + " ")) {
                        found.add("Seq Scan on " + name);
                    }
                }
                Matcher scan = SCAN_ROWS.matcher(line);
                if (scan.find() && Long.parseLong(scan.group(2)) * Long.parseLong(scan.group(3)) > MANY_ROWS) {
                    found.add("reads " + scan.group(2) + " rows x " + scan.group(3) + " loops (" + scan.group(1).strip() + ")");
                }
                Matcher sort = SORT_ROWS.matcher(line);
                if (sort.find() && Integer.parseInt(sort.group(1)) > MANY_ROWS) {
                    found.add("Sort of " + sort.group(1) + " rows");
                }
            }
        }
        return found.isEmpty() ? "no full scan, no filesort" : String.join("; ", found);
    }
}
