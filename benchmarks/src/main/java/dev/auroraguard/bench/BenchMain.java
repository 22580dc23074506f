package dev.auroraguard.bench;

import dev.auroraguard.bench.cleanup.CleanupAtScaleBench;
import dev.auroraguard.bench.coldstart.ColdStartBench;
import dev.auroraguard.bench.retention.RetentionPlanningBench;
import java.io.PrintStream;
import java.util.Arrays;

/** {@code ./aurora-guard bench <benchmark> [options]}: see BENCHMARKS.md. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        // The embedded simulator logs each start and stop; a benchmark's output is its report.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        for (java.util.logging.Handler handler : java.util.logging.Logger.getLogger("").getHandlers()) {
            handler.setLevel(java.util.logging.Level.WARNING);
        }
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) throws Exception {
        if (args.length == 0 || args[0].equals("--help")) {
            out.println("""
                    usage: ./aurora-guard bench <benchmark> [options]   (see BENCHMARKS.md)
                      cold-start   cold and warm invocation per function vs a naive baseline, RSS, classes, artifact size
                                   [--samples 15] [--functions a,b] [--cpu 1|none] [--memory-mb MB] [--json FILE] [--keep DIR]
                      retention    JMH: retention planning of 1k, 10k and 100k snapshots over 100 clusters
                                   [--sizes N,N] [--cold] [--json FILE] [--quiet]
                      cleanup      snapshot-cleanup over 200 clusters x 150 snapshots through the simulator under
                                   RDS's request rate limits [--clusters N] [--snapshots N] [--json FILE] ...
                    Each benchmark's own --help lists all of its options.""");
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return benchmark(args[0], rest, out);
        } catch (IllegalArgumentException usage) {
            out.println("aurora-guard bench " + args[0] + ": " + usage.getMessage() + " (see --help)");
            return 2;
        }
    }

    private static int benchmark(String name, String[] rest, PrintStream out) throws Exception {
        return switch (name) {
            case "cold-start" -> ColdStartBench.run(rest, out);
            case "retention" -> RetentionPlanningBench.run(rest, out);
            case "cleanup" -> CleanupAtScaleBench.run(rest, out);
            default -> {
                out.println("unknown benchmark '" + name + "'; see ./aurora-guard bench --help");
                yield 2;
            }
        };
    }
}
