package dev.gallerykit.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks of the stores and the accounts (issue 17) with short, fixed iteration settings, and
 * writes their tables into {@code docs/PERFORMANCE.md} between {@code <!-- generated:NAME -->} and
 * {@code <!-- /generated:NAME -->}. Comparisons follow one convention: {@code gallerykit<Op>} against
 * {@code raw<Op>} with the same parameters; the ratio is GalleryKit's cost over the baseline's (time per
 * operation, or the inverse of throughput) and is checked against the issue's target.
 *
 * <pre>{@code
 * java -cp gallery-benchmarks/target/benchmarks.jar dev.gallerykit.benchmarks.PerformanceSuite \
 *     [--doc docs/PERFORMANCE.md] [--only StoreOverhead,Accounts] [--quick] [--list]
 * }</pre>
 *
 * {@code --quick} runs one 1 s warm-up and one 1 s measured iteration of everything: a check that the suite
 * works, whose figures mean nothing.
 */
public final class PerformanceSuite {

    private static final String ALLOC = "gc.alloc.rate.norm";
    /** Rounds of the interleaved accounts check: of 20 ms batches of token checks, and of single sign-ins. */
    private static final int ACCOUNTS_ROUNDS = 100;
    private static final int ACCOUNTS_SIGN_IN_ROUNDS = 7;

    private PerformanceSuite() {
    }

    /** One part of the suite: what it runs and how its table reads. */
    private record Section(String name, String include, UnaryOperator<ChainedOptionsBuilder> options, Table table) {
    }

    /** Turns a section's results into markdown. */
    @FunctionalInterface
    private interface Table {
        String render(Collection<RunResult> results) throws Exception;
    }

    private static List<Section> sections() {
        return List.of(
                // In this JVM, without forks: each store is started and seeded once for its eight benchmarks,
                // and once more for nothing when the interleaved check below takes the same fixtures.
                new Section("StoreOverheadBenchmark", "dev.gallerykit.benchmarks.StoreOverheadBenchmark\\.",
                        // One warm-up iteration: the interleaved check gives the time verdicts; this table's are
                        // the allocations and the JMH view of the same calls.
                        o -> short5(o).warmupIterations(1).measurementIterations(2).forks(0)
                                .addProfiler(GCProfiler.class),
                        results -> comparison(results, op -> 1.10, op -> 1.10)),
                new Section("StoreAbCheck", null, UnaryOperator.identity(), results -> {
                    try {
                        return StoreAbCheck.table(StoreAbCheck.STORES, StoreAbCheck.ROUNDS);
                    } finally {
                        StoreOverheadBenchmark.closeAll();
                    }
                }),
                // The extremes the target compares. In this JVM, without forks: seeding 100,000 photos takes
                // a while, and so each store and size is seeded once for all six benchmarks, not once a fork,
                // and the query plans below are taken on the same albums at the same deep pages.
                new Section("ListingBenchmark", "dev.gallerykit.benchmarks.ListingBenchmark\\.",
                        o -> short5(o).warmupIterations(1).forks(0)
                                .param("photos", "100", String.valueOf(ExplainPlans.PHOTOS)),
                        results -> flatness(results, "photos", 1.5)),
                new Section("ListingAbCheck", null, UnaryOperator.identity(),
                        results -> ListingAbCheck.table(ListingAbCheck.STORES, ListingAbCheck.ROUNDS)),
                new Section("ExplainPlans", null, UnaryOperator.identity(), results -> {
                    try {
                        return ExplainPlans.report(ExplainPlans.PHOTOS, ExplainPlans.STORES);
                    } finally {
                        ListingBenchmark.closeAll();
                    }
                }),
                // The pairs with a target; rawVerifyOnly, a bare signature check, is for runs of the class itself.
                new Section("AccountsBenchmark", "dev.gallerykit.benchmarks.AccountsBenchmark\\.(gallerykit|raw)(Authenticate|SignIn)$",
                        o -> short5(o).mode(Mode.AverageTime).timeUnit(TimeUnit.MICROSECONDS).addProfiler(GCProfiler.class),
                        results -> comparison(results, op -> op.toLowerCase(Locale.ROOT).contains("signin") ? 1.05 : 1.10,
                                op -> Double.NaN)),
                new Section("AccountsAbCheck", null, UnaryOperator.identity(),
                        results -> AccountsAbCheck.table(ACCOUNTS_ROUNDS, ACCOUNTS_SIGN_IN_ROUNDS)),
                // Fifty callers of a call that takes a third of a second of CPU: one iteration of 15 s, in which
                // some 90 sign-ins finish, and no warm-up (bcrypt's loop is compiled within its first calls): each
                // iteration waits some 8 s more for the 50 calls in flight at its end. On H2 only: the baseline
                // touches no store, and a real store is the case the target is about (the in-memory value stays
                // for runs of the class itself).
                new Section("SignInLoadBenchmark", "dev.gallerykit.benchmarks.SignInLoadBenchmark\\.",
                        o -> o.param("store", "h2").warmupIterations(0)
                                .measurementIterations(1).measurementTime(TimeValue.seconds(15)),
                        results -> comparison(results, op -> 1.05, op -> Double.NaN)),
                new Section("StoreIngestBenchmark", "dev.gallerykit.benchmarks.StoreIngestBenchmark\\.",
                        o -> o.forks(0).warmupIterations(1).warmupTime(TimeValue.seconds(3))
                                .measurementIterations(2).measurementTime(TimeValue.seconds(3)),
                        results -> {
                            try {
                                return ingest(results);
                            } finally {
                                StoreIngestBenchmark.closeAll();
                            }
                        }),
                new Section("RequestCounts", null, UnaryOperator.identity(),
                        results -> childOutput("dev.gallerykit.benchmarks.RequestCounts")));
    }

