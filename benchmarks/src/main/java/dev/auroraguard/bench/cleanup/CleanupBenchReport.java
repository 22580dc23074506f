package dev.auroraguard.bench.cleanup;

import dev.auroraguard.bench.cleanup.CleanupBenchResult.Check;
import dev.auroraguard.bench.cleanup.CleanupBenchResult.RdsTotals;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** The readable report of a {@link CleanupBenchResult}. */
final class CleanupBenchReport {

    private CleanupBenchReport() {
    }

    static String render(CleanupBenchResult result) {
        CleanupBenchSettings s = result.settings();
        StringBuilder out = new StringBuilder();
        line(out, "");
        line(out, "Cleanup at scale: %d clusters x %d manual snapshots = %d (one every %s per cluster, tagged as"
                + " scheduled-snapshot tags them)", s.clusters(), s.snapshotsPerCluster(), result.seededSnapshots(), human(s.snapshotEvery()));
        line(out, "RDS request rate limit: %s", result.rateLimit()
                .map(l -> l + ", one bucket for every RDS call (" + CleanupAtScaleBench.RATE_LIMIT_SOURCE + ")")
                .orElse("NOT enforced (--no-rate-limits)"));
        CleanupBenchResult.FunctionPacing f = result.function();
        line(out, "Function: snapshot-cleanup, CLEANUP_DRY_RUN=false, budget %d/run, deletes %s/s, listing %s, timeout %s,"
                        + " deadline margin %s, SDK attempts %d", s.deletionBudget(), number(f.deletesPerSecond()),
                f.listPagesPerSecond() > 0 ? number(f.listPagesPerSecond()) + " pages/s" : "not paced", human(s.lambdaTimeout()),
                human(f.deadlineMargin()), f.maxAttempts());
        line(out, "Policy: %s", s.policyJson());
        line(out, "Clock: %s", s.clock() == CleanupBenchSettings.TimeModel.PACED
                ? "paced (simulated time moves only by the function's pacing pauses; RDS answers take no time)"
                : "wall (simulated time = wall time + the function's pacing pauses, which are skipped)");
        line(out, "Plan on the seeded listing (pure planner, no budget): delete %d, keep %d", result.plannedDeletions(),
                result.seededSnapshots() - result.plannedDeletions());
        line(out, "");
        line(out, "Runs (the schedule fires daily at 04:00 UTC; simulated = Lambda time on the simulated clock, real = wall time here):");
        line(out, "%4s %8s %6s %9s %8s %7s %8s %8s %8s %9s %-9s %10s %8s", "run", "listed", "list", "ceil/100", "perClust",
                "descCl", "deletes", "deleted", "deferred", "byBudget", "stoppedBy", "simulated", "real");
        for (RunMeasurement r : result.runs()) {
            boolean reported = r.listedSnapshots() >= 0;
            line(out, "%4d %8s %6d %9s %8s %7d %8d %8d %8d %9d %-9s %9.0fs %7.1fs%s", r.number(), reported ? r.listedSnapshots() : "?",
                    r.calls(CleanupBenchResult.LIST_SNAPSHOTS), reported ? CleanupBenchResult.pages(r.listedSnapshots()) : "?",
                    reported ? r.perClusterPages() : "?", r.calls(CleanupBenchResult.DESCRIBE_CLUSTERS), r.calls(CleanupBenchResult.DELETE_SNAPSHOT),
                    r.snapshotsDeleted(), r.deferred(), r.deferredByBudget(), r.stoppedBy().orElse("-"),
                    r.simulatedDuration().toMillis() / 1000.0, r.realDuration().toMillis() / 1000.0,
                    (r.rateLimited() > 0 ? "  THROTTLED " + r.rateLimited() : "") + r.failure().map(x -> "  FAILED").orElse(""));
        }
        line(out, "  ? = the invocation failed, so it returned no summary");
        line(out, "  list = DescribeDBClusterSnapshots calls (SDK retries included); ceil/100 = ceil(listed / 100); perClust = sum over clusters of"
                + " ceil(cluster's snapshots / 100); descCl = DescribeDBClusters");
        line(out, "");

        RdsTotals totals = result.totals();
        line(out, "RDS calls by operation, all runs (every request that reached the simulator, SDK retries included):");
        for (Map.Entry<String, Integer> op : totals.byOperation().entrySet()) {
            line(out, "  %-28s %8d", op.getKey(), op.getValue());
        }
        line(out, "  %-28s %8d", "total", totals.all());
        result.otherCalls().forEach((op, n) -> line(out, "  (not RDS) %-18s %8d", op, n));
        line(out, "");

        int deleted = totals.snapshotsDeleted();
        int listCalls = totals.calls(CleanupBenchResult.LIST_SNAPSHOTS);
        RunMeasurement first = result.runs().isEmpty() ? null : result.runs().get(0);
        line(out, "Per snapshot and per cluster:");
        if (first != null) {
            line(out, "  list calls per cluster, first run: %.2f (%d pages for %d clusters); one cluster listed alone: ceil(%d/100) = %d",
                    first.calls(CleanupBenchResult.LIST_SNAPSHOTS) / (double) s.clusters(), first.calls(CleanupBenchResult.LIST_SNAPSHOTS),
                    s.clusters(), s.snapshotsPerCluster(), CleanupBenchResult.pages(s.snapshotsPerCluster()));
        }
        line(out, "  list calls per cluster, all %d runs: %.2f (each run lists the whole account once: %d calls)",
                result.runs().size(), listCalls / (double) s.clusters(), listCalls);
        line(out, "  delete calls per deleted snapshot: %s (%d calls, %d snapshots deleted)",
                deleted == 0 ? "-" : String.format(Locale.ROOT, "%.3f", totals.calls(CleanupBenchResult.DELETE_SNAPSHOT) / (double) deleted),
                totals.calls(CleanupBenchResult.DELETE_SNAPSHOT), deleted);
        line(out, "  RDS calls per seeded snapshot: %.3f (%d / %d)", totals.all() / (double) result.seededSnapshots(), totals.all(),
                result.seededSnapshots());
        line(out, "  throttled calls: %d", totals.rateLimited());
        line(out, "");
        line(out, "Time:");
        line(out, "  runs: %d (%d days of the daily schedule)", result.runs().size(), result.runs().size());
        line(out, "  simulated Lambda time: %s in total (of which pacing pauses %s); longest run %s",
                human(result.simulatedLambdaTime()), human(result.pacingPauses()),
                human(result.runs().stream().map(RunMeasurement::simulatedDuration).max(Duration::compareTo).orElse(Duration.ZERO)));
        line(out, "  real time: %.1f s running the function, %.1f s seeding, %.1f s in all",
                result.realRunTime().toMillis() / 1000.0, result.seedingTime().toMillis() / 1000.0, result.totalTime().toMillis() / 1000.0);
        line(out, "");
        line(out, "Goals:");
        for (Check check : result.checks()) {
            line(out, "  [%s] %s: %s", check.passed() ? "PASS" : "FAIL", check.goal(), check.measured());
        }
        line(out, result.goalsMet() ? "All goals met." : "GOALS NOT MET.");
        return out.toString();
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    static String human(Duration d) {
        long seconds = d.toSeconds();
        if (seconds >= 86_400 && seconds % 86_400 == 0) {
            return (seconds / 86_400) + "d";
        }
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm%02ds", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
        }
        if (seconds >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
}
