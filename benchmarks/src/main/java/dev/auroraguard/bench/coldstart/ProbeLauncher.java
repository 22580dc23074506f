package dev.auroraguard.bench.coldstart;

import dev.auroraguard.bench.coldstart.probe.ColdStartProbe;
import dev.auroraguard.simulator.Simulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts one cold-start sample: a fresh JVM with Lambda's flags, pinned to one CPU, running
 * {@link ColdStartProbe} over an unpacked artifact, and reads its report.
 */
final class ProbeLauncher {

    /** The flags Lambda's Java runtime starts the JVM with, as far as they shape start-up (issue #8). */
    static final List<String> LAMBDA_JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC");

    private static final long PROCESS_TIMEOUT_SECONDS = 180;

    private final String java;
    private final Optional<Integer> cpu;
    private final Optional<Integer> memoryMb;
    private final List<String> jvmArgs;
    private final Path probeClasses;
    private final Simulator simulator;

    ProbeLauncher(String java, Optional<Integer> cpu, Optional<Integer> memoryMb, List<String> jvmArgs, Path probeClasses,
                  Simulator simulator) {
        this.java = java;
        this.cpu = cpu;
        this.memoryMb = memoryMb;
        this.jvmArgs = List.copyOf(jvmArgs);
        this.probeClasses = probeClasses;
        this.simulator = simulator;
    }

    /**
     * What one sample measured.
     *
     * @param coldNanos       process start to the first invocation's return, seen from this process
     * @param peakRssKb       the sample's peak resident set at that point
     * @param warmNanos       the second invocation, timed inside the sample's JVM (-1 if none)
     * @param warmSimulatorNanos of which the simulator spent answering its requests
     * @param callsByOperation the AWS calls the first invocation made
     */
    record ProbeRun(long coldNanos, long peakRssKb, long warmNanos, long warmSimulatorNanos,
                    Map<String, Integer> callsByOperation) {
    }

    /**
     * Runs one sample. {@code programArgs} are the probe's: {@code HANDLER EVENT [EVENT2]} or {@code --main CLASS ARGS}.
     *
     * @param betweenInvocations run after the first invocation returned, before the second starts
     * @param classLoadLog where the JVM logs every class it loads, or null for a timed sample (logging slows it)
     */
    ProbeRun run(Path taskDirectory, Map<String, String> environment, List<String> programArgs, Path classLoadLog,
                 Runnable betweenInvocations) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        cpu.ifPresent(c -> command.addAll(List.of("taskset", "-c", String.valueOf(c))));
        command.add(java);
        command.addAll(LAMBDA_JVM_FLAGS);
        // Optionally, the memory the JVM sees (in Lambda, the function's memory setting), which sizes its heap.
        memoryMb.ifPresent(mb -> command.add("-XX:MaxRAM=" + mb + "m"));
        command.addAll(jvmArgs);
        if (classLoadLog != null) {
            command.add("-Xlog:class+load:file=" + classLoadLog);
        }
        command.add("-cp");
        command.add(probeClasses + ":" + taskDirectory);
        command.add(ColdStartProbe.class.getName());
        command.addAll(programArgs);

        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().put("TZ", "UTC");
        builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(memoryMb.orElse(1024)));
        builder.environment().putAll(environment);

        simulator.faults().resetCounters();
        long started = System.nanoTime();
        Process process = builder.start();
        long cold = -1;
        long rss = -1;
        long warm = -1;
        long busyBeforeWarm = 0;
        long warmSimulator = -1;
        Map<String, Integer> calls = Map.of();
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             OutputStream in = process.getOutputStream()) {
            String line;
            while ((line = out.readLine()) != null) {
                if (!line.startsWith(ColdStartProbe.MARK)) {
                    remember(tail, line);
                    continue;
                }
                String[] report = line.substring(ColdStartProbe.MARK.length()).split(" ");
                switch (report[0]) {
                    case "first-return" -> {
                        cold = System.nanoTime() - started;
                        calls = new TreeMap<>(simulator.faults().callsByOperation());
                    }
                    case "rss-kb" -> rss = Long.parseLong(report[1]);
                    case "warm-ready" -> {
                        betweenInvocations.run();
                        busyBeforeWarm = simulator.busyNanos();
                        in.write("go\n".getBytes(StandardCharsets.US_ASCII));
                        in.flush();
                    }
                    case "warm-nanos" -> {
                        warm = Long.parseLong(report[1]);
                        warmSimulator = simulator.busyNanos() - busyBeforeWarm;
                    }
                    default -> remember(tail, line);
                }
            }
        }
        if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("a sample ran over " + PROCESS_TIMEOUT_SECONDS + " s: " + String.join(" ", command));
        }
        if (process.exitValue() != 0 || cold < 0) {
            throw new IllegalStateException("a sample failed (exit " + process.exitValue() + "): " + String.join(" ", programArgs)
                    + "\n    " + String.join("\n    ", tail));
        }
        return new ProbeRun(cold, rss, warm, warmSimulator, calls);
    }

    private static void remember(Deque<String> tail, String line) {
        tail.addLast(line.length() > 400 ? line.substring(0, 400) + "..." : line);
        if (tail.size() > 25) {
            tail.removeFirst();
        }
    }
}