    /** Short runs that fit the whole suite in a quarter of an hour: 2 x 1 s warm-up, 3 x 1 s measured, one fork. */
    private static ChainedOptionsBuilder short5(ChainedOptionsBuilder options) {
        return options.warmupIterations(2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1));
    }

    /** What the command line asks for. */
    record Arguments(Path doc, Set<String> only, boolean quick, boolean list) {
    }

    private static final String USAGE = "expected --doc FILE, --only NAME[,NAME], --quick, --list";

    /** Reads the command line, refusing an unknown option, an option without its value and a section nobody has. */
    static Arguments parse(String... args) {
        Path doc = Path.of("docs/PERFORMANCE.md");
        Set<String> only = new LinkedHashSet<>();
        boolean quick = false;
        boolean list = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--doc" -> doc = Path.of(valueOf(args, ++i, "--doc"));
                case "--only" -> only.addAll(Arrays.asList(valueOf(args, ++i, "--only").split(",")));
                case "--quick" -> quick = true;
                case "--list" -> list = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; " + USAGE);
            }
        }
        List<String> names = sections().stream().map(Section::name).toList();
        for (String name : only) {
            if (names.stream().noneMatch(section -> section.startsWith(name))) {
                throw new IllegalArgumentException("--only " + name + " names no section; the sections are " + names);
            }
        }
        return new Arguments(doc, only, quick, list);
    }

    private static String valueOf(String[] args, int i, String option) {
        if (i >= args.length || args[i].isBlank() || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value; " + USAGE);
        }
        return args[i];
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = parse(args);
        if (arguments.list()) {
            sections().forEach(s -> System.out.println(s.name()));
            return;
        }
        Path doc = arguments.doc();
        Set<String> only = arguments.only();
        boolean quick = arguments.quick();
        Instant started = Instant.now();
        Files.deleteIfExists(Path.of(StoreIngestBenchmark.BREAKDOWN_FILE));
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        try {
            for (Section section : sections()) {
                if (!only.isEmpty() && only.stream().noneMatch(section.name()::startsWith)) {
                    continue;
                }
                Instant sectionStart = Instant.now();
                Collection<RunResult> results = section.include() == null ? List.of() : run(section, quick);
                String table = section.table().render(results);
                Duration took = Duration.between(sectionStart, Instant.now()).truncatedTo(ChronoUnit.SECONDS);
                System.out.println("== " + section.name() + " (" + took + ")\n" + table);
                text = splice(text, section.name(), table + "\n_Generated " + Instant.now().truncatedTo(ChronoUnit.MINUTES)
                        + " by `PerformanceSuite --only " + section.name() + "` in " + took + "._\n");
                // Written after each section, so that a suite stopped half-way keeps what it measured.
                Files.writeString(doc, text, StandardCharsets.UTF_8);
            }
        } finally {
            // The servers that sections run without forks started in this JVM, if a section did not stop them.
            StoreOverheadBenchmark.closeAll();
            ListingBenchmark.closeAll();
            StoreIngestBenchmark.closeAll();
        }
        System.out.println("Suite done in " + Duration.between(started, Instant.now()).truncatedTo(ChronoUnit.SECONDS));
    }

    private static Collection<RunResult> run(Section section, boolean quick) throws RunnerException {
        ChainedOptionsBuilder options = section.options()
                .apply(new OptionsBuilder().include(section.include()).forks(1).shouldFailOnError(true));
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(1).measurementTime(TimeValue.seconds(1));
        }
        return new Runner(options.build()).run();
    }

    /** Replaces what lies between the section's markers. */
    static String splice(String text, String name, String content) {
        String open = "<!-- generated:" + name + " -->";
        String close = "<!-- /generated:" + name + " -->";
        int start = text.indexOf(open);
        int end = text.indexOf(close);
        if (start < 0 || end < start) {
            throw new IllegalStateException("the document has no " + open + " ... " + close + " section");
        }
        return text.substring(0, start + open.length()) + "\n" + content + text.substring(end);
    }

    // ---------------------------------------------------------------------------------------------- tables

    /**
     * {@code gallerykit<Op>} against {@code raw<Op>}, one row per operation and parameter set. The targets
     * give the highest ratio allowed per operation, NaN for none.
     */
    static String comparison(Collection<RunResult> results, java.util.function.ToDoubleFunction<String> timeTarget,
            java.util.function.ToDoubleFunction<String> allocTarget) {
        Map<String, RunResult[]> pairs = new TreeMap<>();
        List<String> paramNames = paramNames(results);
        for (RunResult result : results) {
            String method = method(result);
            int side = method.startsWith("gallerykit") ? 0 : method.startsWith("raw") ? 1 : -1;
            if (side < 0) {
                continue;
            }
            String op = method.substring(side == 0 ? "gallerykit".length() : "raw".length());
            String key = paramValues(result, paramNames) + "\t" + result.getParams().getThreads() + "\t" + op;
            pairs.computeIfAbsent(key, k -> new RunResult[2])[side] = result;
        }
        StringBuilder out = new StringBuilder();
        paramNames.forEach(p -> out.append("| ").append(p).append(' '));
        out.append("| threads | operation | GalleryKit | raw | ratio | GalleryKit B/op | raw B/op | alloc ratio | target | met |\n");
        out.append("|---".repeat(paramNames.size() + 10)).append("|\n");
        for (Map.Entry<String, RunResult[]> pair : pairs.entrySet()) {
            String[] key = pair.getKey().split("\t", -1);
            String op = key[key.length - 1];
            RunResult ours = pair.getValue()[0];
            RunResult raw = pair.getValue()[1];
            for (int i = 0; i < paramNames.size(); i++) {
                out.append("| ").append(key[0].split(",", -1)[i]).append(' ');
            }
            out.append("| ").append(key[key.length - 2]).append(" | ").append(decapitalize(op)).append(" | ")
                    .append(score(ours)).append(" | ").append(score(raw)).append(" | ");
            double ratio = ours == null || raw == null ? Double.NaN : costRatio(ours, raw);
            double allocRatio = ours == null || raw == null ? Double.NaN : allocRatio(ours, raw);
            double target = timeTarget.applyAsDouble(op);
            double allocLimit = allocTarget.applyAsDouble(op);
            out.append(ratio(ratio)).append(" | ").append(alloc(ours)).append(" | ").append(alloc(raw)).append(" | ")
                    .append(ratio(allocRatio)).append(" | ");
            out.append(Double.isNaN(target) ? "-" : "<= " + fmt(target) + "x"
                    + (Double.isNaN(allocLimit) ? "" : ", alloc <= " + fmt(allocLimit) + "x")).append(" | ");
            boolean met = !Double.isNaN(ratio) && ratio <= target
                    && (Double.isNaN(allocLimit) || Double.isNaN(allocRatio) || allocRatio <= allocLimit);
            out.append(Double.isNaN(target) || Double.isNaN(ratio) ? "-" : met ? "yes" : "**no**").append(" |\n");
        }
        return out.toString();
    }

    /**
     * Each method's score over the values of {@code param} (the album's size), and the ratio of the worst to
     * the best, checked against {@code target}.
     */
    static String flatness(Collection<RunResult> results, String param, double target) {
        List<String> others = new ArrayList<>(paramNames(results));
        others.remove(param);
        Set<String> values = new LinkedHashSet<>();
        Map<String, Map<String, RunResult>> rows = new TreeMap<>();
        for (RunResult result : results) {
            String value = result.getParams().getParam(param);
            values.add(value);
            String key = paramValues(result, others) + "\t" + method(result);
            rows.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(value, result);
        }
        List<String> sorted = values.stream().sorted((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b))).toList();
        StringBuilder out = new StringBuilder();
        others.forEach(p -> out.append("| ").append(p).append(' '));
        out.append("| benchmark ");
        sorted.forEach(v -> out.append("| ").append(param).append('=').append(v).append(' '));
        out.append("| worst / best | target | met |\n");
        out.append("|---".repeat(others.size() + sorted.size() + 4)).append("|\n");
        for (Map.Entry<String, Map<String, RunResult>> row : rows.entrySet()) {
            String[] key = row.getKey().split("\t", -1);
            for (int i = 0; i < others.size(); i++) {
                out.append("| ").append(key[0].split(",", -1)[i]).append(' ');
            }
            out.append("| ").append(key[1]).append(' ');
            double best = Double.MAX_VALUE;
            double worst = 0;
            for (String value : sorted) {
                RunResult result = row.getValue().get(value);
                out.append("| ").append(score(result)).append(' ');
                if (result != null) {
                    double cost = cost(result);
                    best = Math.min(best, cost);
                    worst = Math.max(worst, cost);
                }
            }
            double ratio = worst / best;
            // A baseline's row (raw...) shows what the store itself does as the album grows: no target of ours.
            boolean baseline = key[1].startsWith("raw");
            out.append("| ").append(ratio(ratio)).append(" | ")
                    .append(baseline ? "baseline" : "<= " + fmt(target) + "x").append(" | ")
                    .append(baseline ? "-" : ratio <= target ? "yes" : "**no**").append(" |\n");
        }
        return out.toString();
    }

    /** Uploads per second, and the breakdown the benchmark wrote per trial. */
    static String ingest(Collection<RunResult> results) throws IOException {
        StringBuilder out = new StringBuilder(plain(results)).append('\n');
        Path breakdown = Path.of(StoreIngestBenchmark.BREAKDOWN_FILE);
        if (!Files.exists(breakdown)) {
            return out.toString();
        }
        out.append("Where an upload's time goes (ms per upload, averaged over the measured iterations; with two callers ")
                .append("each upload's own time):\n\n")
                .append("| store | threads | uploads | total | engine (decode, scale, encode) | record store | blob store | other |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (String line : Files.readAllLines(breakdown, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            out.append("| ").append(f[0]).append(" | ").append(f[2]).append(" | ").append(f[3]).append(" | ")
                    .append(f[4]).append(" | ").append(f[5]).append(" | ").append(f[6]).append(" | ").append(f[7])
                    .append(" | ").append(f[8]).append(" |\n");
        }
        return out.toString();
    }

    /** Every result as it is: method, parameters, threads, score, allocation. */
    static String plain(Collection<RunResult> results) {
        List<String> paramNames = paramNames(results);
        StringBuilder out = new StringBuilder("| benchmark ");
        paramNames.forEach(p -> out.append("| ").append(p).append(' '));
        out.append("| threads | score | B/op |\n").append("|---".repeat(paramNames.size() + 4)).append("|\n");
        for (RunResult result : results) {
            out.append("| ").append(method(result)).append(' ');
            for (String p : paramNames) {
                out.append("| ").append(Optional.ofNullable(result.getParams().getParam(p)).orElse("")).append(' ');
            }
            out.append("| ").append(result.getParams().getThreads()).append(" | ").append(score(result)).append(" | ")
                    .append(alloc(result)).append(" |\n");
        }
        return out.toString();
    }

    /** Runs a main class of this module in a JVM of its own and returns what it printed. */
    private static final int CHILD_TIMEOUT_MINUTES = 20;

    static String childOutput(String mainClass, String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        // Into a file, so that a child that prints its report and then never ends is still stopped in time.
        Path out = Files.createTempFile("gallerykit-suite-", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(out.toFile()).start();
            if (!process.waitFor(CHILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(mainClass + " did not end within " + CHILD_TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(mainClass + " failed (exit " + process.exitValue() + ")");
            }
            return markdownOf(Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /**
     * What a child printed, from its first table row or heading on: S3Proxy writes a line or two of its own
     * to standard output when it starts ({@code CorsParams: ...}), which is not part of the report.
     */
    static String markdownOf(String output) {
        List<String> lines = output.lines().dropWhile(line -> !line.startsWith("|") && !line.startsWith("#"))
                .filter(line -> !line.startsWith("CorsParams"))
                .toList();
        return String.join("\n", lines).strip() + "\n";
    }

    // ---------------------------------------------------------------------------------------------- values

    private static List<String> paramNames(Collection<RunResult> results) {
        Set<String> names = new LinkedHashSet<>();
        results.forEach(r -> names.addAll(r.getParams().getParamsKeys()));
        return List.copyOf(names);
    }

    private static String paramValues(RunResult result, List<String> names) {
        return names.stream().map(n -> Optional.ofNullable(result.getParams().getParam(n)).orElse(""))
                .collect(Collectors.joining(","));
    }

    private static String method(RunResult result) {
        String benchmark = result.getParams().getBenchmark();
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** The cost of one operation, larger is worse, in the result's own unit: time, or one over throughput. */
    private static double cost(RunResult result) {
        Result<?> primary = result.getPrimaryResult();
        return result.getParams().getMode() == Mode.Throughput ? 1 / primary.getScore() : primary.getScore();
    }

    private static double costRatio(RunResult ours, RunResult raw) {
        return cost(ours) / cost(raw);
    }

    private static double allocRatio(RunResult ours, RunResult raw) {
        double a = allocation(ours);
        double b = allocation(raw);
        return Double.isNaN(a) || Double.isNaN(b) || b < 1 ? Double.NaN : a / b;
    }

    @SuppressWarnings("rawtypes") // JMH's getSecondaryResults() is a Map<String, Result> of the raw type
    private static double allocation(RunResult result) {
        if (result == null) {
            return Double.NaN;
        }
        BenchmarkResult aggregated = result.getAggregatedResult();
        return aggregated.getSecondaryResults().entrySet().stream()
                .filter(e -> e.getKey().endsWith(ALLOC)).map(e -> e.getValue().getScore())
                .findFirst().orElse(Double.NaN);
    }

    private static String score(RunResult result) {
        if (result == null) {
            return "-";
        }
        Result<?> primary = result.getPrimaryResult();
        String error = Double.isNaN(primary.getScoreError()) ? "" : " ± " + fmt(primary.getScoreError());
        return fmt(primary.getScore()) + error + " " + primary.getScoreUnit();
    }

    private static String alloc(RunResult result) {
        double bytes = allocation(result);
        return Double.isNaN(bytes) ? "-" : String.format(Locale.ROOT, "%,.0f", bytes);
    }

    private static String ratio(double ratio) {
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "-" : fmt(ratio) + "x";
    }

    /** Three significant figures, and no more decimals than that. */
    static String fmt(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }

    private static String decapitalize(String op) {
        return op.isEmpty() ? op : Character.toLowerCase(op.charAt(0)) + op.substring(1);
    }
}
