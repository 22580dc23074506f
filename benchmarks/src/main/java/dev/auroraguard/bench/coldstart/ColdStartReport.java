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
        out.printf("%-22s %9s %9s %9s %9s %6s | %8s %8s %6s | %7s %7s %6s | %8s %8s %8s | %10s%n",
                "function", "cold p50", "cold p90", "base p50", "base p90", "ratio", "RSS MB", "base MB", "ratio",
                "classes", "base", "ratio", "2nd p50", "2nd own", "steady", "artifact");
        for (FunctionResult r : results) {
            out.printf("%-22s %7.0fms %7.0fms %7.0fms %7.0fms %6.2f | %8.1f %8.1f %6.2f | %7d %7d %6.2f | %6.1fms %6.1fms %8s | %7.2f MB%n",
                    r.function, ms(p(r.coldNanos, 50)), ms(p(r.coldNanos, 90)), ms(p(r.baselineColdNanos, 50)),
                    ms(p(r.baselineColdNanos, 90)), coldRatio(r),
                    p(r.rssKb, 50) / 1024.0, p(r.baselineRssKb, 50) / 1024.0, rssRatio(r),
                    r.classes, r.baselineClasses, (double) r.classes / r.baselineClasses,
                    ms(p(r.warmNanos, 50)), ms(p(r.warmOverheadNanos, 50)),
                    r.steadyOverheadNanos.isEmpty() ? "-" : String.format("%.2fms", ms(p(r.steadyOverheadNanos, 50))),
                    r.artifactBytes / 1e6);
        }
        out.printf("2nd: the second invocation (the first warm one); own: minus the simulator's time and the function's designed"
                + " pacing; steady: own time, median of warm invocations %d-%d, p50 over %d samples%n",
                options.warmInvocations / 2 + 1, options.warmInvocations, Math.min(options.warmSamples, options.samples));
        out.printf("baseline artifact (every SDK module the naive programs use, SDK defaults): %.2f MB%n",
                results.isEmpty() ? 0 : results.get(0).baselineBytes / 1e6);
        out.println();
        out.printf("Goals: cold p50 <= %.1fx baseline, peak RSS <= %.1fx, warm overhead (own time) < %.0f ms, artifact <= %.0f MB%n",
                ColdStartBench.COLD_RATIO_GOAL, ColdStartBench.RSS_RATIO_GOAL, ColdStartBench.WARM_OVERHEAD_GOAL_MS,
                ArtifactCheck.MAX_BYTES / 1e6);
        for (FunctionResult r : results) {
            out.printf("  %-22s cold %s  RSS %s  warm: 2nd %s, steady %s  size %s   calls: %s%n", r.function,
                    verdict(coldRatio(r) <= ColdStartBench.COLD_RATIO_GOAL), verdict(rssRatio(r) <= ColdStartBench.RSS_RATIO_GOAL),
                    verdict(ms(p(r.warmOverheadNanos, 50)) < ColdStartBench.WARM_OVERHEAD_GOAL_MS),
                    r.steadyOverheadNanos.isEmpty() ? "-     "
                            : verdict(ms(p(r.steadyOverheadNanos, 50)) < ColdStartBench.WARM_OVERHEAD_GOAL_MS),
                    verdict(r.artifactBytes <= ArtifactCheck.MAX_BYTES), r.calls);
        }
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

    private static String verdict(boolean met) {
        return met ? "met " : "MISSED";
    }
}
