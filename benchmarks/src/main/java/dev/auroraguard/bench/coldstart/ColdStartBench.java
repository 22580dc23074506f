package dev.auroraguard.bench.coldstart;

import dev.auroraguard.bench.coldstart.ProbeLauncher.ProbeRun;
import dev.auroraguard.bench.coldstart.ProbeLauncher.WarmRun;
import dev.auroraguard.bench.coldstart.probe.ColdStartProbe;
import dev.auroraguard.handler.FunctionCatalog;
import dev.auroraguard.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Issue #8's benchmarks 1 and 2: per function, cold invocations in fresh JVMs (Lambda's flags, one CPU)
 * against the simulator, the warm second invocation, peak RSS and classes loaded until the first return,
 * each next to a naive baseline program making the same AWS calls, in the same run; and the artifact sizes.
 */
public final class ColdStartBench {

    static final double COLD_RATIO_GOAL = 0.7;
    static final double RSS_RATIO_GOAL = 0.8;
    static final double WARM_OVERHEAD_GOAL_MS = 5.0;

    private final Options options;
    private final PrintStream out;

    private ColdStartBench(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** The command line: {@code cold-start [--samples N] [--functions a,b] [--artifacts DIR] [--baseline JAR] ...}. */
    static final String USAGE = """
            usage: ./aurora-guard bench cold-start [--samples 15] [--functions a,b] [--cpu 1|none] [--memory-mb MB]
                                                   [--json FILE] [--keep DIR] [--artifacts DIR] [--baseline JAR] [--java PATH]
                                                   [--warm 200] [--warm-samples 3] [--jvm-arg ARG]... [--sdk-split]
              --samples N      cold samples per function, and as many baseline samples (default 15)
              --functions a,b  only these functions (default: all six)
              --cpu N|none     the CPU the samples are pinned to with taskset (default 1; the benchmark keeps off it)
              --memory-mb MB   let the sample JVMs see MB of memory (-XX:MaxRAM), as a function configured with MB would
              --json FILE      also write every sample as JSON
              --keep DIR       keep the unpacked artifacts and the class-load logs in DIR
              --warm N         warm invocations after the first in each of the first --warm-samples samples (default
                               200): the steady state is the median own time of the second half; every other sample
                               runs the second invocation only
              --warm-samples K how many samples per function run the warm series (default 3)
              --jvm-arg ARG    one more option for every sample JVM, function and baseline alike, to look inside a
                               sample (e.g. -Xlog:jit+compilation=debug:file=/tmp/jit-%p.log); repeatable
              --sdk-split      also time every AWS SDK call inside the warm invocations (an SDK interceptor in every
                               client the function builds) and report the steady CPU in them and outside them; a
                               diagnostic run: the interceptor is on the cold path too
            """;

    public static int run(String[] args, PrintStream out) throws Exception {
        if (Arrays.asList(args).contains("--help")) {
            out.print(USAGE);
            return 0;
        }
        Options options = Options.parse(args);
        List<FunctionResult> results = new ColdStartBench(options, out).measure();
        ColdStartReport.print(results, options, out);
        if (options.json != null) {
            Files.writeString(options.json, Json.write(ColdStartReport.json(results, options)) + "\n", StandardCharsets.UTF_8);
            out.println("wrote " + options.json);
        }
        return 0;
    }

    List<FunctionResult> measure() throws Exception {
        Path work = options.keep != null ? Files.createDirectories(options.keep) : Files.createTempDirectory("aurora-guard-cold-start-");
        try {
            Path probe = TaskDirectory.probeClasses(ColdStartProbe.class, work.resolve("probe"));
            if (options.sdkSplit) {
                TaskDirectory.sdkCallTimer(probe);
            }
            Path baselineTask = TaskDirectory.unpack(options.baselineJar, work.resolve("baseline-task"));
            pinThisProcessAwayFrom(options.cpu);
            List<FunctionResult> results = new ArrayList<>();
            for (FunctionCatalog function : options.functions) {
                Path artifact = options.artifacts.resolve(function.functionName() + ".jar");
                if (!Files.isRegularFile(artifact)) {
                    throw new IllegalStateException("no artifact " + artifact + ": build it with mvn -pl functions -am package -DskipTests");
                }
                Path task = TaskDirectory.unpack(artifact, work.resolve(function.functionName() + "-task"));
                results.add(measure(function, artifact, task, baselineTask, probe, work));
            }
            return results;
        } finally {
            if (options.keep == null) {
                deleteTree(work);
            }
        }
    }

    private FunctionResult measure(FunctionCatalog function, Path artifact, Path task, Path baselineTask, Path probe, Path work)
            throws Exception {
        FunctionResult result = new FunctionResult(function.functionName(), Files.size(artifact), Files.size(options.baselineJar));
        out.printf("%s: %d cold samples and %d baseline samples, alternating, each on a freshly seeded simulator%n",
                function.functionName(), options.samples, options.samples);
        long pacingNanos = ColdStartScenarios.forFunction(function).get().pacingPerInvocation().toNanos();
        for (int sample = 0; sample < options.samples; sample++) {
            // The first samples also run a long warm series (the steady state); the others only the second invocation.
            int warm = sample < options.warmSamples ? options.warmInvocations : 1;
            ProbeRun run = sample(function, (scenario, simulator, launcher) ->
                    runFunction(scenario, simulator, launcher, task, work, null, warm), probe);
            result.add(run, pacingNanos);
            ProbeRun baseline = sample(function, (scenario, simulator, launcher) ->
                    runBaseline(scenario, simulator, launcher, baselineTask, null), probe);
            result.addBaseline(baseline);
            // Every sample starts from the same state, so every sample makes the same calls: check them all.
            if (!run.callsByOperation().equals(baseline.callsByOperation())) {
                throw new IllegalStateException(function.functionName() + " sample " + sample + ": the baseline must make the"
                        + " calls the function makes; function " + run.callsByOperation() + ", baseline " + baseline.callsByOperation());
            }
            result.calls = run.callsByOperation();
            result.baselineCalls = baseline.callsByOperation();
        }
        Path functionLog = work.resolve(function.functionName() + "-classes.log");
        sample(function, (scenario, simulator, launcher) -> runFunction(scenario, simulator, launcher, task, work, functionLog, 1),
                probe);
        result.classes = ClassLoadLog.countUntilFirstReturn(functionLog);
        Path baselineLog = work.resolve(function.functionName() + "-baseline-classes.log");
        sample(function, (scenario, simulator, launcher) -> runBaseline(scenario, simulator, launcher, baselineTask, baselineLog), probe);
        result.baselineClasses = ClassLoadLog.countUntilFirstReturn(baselineLog);
        return result;
    }

    /** One run of a probe on a new simulator and a new scenario: no sample sees what an earlier one left. */
    private ProbeRun sample(FunctionCatalog function, Run run, Path probe) throws Exception {
        ColdStartScenario scenario = ColdStartScenarios.forFunction(function).get();
        try (BenchSimulator simulator = BenchSimulator.start()) {
            ProbeLauncher launcher = new ProbeLauncher(options.java, options.cpu, options.memoryMb, options.jvmArgs, probe,
                    simulator.simulator());
            return run.on(scenario, simulator, launcher);
        }
    }

    @FunctionalInterface
    private interface Run {
        ProbeRun on(ColdStartScenario scenario, BenchSimulator simulator, ProbeLauncher launcher) throws Exception;
    }

    /**
     * One sample of the function through the artifact unpacked at {@code task}: the cold event, then {@code warm} warm
     * events; fails unless every warm invocation made the cold one's calls (the same work each time).
     */
    static ProbeRun runFunction(ColdStartScenario scenario, BenchSimulator simulator, ProbeLauncher launcher, Path task,
                                Path work, Path classLog, int warm) throws Exception {
        ColdStartScenario.Sample inputs = scenario.prepare(simulator, 0);
        Path cold = Files.writeString(work.resolve("cold-event.json"), inputs.coldEvent());
        Map<String, String> environment = new LinkedHashMap<>(simulator.awsEnvironment());
        environment.putAll(inputs.environment());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", scenario.function().functionName());
        ProbeRun run = launcher.run(task, environment, List.of(scenario.function().handlerClassName(), cold.toString(), "--warm"),
                classLog, new ProbeLauncher.WarmInvocations() {
                    @Override
                    public int count() {
                        return warm;
                    }

                    @Override
                    public Path prepare(int number) throws IOException {
                        scenario.betweenInvocations(simulator);
                        return Files.writeString(work.resolve("warm-event.json"), scenario.warmEvent(simulator));
                    }
                });
        for (int i = 0; i < run.warm().size(); i++) {
            if (!run.warm().get(i).calls().equals(run.callsByOperation())) {
                throw new IllegalStateException(scenario.function().functionName() + ": warm invocation " + (i + 1)
                        + " made other calls than the cold one: " + run.warm().get(i).calls() + " vs " + run.callsByOperation());
            }
        }
        return run;
    }

    private ProbeRun runBaseline(ColdStartScenario scenario, BenchSimulator simulator, ProbeLauncher launcher, Path task,
                                 Path classLog) throws Exception {
        ColdStartScenario.Sample inputs = scenario.prepare(simulator, 0);
        List<String> args = new ArrayList<>(List.of("--main", scenario.baselineClass()));
        args.addAll(inputs.baselineArgs());
        return launcher.run(task, simulator.awsEnvironment(), args, classLog, ProbeLauncher.WarmInvocations.none());
    }

    /** The simulator (this JVM) keeps off the samples' CPU, so a sample's time is its own. */
    private void pinThisProcessAwayFrom(Optional<Integer> cpu) throws IOException, InterruptedException {
        if (cpu.isEmpty() || Runtime.getRuntime().availableProcessors() < 2) {
            return;
        }
        String others = cpu.get() == 0 ? "1-" + (Runtime.getRuntime().availableProcessors() - 1) : "0";
        Process pin = new ProcessBuilder("taskset", "-a", "-p", "-c", others, String.valueOf(ProcessHandle.current().pid()))
                .redirectErrorStream(true).start();
        pin.getInputStream().readAllBytes();
        if (pin.waitFor() != 0) {
            out.println("note: could not pin the benchmark process away from CPU " + cpu.get());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The measurements of one function and its baseline. */
    static final class FunctionResult {
        final String function;
        final long artifactBytes;
        final long baselineBytes;
        final List<Long> coldNanos = new ArrayList<>();
        final List<Long> rssKb = new ArrayList<>();
        final List<Long> warmNanos = new ArrayList<>();
        final List<Long> warmOverheadNanos = new ArrayList<>();
        /** Per series sample: the median own time over the second half of its warm invocations. */
        final List<Long> steadyOverheadNanos = new ArrayList<>();
        final List<List<Long>> warmSeriesOverheadNanos = new ArrayList<>();
        /** The second invocation's CPU time, per sample; and per series sample, the median over its second half. */
        final List<Long> warmCpuNanos = new ArrayList<>();
        final List<Long> steadyCpuNanos = new ArrayList<>();
        final List<List<Long>> warmSeriesCpuNanos = new ArrayList<>();
        /**
         * With --sdk-split, per series sample, medians over its second half: the AWS SDK calls per invocation, the CPU
         * time in them, the CPU time outside them, and the wall time outside them less the designed pacing.
         */
        final List<Long> steadySdkCalls = new ArrayList<>();
        final List<Long> steadySdkCpuNanos = new ArrayList<>();
        final List<Long> steadyOutsideSdkCpuNanos = new ArrayList<>();
        final List<Long> steadyOutsideSdkNanos = new ArrayList<>();
        final List<Long> baselineColdNanos = new ArrayList<>();
        final List<Long> baselineRssKb = new ArrayList<>();
        Map<String, Integer> calls = Map.of();
        Map<String, Integer> baselineCalls = Map.of();
        long classes = -1;
        long baselineClasses = -1;

        FunctionResult(String function, long artifactBytes, long baselineBytes) {
            this.function = function;
            this.artifactBytes = artifactBytes;
            this.baselineBytes = baselineBytes;
        }

        /** @param pacingNanos the waits the function makes by design in one invocation, not counted as overhead */
        void add(ProbeRun run, long pacingNanos) {
            coldNanos.add(run.coldNanos());
            rssKb.add(run.peakRssKb());
            warmNanos.add(run.warmNanos());
            List<Long> own = run.warm().stream().map(w -> w.nanos() - w.simulatorNanos() - pacingNanos).toList();
            List<Long> cpu = run.warm().stream().map(WarmRun::cpuNanos).toList();
            warmOverheadNanos.add(own.get(0));
            warmCpuNanos.add(cpu.get(0));
            if (own.size() > 1) {
                warmSeriesOverheadNanos.add(own);
                steadyOverheadNanos.add(steady(own));
                warmSeriesCpuNanos.add(cpu);
                steadyCpuNanos.add(steady(cpu));
                List<WarmRun> series = run.warm();
                if (series.stream().allMatch(w -> w.sdk().timed())) {
                    steadySdkCalls.add(steady(series.stream().map(w -> w.sdk().calls()).toList()));
                    steadySdkCpuNanos.add(steady(series.stream().map(w -> w.sdk().cpuNanos()).toList()));
                    steadyOutsideSdkCpuNanos.add(steady(series.stream().map(w -> w.cpuNanos() - w.sdk().cpuNanos()).toList()));
                    steadyOutsideSdkNanos.add(steady(series.stream().map(w -> w.nanos() - w.sdk().nanos() - pacingNanos).toList()));
                }
            }
        }

        /** The median of the second half of a warm series: the steady state. */
        private static long steady(List<Long> series) {
            return Percentiles.of(series.subList(series.size() / 2, series.size()), 50);
        }

        void addBaseline(ProbeRun run) {
            baselineColdNanos.add(run.coldNanos());
            baselineRssKb.add(run.peakRssKb());
        }
    }

    /** Parsed command-line options. */
    static final class Options {
        int samples = 15;
        List<FunctionCatalog> functions = ColdStartScenarios.covered();
        Path artifacts = Path.of(System.getProperty("aurora-guard.function-artifacts", "functions/target/functions"));
        Path baselineJar = System.getProperty("aurora-guard.baseline-jar") == null ? null
                : Path.of(System.getProperty("aurora-guard.baseline-jar"));
        Optional<Integer> cpu = Optional.of(Runtime.getRuntime().availableProcessors() > 1 ? 1 : 0);
        /** Empty: the JVM sizes its heap from this machine's memory, as with the flags alone. */
        Optional<Integer> memoryMb = Optional.empty();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path json;
        Path keep;
        List<String> jvmArgs = new ArrayList<>();
        int warmInvocations = 200;
        int warmSamples = 3;
        boolean sdkSplit;

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--samples" -> options.samples = Integer.parseInt(require(args[i], value));
                    case "--functions" -> options.functions = Arrays.stream(require(args[i], value).split(","))
                            .map(name -> FunctionCatalog.byName(name.trim()).orElseThrow(() ->
                                    new IllegalArgumentException("unknown function '" + name + "'; known: " + FunctionCatalog.names())))
                            .toList();
                    case "--artifacts" -> options.artifacts = Path.of(require(args[i], value));
                    case "--baseline" -> options.baselineJar = Path.of(require(args[i], value));
                    case "--cpu" -> options.cpu = "none".equals(value) ? Optional.empty() : Optional.of(Integer.parseInt(require(args[i], value)));
                    case "--memory-mb" -> options.memoryMb = Optional.of(Integer.parseInt(require(args[i], value)));
                    case "--java" -> options.java = require(args[i], value);
                    case "--json" -> options.json = Path.of(require(args[i], value));
                    case "--keep" -> options.keep = Path.of(require(args[i], value));
                    case "--jvm-arg" -> options.jvmArgs.add(require(args[i], value));
                    case "--warm" -> options.warmInvocations = Integer.parseInt(require(args[i], value));
                    case "--warm-samples" -> options.warmSamples = Integer.parseInt(require(args[i], value));
                    case "--sdk-split" -> {
                        options.sdkSplit = true;
                        continue;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if (options.baselineJar == null) {
                throw new IllegalArgumentException("--baseline JAR is required (benchmarks/target/benchmarks-*-baseline.jar)");
            }
            if (options.samples < 1) {
                throw new IllegalArgumentException("--samples must be at least 1");
            }
            if (options.warmInvocations < 2 || options.warmSamples < 0) {
                throw new IllegalArgumentException("--warm must be at least 2 and --warm-samples at least 0");
            }
            return options;
        }

        private static String require(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }
}
