package dev.auroraguard.bench.coldstart;

import dev.auroraguard.bench.coldstart.ColdStartBench.FunctionResult;
import dev.auroraguard.bench.coldstart.ColdStartBench.Options;
import dev.auroraguard.functions.ArtifactCheck;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cold-start benchmark's table and JSON document. */
final class ColdStartReport {

    private ColdStartReport() {
    }

    static void print(List<FunctionResult> results, Options options, PrintStream out) {
        out.println();
        out.printf("Cold start: %d samples per function and per baseline, fresh JVM each (%s%s), %s, Java %s%n",
                options.samples, String.join(" ", ProbeLauncher.LAMBDA_JVM_FLAGS),
                options.memoryMb.map(mb -> " -XX:MaxRAM=" + mb + "m").orElse(""),
                options.cpu.map(cpu -> "pinned to CPU " + cpu).orElse("not pinned"), Runtime.version());
        out.printf("%-22s %9s %9s %9s %9s %6s | %8s %8s %6s | %7s %7s %6s | %8s %8s %8s %8s %8s | %10s%n",
                "function", "cold p50", "cold p90", "base p50", "base p90", "ratio", "RSS MB", "base MB", "ratio",
                "classes", "base", "ratio", "2nd p50", "2nd own", "2nd cpu", "st. own", "st. cpu", "artifact");
        for (FunctionResult r : results) {
            out.printf("%-22s %7.0fms %7.0fms %7.0fms %7.0fms %6.2f | %8.1f %8.1f %6.2f | %7d %7d %6.2f | %6.1fms %6.1fms %8s %8s %8s | %7.2f MB%n",
                    r.function, ms(p(r.coldNanos, 50)), ms(p(r.coldNanos, 90)), ms(p(r.baselineColdNanos, 50)),
                    ms(p(r.baselineColdNanos, 90)), coldRatio(r),
                    p(r.rssKb, 50) / 1024.0, p(r.baselineRssKb, 50) / 1024.0, rssRatio(r),
                    r.classes, r.baselineClasses, (double) r.classes / r.baselineClasses,
                    ms(p(r.warmNanos, 50)), ms(p(r.warmOverheadNanos, 50)), millis(r.warmCpuNanos),
                    millis(r.steadyOverheadNanos), millis(r.steadyCpuNanos), r.artifactBytes / 1e6);
        }
        out.printf("2nd: the second invocation (the first warm one); own: its time minus the simulator's busy time and the"
                + " function's designed pacing; cpu: the CPU time the function's process spent on it (all threads);%n"
                + "st.: steady state, the median of warm invocations %d-%d, p50 over %d samples%n",
                options.warmInvocations / 2 + 1, options.warmInvocations, Math.min(options.warmSamples, options.samples));
        printSdkSplit(results, options, out);
        out.printf("baseline artifact (every SDK module the naive programs use, SDK defaults): %.2f MB%n",
                results.isEmpty() ? 0 : results.get(0).baselineBytes / 1e6);
        out.println();
        out.printf("Goals: cold p50 <= %.1fx baseline, peak RSS <= %.1fx, warm overhead (own time and CPU) < %.0f ms, artifact <= %.0f MB%n",
                ColdStartBench.COLD_RATIO_GOAL, ColdStartBench.RSS_RATIO_GOAL, ColdStartBench.WARM_OVERHEAD_GOAL_MS,
                ArtifactCheck.MAX_BYTES / 1e6);
        for (FunctionResult r : results) {
            out.printf("  %-22s cold %s  RSS %s  warm: 2nd %s/%s, steady %s/%s (own/cpu)  size %s   calls: %s%n", r.function,
                    verdict(coldRatio(r) <= ColdStartBench.COLD_RATIO_GOAL), verdict(rssRatio(r) <= ColdStartBench.RSS_RATIO_GOAL),
                    warmVerdict(r.warmOverheadNanos), warmVerdict(r.warmCpuNanos),
                    warmVerdict(r.steadyOverheadNanos), warmVerdict(r.steadyCpuNanos),
                    verdict(r.artifactBytes <= ArtifactCheck.MAX_BYTES), r.calls);
        }
    }

