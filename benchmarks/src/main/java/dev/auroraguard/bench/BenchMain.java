package dev.auroraguard.bench;

import dev.auroraguard.bench.coldstart.ColdStartBench;
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
                                   [--samples 15] [--functions a,b] [--cpu 1|none] [--memory-mb MB] [--json FILE] [--keep DIR]""");
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "cold-start" -> ColdStartBench.run(rest, out);
            default -> {
                out.println("unknown benchmark '" + args[0] + "'; see ./aurora-guard bench --help");
                yield 2;
            }
        };
    }
}
