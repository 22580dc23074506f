package dev.auroraguard.bench.cleanup;

import dev.auroraguard.simulator.RequestRateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything one cleanup-at-scale measurement saw, and the goals checked against it: zero
 * throttled calls, list calls = ceil(snapshots / 100), one delete per deleted snapshot, nothing else per
 * snapshot, every run inside its timeout, and the cleanup finished with exactly the plan's survivors.
 *
 * @param settings          what was measured
 * @param rateLimit         the RDS request rate limit the simulator enforced, if any
 * @param function          the function's pacing and deadline settings, as it read them
 * @param seededSnapshots   manual snapshots seeded
 * @param plannedDeletions  what the pure planner deletes on the seeded listing without a budget
 * @param runs              every scheduled run, in order
 * @param otherCalls        requests to other services (EventBridge PutEvents), per operation
 * @param survivors         manual snapshots left at the end
 * @param survivorsMatchPlan whether exactly the planner's survivors are left
 * @param seedingTime       wall time spent seeding
 * @param totalTime         wall time of the whole measurement, seeding included
 */
public record CleanupBenchResult(CleanupBenchSettings settings, Optional<RequestRateLimit> rateLimit, FunctionPacing function,
                                 int seededSnapshots, int plannedDeletions, List<RunMeasurement> runs,
                                 Map<String, Integer> otherCalls, int survivors, boolean survivorsMatchPlan,
                                 Duration seedingTime, Duration totalTime) {

    public static final String DESCRIBE_CLUSTERS = "DescribeDBClusters";
    public static final String LIST_SNAPSHOTS = "DescribeDBClusterSnapshots";
    public static final String DELETE_SNAPSHOT = "DeleteDBClusterSnapshot";
    /** The only RDS operations a cleanup run needs. */
    public static final Set<String> EXPECTED_OPERATIONS = Set.of(DESCRIBE_CLUSTERS, LIST_SNAPSHOTS, DELETE_SNAPSHOT);
    /** DescribeDBClusterSnapshots' largest page, what the function asks for. */
    public static final int PAGE_SIZE = 100;

    /**
     * How the function paces and stops, as read from its settings.
     *
     * @param deletesPerSecond  pace of DeleteDBClusterSnapshot
     * @param listPagesPerSecond pace of DescribeDBClusterSnapshots pages (0: not paced)
     * @param deadlineMargin    no request starts closer than this to the deadline
     * @param maxAttempts       the SDK's attempts per call (AWS_MAX_ATTEMPTS)
     */
    public record FunctionPacing(double deletesPerSecond, double listPagesPerSecond, Duration deadlineMargin, int maxAttempts) {
    }

    /** One goal, with what it expected and what was measured. */
    public record Check(String goal, boolean passed, String measured) {
    }

    public RdsTotals totals() {
        return new RdsTotals(runs);
    }

    /** RDS requests per operation over every run, SDK retries included. */
    public record RdsTotals(List<RunMeasurement> runs) {

        public Map<String, Integer> byOperation() {
            Map<String, Integer> total = new TreeMap<>();
            runs.forEach(r -> r.rdsCalls().forEach((op, n) -> total.merge(op, n, Integer::sum)));
            return total;
        }

        public int calls(String operation) {
            return byOperation().getOrDefault(operation, 0);
        }

        public int all() {
            return byOperation().values().stream().mapToInt(Integer::intValue).sum();
        }

        public int rateLimited() {
            return runs.stream().mapToInt(RunMeasurement::rateLimited).sum();
        }

        public int snapshotsDeleted() {
            return runs.stream().mapToInt(RunMeasurement::snapshotsDeleted).sum();
        }

        public int reportedDeleted() {
            return runs.stream().mapToInt(RunMeasurement::deleted).sum();
        }
    }

    public Duration simulatedLambdaTime() {
        return runs.stream().map(RunMeasurement::simulatedDuration).reduce(Duration.ZERO, Duration::plus);
    }

    public Duration pacingPauses() {
        return runs.stream().map(RunMeasurement::pacingPauses).reduce(Duration.ZERO, Duration::plus);
    }

    public Duration realRunTime() {
        return runs.stream().map(RunMeasurement::realDuration).reduce(Duration.ZERO, Duration::plus);
    }

    public boolean finished() {
        return !runs.isEmpty() && runs.get(runs.size() - 1).foundNothingToDelete();
    }

    static int pages(int snapshots) {
        return Math.max(1, (snapshots + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public List<Check> checks() {
        RdsTotals totals = totals();
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("zero throttled RDS calls (SDK retries included)", totals.rateLimited() == 0,
                totals.rateLimited() + " throttled"));

        // A failed run returned no summary (listed = -1): the failure check below reports it.
        List<String> listMismatch = runs.stream().filter(r -> r.listedSnapshots() >= 0)
                .filter(r -> r.calls(LIST_SNAPSHOTS) != pages(r.listedSnapshots()))
                .map(r -> "run " + r.number() + ": " + r.calls(LIST_SNAPSHOTS) + " calls for " + r.listedSnapshots() + " snapshots")
                .toList();
        checks.add(new Check("every run: list calls = ceil(listed snapshots / 100)", listMismatch.isEmpty(),
                listMismatch.isEmpty() ? totals.calls(LIST_SNAPSHOTS) + " list calls in " + runs.size() + " runs" : String.join("; ", listMismatch)));

        List<String> overBound = runs.stream().filter(r -> r.listedSnapshots() >= 0)
                .filter(r -> r.calls(LIST_SNAPSHOTS) > r.perClusterPages())
                .map(r -> "run " + r.number() + ": " + r.calls(LIST_SNAPSHOTS) + " > " + r.perClusterPages()).toList();
        checks.add(new Check("every run: list calls <= sum over clusters of ceil(cluster's snapshots / 100)", overBound.isEmpty(),
                overBound.isEmpty() ? "first run " + (runs.isEmpty() ? 0 : runs.get(0).calls(LIST_SNAPSHOTS)) + " <= "
                        + (runs.isEmpty() ? 0 : runs.get(0).perClusterPages()) : String.join("; ", overBound)));

        List<String> deleteMismatch = runs.stream()
                .filter(r -> r.calls(DELETE_SNAPSHOT) != r.snapshotsDeleted() || r.deleted() != r.snapshotsDeleted())
                .map(r -> "run " + r.number() + ": " + r.calls(DELETE_SNAPSHOT) + " delete calls, " + r.snapshotsDeleted()
                        + " snapshots gone, " + r.deleted() + " reported")
                .toList();
        checks.add(new Check("one DeleteDBClusterSnapshot per deleted snapshot", deleteMismatch.isEmpty(),
                deleteMismatch.isEmpty() ? totals.calls(DELETE_SNAPSHOT) + " delete calls, " + totals.snapshotsDeleted()
                        + " snapshots deleted" : String.join("; ", deleteMismatch)));

        Map<String, Integer> unexpected = new TreeMap<>(totals.byOperation());
        unexpected.keySet().removeAll(EXPECTED_OPERATIONS);
        int clusterPages = pages(settings.clusters());
        List<String> describeMismatch = runs.stream().filter(r -> r.calls(DESCRIBE_CLUSTERS) != clusterPages)
                .map(r -> "run " + r.number() + ": " + r.calls(DESCRIBE_CLUSTERS) + " DescribeDBClusters").toList();
        checks.add(new Check("nothing else per snapshot: only DescribeDBClusters (ceil(clusters / 100) per run), "
                + "DescribeDBClusterSnapshots and DeleteDBClusterSnapshot", unexpected.isEmpty() && describeMismatch.isEmpty(),
                unexpected.isEmpty() && describeMismatch.isEmpty() ? clusterPages + " DescribeDBClusters per run, no other operation"
                        : "other operations " + unexpected + (describeMismatch.isEmpty() ? "" : "; " + String.join("; ", describeMismatch))));

        List<String> late = runs.stream().filter(r -> r.simulatedDuration().compareTo(settings.lambdaTimeout()) > 0)
                .map(r -> "run " + r.number() + " took " + r.simulatedDuration()).toList();
        checks.add(new Check("every run returned inside its Lambda timeout (" + settings.lambdaTimeout().toMinutes() + " min)",
                late.isEmpty(), late.isEmpty() ? "longest " + runs.stream().map(RunMeasurement::simulatedDuration)
                        .max(Duration::compareTo).orElse(Duration.ZERO).toSeconds() + " s" : String.join("; ", late)));

        List<String> failures = runs.stream().filter(r -> r.failure().isPresent())
                .map(r -> "run " + r.number() + ": " + r.failure().orElseThrow()).toList();
        checks.add(new Check("no run failed", failures.isEmpty(), failures.isEmpty() ? "none failed" : String.join("; ", failures)));

        checks.add(new Check("finished: the last run found nothing left to delete, and exactly the plan's survivors remain",
                finished() && survivorsMatchPlan, (finished() ? "done after " + runs.size() + " runs" : "not done after "
                        + runs.size() + " runs") + ", " + survivors + " snapshots left (" + (seededSnapshots - plannedDeletions)
                        + " planned)" + (survivorsMatchPlan ? "" : ", NOT the plan's survivors")));
        return checks;
    }

    public boolean goalsMet() {
        return checks().stream().allMatch(Check::passed);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("clusters", settings.clusters());
        scenario.put("snapshotsPerCluster", settings.snapshotsPerCluster());
        scenario.put("snapshotEvery", settings.snapshotEvery().toString());
        scenario.put("policy", settings.policyJson());
        scenario.put("deletionBudget", settings.deletionBudget());
        scenario.put("deletesPerSecond", function.deletesPerSecond());
        scenario.put("listPagesPerSecond", function.listPagesPerSecond());
        scenario.put("deadlineMargin", function.deadlineMargin().toString());
        scenario.put("sdkMaxAttempts", function.maxAttempts());
        scenario.put("lambdaTimeout", settings.lambdaTimeout().toString());
        scenario.put("clock", settings.clock().toString());
        rateLimit.ifPresent(l -> {
            scenario.put("rdsRateLimitBurst", l.burst());
            scenario.put("rdsRateLimitPerSecond", l.perSecond());
        });
        map.put("scenario", scenario);
        map.put("seededSnapshots", seededSnapshots);
        map.put("plannedDeletions", plannedDeletions);
        RdsTotals totals = totals();
        map.put("rdsCalls", new LinkedHashMap<>(totals.byOperation()));
        map.put("rdsCallsTotal", totals.all());
        map.put("otherCalls", new LinkedHashMap<>(new TreeMap<>(otherCalls)));
        map.put("throttledCalls", totals.rateLimited());
        map.put("snapshotsDeleted", totals.snapshotsDeleted());
        map.put("survivors", survivors);
        map.put("survivorsMatchPlan", survivorsMatchPlan);
        map.put("runCount", runs.size());
        map.put("simulatedLambdaSeconds", RunMeasurement.seconds(simulatedLambdaTime()));
        map.put("pacingPauseSeconds", RunMeasurement.seconds(pacingPauses()));
        map.put("realRunSeconds", RunMeasurement.seconds(realRunTime()));
        map.put("seedingRealSeconds", RunMeasurement.seconds(seedingTime));
        map.put("totalRealSeconds", RunMeasurement.seconds(totalTime));
        List<Object> checkMaps = new ArrayList<>();
        for (Check check : checks()) {
            checkMaps.add(Map.of("goal", check.goal(), "passed", check.passed(), "measured", check.measured()));
        }
        map.put("goals", checkMaps);
        map.put("goalsMet", goalsMet());
        map.put("runs", runs.stream().map(RunMeasurement::toMap).toList());
        return map;
    }
}