    /** With --sdk-split: each function's steady warm invocation, split at its AWS SDK calls. */
    private static void printSdkSplit(List<FunctionResult> results, Options options, PrintStream out) {
        if (results.stream().allMatch(r -> r.steadySdkCalls.isEmpty())) {
            return;
        }
        out.println();
        out.printf("Steady warm invocations split at the AWS SDK calls (--sdk-split; medians of invocations %d-%d):%n",
                options.warmInvocations / 2 + 1, options.warmInvocations);
        out.printf("%-22s %6s | %9s | %11s %9s | %12s %12s%n", "function", "calls", "CPU", "CPU in SDK", "per call",
                "CPU outside", "time outside");
        for (FunctionResult r : results) {
            if (r.steadySdkCalls.isEmpty()) {
                continue;
            }
            long calls = p(r.steadySdkCalls, 50);
            long sdkCpu = p(r.steadySdkCpuNanos, 50);
            out.printf("%-22s %6d | %7.2fms | %9.2fms %7.2fms | %10.2fms %10.2fms%n", r.function, calls,
                    ms(p(r.steadyCpuNanos, 50)), ms(sdkCpu), calls == 0 ? 0 : ms(sdkCpu) / calls,
                    ms(p(r.steadyOutsideSdkCpuNanos, 50)), ms(p(r.steadyOutsideSdkNanos, 50)));
        }
        out.println("CPU in SDK: the invoking thread inside the SDK's calls (marshalling, signing, HTTP, unmarshalling, retries);"
                + " outside: the rest of the process's CPU (the function's own code; runtime, GC, JIT and SDK background threads);"
                + " time outside: wall time outside the SDK calls, less the designed pacing");
    }

    static Map<String, Object> json(List<FunctionResult> results, Options options) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("samples", options.samples);
        document.put("jvmFlags", ProbeLauncher.LAMBDA_JVM_FLAGS);
        document.put("maxRamMb", options.memoryMb.map(Object::toString).orElse("machine"));
        document.put("java", Runtime.version().toString());
        document.put("cpu", options.cpu.map(Object::toString).orElse("none"));
        document.put("warmInvocationsPerSeries", options.warmInvocations);
        document.put("warmSeriesSamples", Math.min(options.warmSamples, options.samples));
        List<Map<String, Object>> functions = results.stream().map(r -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("function", r.function);
            f.put("coldNanos", r.coldNanos);
            f.put("baselineColdNanos", r.baselineColdNanos);
            f.put("peakRssKb", r.rssKb);
            f.put("baselinePeakRssKb", r.baselineRssKb);
            f.put("warmNanos", r.warmNanos);
            f.put("warmOverheadNanos", r.warmOverheadNanos);
            f.put("steadyOverheadNanos", r.steadyOverheadNanos);
            f.put("warmSeriesOverheadNanos", r.warmSeriesOverheadNanos);
            f.put("warmCpuNanos", r.warmCpuNanos);
            f.put("steadyCpuNanos", r.steadyCpuNanos);
            f.put("warmSeriesCpuNanos", r.warmSeriesCpuNanos);
            if (!r.steadySdkCalls.isEmpty()) {
                f.put("steadySdkCalls", r.steadySdkCalls);
                f.put("steadySdkCpuNanos", r.steadySdkCpuNanos);
                f.put("steadyOutsideSdkCpuNanos", r.steadyOutsideSdkCpuNanos);
                f.put("steadyOutsideSdkNanos", r.steadyOutsideSdkNanos);
            }
            f.put("classesUntilFirstReturn", r.classes);
            f.put("baselineClassesUntilFirstReturn", r.baselineClasses);
            f.put("artifactBytes", r.artifactBytes);
            f.put("baselineArtifactBytes", r.baselineBytes);
            f.put("callsByOperation", r.calls);
            f.put("coldP50Ratio", coldRatio(r));
            f.put("rssP50Ratio", rssRatio(r));
            return f;
        }).toList();
        document.put("functions", functions);
        return document;
    }

    static double coldRatio(FunctionResult r) {
        return (double) p(r.coldNanos, 50) / p(r.baselineColdNanos, 50);
    }

    static double rssRatio(FunctionResult r) {
        return (double) p(r.rssKb, 50) / p(r.baselineRssKb, 50);
    }

    private static long p(List<Long> samples, int percent) {
        return Percentiles.of(samples, percent);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** The p50 in milliseconds, or "-" when nothing was measured (no warm series, or no CPU figures off Linux). */
    private static String millis(List<Long> samples) {
        return samples.isEmpty() || p(samples, 50) < 0 ? "-" : String.format("%.2fms", ms(p(samples, 50)));
    }

    private static String warmVerdict(List<Long> samples) {
        return samples.isEmpty() || p(samples, 50) < 0 ? "-" : verdict(ms(p(samples, 50)) < ColdStartBench.WARM_OVERHEAD_GOAL_MS);
    }

    private static String verdict(boolean met) {
        return met ? "met " : "MISSED";
    }
}
