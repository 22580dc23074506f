package dev.auroraguard.bench.retention;

import dev.auroraguard.domain.retention.DeletionBudget;
import dev.auroraguard.domain.retention.RetentionPlan;
import dev.auroraguard.domain.retention.RetentionPlanner;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link RetentionPlanningBenchmark} through JMH's Java API (no uber-jar needed) and prints a table:
 *
 * <pre>
 * java -cp benchmarks.jar:&lt;dependencies&gt; dev.auroraguard.bench.retention.RetentionPlanningBench [--sizes 1000,10000,100000] [--cold] [--json FILE] [--quiet]
 * </pre>
 *
 * <p>The measurement is JMH's average time of a warmed-up plan (the issue #8 goal). {@code --cold} adds
 * what a scheduled run sees more often: the first plan in a fresh JVM started with the flags AWS Lambda's
 * Java 17 and 21 runtimes use by default (C1 only, serial GC), one shot per fork.
 *
 * <p>JMH measures in a forked JVM started with this JVM's {@code java.class.path}, so the benchmark classes
 * and their generated {@code META-INF/BenchmarkList} must be on the class path the JVM was launched with
 * ({@code -cp} or {@code -jar}), not in a class loader created later; {@link #run} checks that first.
 */
public final class RetentionPlanningBench {

    /** The issue #8 goal: one plan over 100,000 snapshots in under 200 ms. */
    static final int GOAL_SNAPSHOTS = 100_000;
    static final double GOAL_MILLISECONDS = 200.0;

    static final List<Integer> DEFAULT_SIZES = List.of(1_000, 10_000, 100_000);
    static final int FORKS = 1;
    static final int WARMUP_ITERATIONS = 10;
    static final TimeValue WARMUP_TIME = TimeValue.seconds(2);
    static final int MEASUREMENT_ITERATIONS = 10;
    static final TimeValue MEASUREMENT_TIME = TimeValue.seconds(1);
    /** A fixed heap, so that runs compare; the data of 100,000 snapshots takes about 100 MB of it. */
    static final String[] FORK_JVM_ARGS = {"-Xms1g", "-Xmx1g"};
    /** {@code --cold}: fresh JVMs per size, each measuring its first plan. */
    static final int COLD_FORKS = 5;
    /** What AWS Lambda's Java 17 and 21 runtimes start the JVM with by default. */
    static final String[] LAMBDA_JVM_ARGS = {"-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"};

    /** Other processes' CPU use, in cores, from which the times are flagged as inflated. */
    static final double BUSY_CORES = 0.25;
    static final Duration LOAD_WINDOW = Duration.ofSeconds(1);

    private static final String USAGE = "usage: RetentionPlanningBench [--sizes N,N,...] [--cold] [--json FILE] [--quiet]\n"
            + "  --sizes LIST  snapshot counts to measure, multiples of " + RetentionWorkload.CLUSTERS
            + " (default 1000,10000,100000)\n"
            + "  --cold        also measure the first plan in fresh JVMs with Lambda's JVM flags (" + COLD_FORKS
            + " per size)\n"
            + "  --json FILE   also write JMH's JSON results to FILE (and FILE-cold.json for --cold)\n"
            + "  --quiet       print only the tables, not JMH's progress";

    private RetentionPlanningBench() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /**
     * Runs the benchmark and prints the tables to {@code out}.
     *
     * @return 0 when the benchmark ran, 1 when it could not run or failed, 2 for a wrong command line
     */
    public static int run(String[] args, PrintStream out) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("retention benchmark: " + e.getMessage());
            out.println(USAGE);
            return 2;
        }
        if (arguments.help()) {
            out.println(USAGE);
            return 0;
        }
        Optional<String> launchProblem = launchProblem();
        if (launchProblem.isPresent()) {
            out.println("retention benchmark: " + launchProblem.get());
            return 1;
        }

        out.printf(Locale.ROOT, "Retention planning: RetentionPlanner.plan over %d clusters, seed %d, now %s, budget %s%n",
                RetentionWorkload.CLUSTERS, RetentionWorkload.SEED, RetentionWorkload.NOW, DeletionBudget.DEFAULT);
        out.println("Policy: " + RetentionWorkload.POLICY_JSON.replaceAll("\\s+", " ").strip());
        List<WorkloadSummary> summaries = new ArrayList<>();
        for (int size : arguments.sizes()) {
            summaries.add(WorkloadSummary.of(RetentionWorkload.generate(size, RetentionWorkload.SEED)));
        }
        VerboseMode verbosity = arguments.quiet() ? VerboseMode.SILENT : VerboseMode.NORMAL;
        OptionalDouble loadBefore = busyCores();

        ChainedOptionsBuilder warm = options(arguments.sizes())
                .mode(Mode.AverageTime)
                .forks(FORKS)
                .warmupIterations(WARMUP_ITERATIONS)
                .warmupTime(WARMUP_TIME)
                .measurementIterations(MEASUREMENT_ITERATIONS)
                .measurementTime(MEASUREMENT_TIME)
                .jvmArgsAppend(FORK_JVM_ARGS);
        arguments.json().ifPresent(file -> warm.resultFormat(ResultFormatType.JSON).result(file.toString()));
        Optional<Collection<RunResult>> warmResults = measure(warm, arguments.sizes().size(), out, verbosity);
        if (warmResults.isEmpty()) {
            return 1;
        }
        Optional<Collection<RunResult>> coldResults = Optional.empty();
        if (arguments.cold()) {
            ChainedOptionsBuilder cold = options(arguments.sizes())
                    .mode(Mode.SingleShotTime)
                    .forks(COLD_FORKS)
                    .warmupIterations(0)
                    .measurementIterations(1)
                    .jvmArgsAppend(concat(FORK_JVM_ARGS, LAMBDA_JVM_ARGS));
            arguments.json().ifPresent(file -> cold.resultFormat(ResultFormatType.JSON).result(coldJson(file).toString()));
            coldResults = measure(cold, arguments.sizes().size(), out, verbosity);
            if (coldResults.isEmpty()) {
                return 1;
            }
        }

        OptionalDouble loadAfter = busyCores();

        out.println();
        out.print(table(warmResults.get(), summaries));
        coldResults.ifPresent(results -> out.print(coldTable(results)));
        out.print(loadNote(loadBefore, loadAfter, Runtime.getRuntime().availableProcessors()));
        arguments.json().ifPresent(file -> out.println("JMH results (JSON): " + file
                + (arguments.cold() ? ", " + coldJson(file) : "")));
        return 0;
    }

    private static ChainedOptionsBuilder options(List<Integer> sizes) {
        return new OptionsBuilder()
                .include("^" + Pattern.quote(RetentionPlanningBenchmark.class.getName()) + "\\.")
                .param("snapshots", sizes.stream().map(String::valueOf).toArray(String[]::new))
                .timeUnit(TimeUnit.MILLISECONDS)
                .shouldFailOnError(true);
    }

    /** Runs JMH; empty (with the reason printed) when it failed or measured fewer sizes than asked. */
    private static Optional<Collection<RunResult>> measure(ChainedOptionsBuilder options, int sizes, PrintStream out,
                                                           VerboseMode verbosity) {
        Collection<RunResult> results;
        try {
            results = new Runner(options.build(), OutputFormatFactory.createFormatInstance(out, verbosity)).run();
        } catch (RunnerException e) {
            out.println("retention benchmark: JMH failed: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
            return Optional.empty();
        }
        if (results.size() != sizes) {
            out.println("retention benchmark: JMH returned " + results.size() + " results for " + sizes
                    + " sizes; see its output above");
            return Optional.empty();
        }
        return Optional.of(results);
    }

    static Path coldJson(Path json) {
        String name = json.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return json.resolveSibling(base + "-cold.json");
    }

    private static String[] concat(String[] first, String[] second) {
        String[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    static String table(Collection<RunResult> results, List<WorkloadSummary> summaries) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT,
                "Warmed up: JMH average time, %d fork, warmup %d x %s, measurement %d x %s, fork JVM %s%n",
                FORKS, WARMUP_ITERATIONS, WARMUP_TIME, MEASUREMENT_ITERATIONS, MEASUREMENT_TIME,
                String.join(" ", FORK_JVM_ARGS)));
        table.append(String.format(Locale.ROOT, "%10s  %11s  %14s  %10s  %15s%n",
                "SNAPSHOTS", "PER CLUSTER", "POLICY DELETES", "MS/OP", "ERROR (99.9%)"));
        Double goalScore = null;
        for (RunResult result : bySize(results)) {
            int size = size(result);
            Result<?> primary = result.getPrimaryResult();
            WorkloadSummary summary = summaries.stream().filter(s -> s.snapshots() == size).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no workload summary for " + size + " snapshots"));
            table.append(String.format(Locale.ROOT, "%10d  %11d  %14d  %10.3f  %15s%n",
                    size, size / RetentionWorkload.CLUSTERS, summary.policyDeletes(), primary.getScore(),
                    error(primary)));
            if (size == GOAL_SNAPSHOTS) {
                goalScore = primary.getScore();
            }
        }
        if (goalScore != null) {
            table.append(String.format(Locale.ROOT, "Goal: %d snapshots planned in under %.0f ms: %s (%.3f ms/op)%n",
                    GOAL_SNAPSHOTS, GOAL_MILLISECONDS, goalScore < GOAL_MILLISECONDS ? "met" : "NOT met", goalScore));
        }
        return table.toString();
    }

    static String coldTable(Collection<RunResult> results) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT,
                "%nCold: the first plan in a fresh JVM, JMH single shot, %d forks, fork JVM %s%n", COLD_FORKS,
                String.join(" ", concat(FORK_JVM_ARGS, LAMBDA_JVM_ARGS))));
        table.append(String.format(Locale.ROOT, "%10s  %10s  %10s  %10s  %15s%n",
                "SNAPSHOTS", "MEAN MS", "MIN MS", "MAX MS", "ERROR (99.9%)"));
        for (RunResult result : bySize(results)) {
            Result<?> primary = result.getPrimaryResult();
            table.append(String.format(Locale.ROOT, "%10d  %10.3f  %10.3f  %10.3f  %15s%n", size(result),
                    primary.getScore(), primary.getStatistics().getMin(), primary.getStatistics().getMax(), error(primary)));
        }
        return table.toString();
    }

    /**
     * How busy the machine was just before and just after the measurements, while this JVM was idle.
     * Wall-clock times only compare between runs on an otherwise idle machine: with two cores, one other
     * busy process can double them.
     */
    static String loadNote(OptionalDouble before, OptionalDouble after, int cores) {
        if (before.isEmpty() || after.isEmpty()) {
            return "Other processes' CPU use: not measurable here (no /proc/stat); run on an otherwise idle machine"
                    + System.lineSeparator();
        }
        String note = String.format(Locale.ROOT,
                "Other processes' CPU use: %.2f of %d cores just before the run, %.2f just after%n",
                before.getAsDouble(), cores, after.getAsDouble());
        double busiest = Math.max(before.getAsDouble(), after.getAsDouble());
        if (busiest >= BUSY_CORES) {
            note += String.format(Locale.ROOT, "WARNING: other processes were using %.2f cores; the times above are "
                    + "inflated; rerun on an otherwise idle machine for numbers to compare%n", busiest);
        }
        return note;
    }

    /**
     * Cores kept busy over {@link #LOAD_WINDOW} by everything running, read from {@code /proc/stat}; taken
     * while this JVM waits, so it is other processes' use. Empty where {@code /proc/stat} is not available.
     */
    static OptionalDouble busyCores() {
        Optional<long[]> first = cpuTimes();
        try {
            Thread.sleep(LOAD_WINDOW.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
        Optional<long[]> second = cpuTimes();
        if (first.isEmpty() || second.isEmpty()) {
            return OptionalDouble.empty();
        }
        long total = second.get()[0] - first.get()[0];
        long idle = second.get()[1] - first.get()[1];
        if (total <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) (total - idle) / total * Runtime.getRuntime().availableProcessors());
    }

    /** All and idle (idle + iowait) jiffies of the machine, from the first line of {@code /proc/stat}. */
    private static Optional<long[]> cpuTimes() {
        Path stat = Path.of("/proc/stat");
        if (!Files.isReadable(stat)) {
            return Optional.empty();
        }
        try {
            String[] fields = Files.readAllLines(stat).get(0).trim().split("\\s+");
            if (!fields[0].equals("cpu") || fields.length < 6) {
                return Optional.empty();
            }
            long total = 0;
            // user nice system idle iowait irq softirq steal; guest times are already counted in user and nice.
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                total += Long.parseLong(fields[i]);
            }
            return Optional.of(new long[] {total, Long.parseLong(fields[4]) + Long.parseLong(fields[5])});
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String error(Result<?> result) {
        return Double.isNaN(result.getScoreError()) ? "n/a" : String.format(Locale.ROOT, "± %.3f", result.getScoreError());
    }

    private static List<RunResult> bySize(Collection<RunResult> results) {
        return results.stream().sorted(Comparator.comparingInt(RetentionPlanningBench::size)).toList();
    }

    private static int size(RunResult result) {
        return Integer.parseInt(result.getParams().getParam("snapshots"));
    }

    /**
     * Why a forked JMH JVM would not find the benchmark, if it would not: JMH gives it this JVM's
     * {@code java.class.path}, which must hold the benchmark classes and {@code META-INF/BenchmarkList}.
     */
    static Optional<String> launchProblem() {
        if (RetentionPlanningBench.class.getResource("/META-INF/BenchmarkList") == null) {
            return Optional.of("META-INF/BenchmarkList is not on the class path: the benchmarks module was compiled "
                    + "without JMH's annotation processor (jmh-generator-annprocess)");
        }
        CodeSource source = RetentionPlanningBenchmark.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.of("cannot tell where the benchmark classes were loaded from");
        }
        Path classes;
        try {
            classes = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.of("cannot tell where the benchmark classes were loaded from (" + e + ")");
        }
        String classPath = System.getProperty("java.class.path", "");
        boolean onClassPath = Arrays.stream(classPath.split(Pattern.quote(File.pathSeparator)))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().normalize())
                .anyMatch(entry -> entry.equals(classes) || sameFile(entry, classes));
        if (!onClassPath) {
            return Optional.of("the benchmark classes (" + classes + ") are not on java.class.path, which JMH gives "
                    + "the JVM it forks to measure; launch with java -cp <benchmarks jar>:<its dependencies> "
                    + RetentionPlanningBench.class.getName());
        }
        return Optional.empty();
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** What the policy makes of one workload, for the table: the size and how many it would delete without a budget. */
    record WorkloadSummary(int snapshots, int policyDeletes) {

        static WorkloadSummary of(RetentionWorkload workload) {
            RetentionPlan unlimited = new RetentionPlanner(workload.policy())
                    .plan(workload.listing(), workload.now(), DeletionBudget.unlimited());
            return new WorkloadSummary(workload.snapshots().size(), unlimited.delete().size());
        }
    }

    /** The command line. */
    record Arguments(List<Integer> sizes, Optional<Path> json, boolean cold, boolean quiet, boolean help) {

        static Arguments parse(String[] args) {
            List<Integer> sizes = DEFAULT_SIZES;
            Optional<Path> json = Optional.empty();
            boolean cold = false;
            boolean quiet = false;
            boolean help = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--json" -> json = Optional.of(Path.of(value(args, ++i, arg)));
                    case "--sizes" -> sizes = sizes(value(args, ++i, arg));
                    case "--cold" -> cold = true;
                    case "--quiet" -> quiet = true;
                    case "--help", "-h" -> help = true;
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            return new Arguments(sizes, json, cold, quiet, help);
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length || args[index].startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        private static List<Integer> sizes(String text) {
            List<Integer> sizes = new ArrayList<>();
            for (String part : text.split(",")) {
                int size;
                try {
                    size = Integer.parseInt(part.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--sizes: \"" + part.strip() + "\" is not a whole number");
                }
                if (size <= 0 || size % RetentionWorkload.CLUSTERS != 0) {
                    throw new IllegalArgumentException("--sizes: " + size + " is not a positive multiple of "
                            + RetentionWorkload.CLUSTERS);
                }
                if (!sizes.contains(size)) {
                    sizes.add(size);
                }
            }
            return List.copyOf(sizes);
        }
    }
}
