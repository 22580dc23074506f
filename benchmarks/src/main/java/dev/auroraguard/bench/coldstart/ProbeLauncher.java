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

    private static final long PROCESS_TIMEOUT_SECONDS = 600;

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
     * @param coldNanos        process start to the first invocation's return, seen from this process
     * @param peakRssKb        the sample's peak resident set at that point
     * @param callsByOperation the AWS calls the first invocation made
     * @param warm             the warm invocations that followed, in order (none for a baseline)
     */
    record ProbeRun(long coldNanos, long peakRssKb, Map<String, Integer> callsByOperation, List<WarmRun> warm) {

        /** The second invocation (the first warm one), timed inside the sample's JVM; -1 if none ran. */
        long warmNanos() {
            return warm.isEmpty() ? -1 : warm.get(0).nanos();
        }
    }

    /**
     * One warm invocation.
     *
     * @param nanos          its time inside the sample's JVM
     * @param cpuNanos       the CPU time the sample's process spent meanwhile, all threads (-1 off Linux)
     * @param sdk            with the SDK split, its AWS SDK calls: how many, their time and their CPU time (else all -1)
     * @param simulatorNanos of the time, what the simulator spent answering its requests
     * @param calls          the AWS calls it made
     */
    record WarmRun(long nanos, long cpuNanos, SdkCalls sdk, long simulatorNanos, Map<String, Integer> calls) {
    }

    /**
     * What the AWS SDK calls of one warm invocation took, timed inside the sample by an SDK interceptor (--sdk-split).
     *
     * @param calls    how many calls finished (-1: not timed)
     * @param nanos    their wall time, each from the SDK's first hook to its last (the simulator's answer included)
     * @param cpuNanos the invoking thread's CPU time within them
     */
    record SdkCalls(long calls, long nanos, long cpuNanos) {
        boolean timed() {
            return calls >= 0;
        }
    }

    /** The warm invocations a sample runs after the first: how many, and each one's event, prepared outside the measurement. */
    interface WarmInvocations {
        int count();

        /** Prepares warm invocation {@code number} (1 is the sample's second invocation) and returns its event file. */
        Path prepare(int number) throws Exception;

        static WarmInvocations none() {
            return new WarmInvocations() {
                @Override
                public int count() {
                    return 0;
                }

                @Override
                public Path prepare(int number) {
                    throw new IllegalStateException("no warm invocations");
                }
            };
        }
    }

    /**
     * Runs one sample. {@code programArgs} are the probe's: {@code HANDLER EVENT [--warm]} or {@code --main CLASS ARGS}.
     *
     * @param classLoadLog where the JVM logs every class it loads, or null for a timed sample (logging slows it)
     * @param warmInvocations what follows the first invocation (with {@code --warm})
     */
    ProbeRun run(Path taskDirectory, Map<String, String> environment, List<String> programArgs, Path classLoadLog,
                 WarmInvocations warmInvocations) throws Exception {
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
        long busyBefore = 0;
        Map<String, Integer> calls = Map.of();
        List<WarmRun> warm = new ArrayList<>();
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
                    case "warm-ready", "warm-nanos" -> {
                        if (report[0].equals("warm-nanos")) {
                            warm.add(new WarmRun(Long.parseLong(report[1]), Long.parseLong(report[2]),
                                    new SdkCalls(Long.parseLong(report[3]), Long.parseLong(report[4]), Long.parseLong(report[5])),
                                    simulator.busyNanos() - busyBefore,
                                    new TreeMap<>(simulator.faults().callsByOperation())));
                        }
                        String next = "done";
                        if (warm.size() < warmInvocations.count()) {
                            next = warmInvocations.prepare(warm.size() + 1).toString();
                            simulator.faults().resetCounters();
                            busyBefore = simulator.busyNanos();
                        }
                        in.write((next + "\n").getBytes(StandardCharsets.UTF_8));
                        in.flush();
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
        return new ProbeRun(cold, rss, calls, List.copyOf(warm));
    }

    private static void remember(Deque<String> tail, String line) {
        tail.addLast(line.length() > 400 ? line.substring(0, 400) + "..." : line);
        if (tail.size() > 25) {
            tail.removeFirst();
        }
    }
}
