package dev.auroraguard.bench.cleanup;

import dev.auroraguard.config.ConfigException;
import dev.auroraguard.config.Environment;
import dev.auroraguard.config.RetentionPolicyJson;
import dev.auroraguard.config.SettingsReader;
import dev.auroraguard.config.SnapshotCleanupSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One cleanup-at-scale measurement: what is seeded, how the {@code snapshot-cleanup} function is
 * configured, and where the report goes.
 *
 * @param clusters            clusters selected by the default tag {@code aurora-guard:backup=true}
 * @param snapshotsPerCluster scheduled snapshots per cluster, one every {@code snapshotEvery}, the newest an hour before the first run
 * @param snapshotEvery       the spacing of the seeded history
 * @param policyJson          {@code RETENTION_POLICY}
 * @param deletionBudget      {@code CLEANUP_DELETION_BUDGET}
 * @param deletesPerSecond    {@code CLEANUP_DELETES_PER_SECOND}
 * @param lambdaTimeout       the deadline of each invocation
 * @param rdsRateLimits       whether the simulator enforces RDS's documented request rate limit
 * @param clock               how simulated time passes
 * @param maxRuns             give up (and fail) after this many scheduled runs
 * @param jsonFile            where to write the report as JSON, if anywhere
 */
public record CleanupBenchSettings(int clusters, int snapshotsPerCluster, Duration snapshotEvery, String policyJson,
                                   int deletionBudget, double deletesPerSecond, Duration lambdaTimeout,
                                   boolean rdsRateLimits, TimeModel clock, int maxRuns, Optional<Path> jsonFile) {

    /** How the simulated clock (the Lambda deadline's, RDS's token bucket's) moves. */
    public enum TimeModel {
        /**
         * Only the function's pacing pauses move the clock: RDS answers take no time, so every request the
         * pacing does not space out arrives at the same instant. The strictest test of the pacing, and
         * deterministic: the same counts and durations on any machine.
         */
        PACED,
        /** Wall time plus the pacing pauses (skipped): RDS answers take as long as the simulator takes on this machine. */
        WALL;

        static TimeModel parse(String text) {
            return switch (text) {
                case "paced" -> PACED;
                case "wall" -> WALL;
                default -> throw new IllegalArgumentException("--clock takes paced or wall, not '" + text + "'");
            };
        }

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }


    /** The example policy of lambdas/RETENTION.md for the scheduled snapshots. */
    public static final String DEFAULT_POLICY =
            "{\"timezone\":\"UTC\",\"rules\":{\"scheduled\":{\"keepDaily\":7,\"keepWeekly\":4,\"keepMonthly\":12}}}";
    public static final int DEFAULT_CLUSTERS = 200;
    public static final int DEFAULT_SNAPSHOTS = 150;
    /**
     * A catch-up needs the largest budget the function accepts; with its default of 10 a backlog of tens of
     * thousands of deletions would take thousands of daily runs.
     */
    public static final int DEFAULT_BUDGET = SnapshotCleanupSettings.MAX_DELETION_BUDGET;
    public static final Duration LAMBDA_MAX_TIMEOUT = SnapshotCleanupSettings.LAMBDA_MAX_TIMEOUT;
    public static final int DEFAULT_MAX_RUNS = 200;

    static final String USAGE = """
            Usage: CleanupAtScaleBench [--clusters N] [--snapshots N] [--every DURATION] [--policy JSON]
                                       [--budget N] [--deletes-per-second R] [--timeout DURATION]
                                       [--no-rate-limits] [--clock paced|wall] [--max-runs N] [--json FILE]

            Seeds the embedded simulator with N clusters x N manual scheduled snapshots (tagged as aurora-guard
            takes them, one every DURATION), then invokes the real snapshot-cleanup handler (CLEANUP_DRY_RUN=false,
            real SDK clients, RDS's documented request rate limit enforced) once per scheduled run until a run
            finds nothing left to delete, and reports the RDS calls per operation, the throttled calls and the time.

              --clusters N              clusters, default 200
              --snapshots N             snapshots per cluster, default 150
              --every DURATION          spacing of each cluster's history, default 1d (24h, 12h, PT6H...)
              --policy JSON             RETENTION_POLICY, default the scheduled rules of lambdas/RETENTION.md
              --budget N                CLEANUP_DELETION_BUDGET, default 1000 (the largest allowed)
              --deletes-per-second R    CLEANUP_DELETES_PER_SECOND, default the function's default (1)
              --timeout DURATION        each invocation's deadline, default 15m (Lambda's maximum)
              --no-rate-limits          do not enforce RDS's request rate limit in the simulator
              --clock paced|wall        paced (default): only the function's pacing pauses move the simulated clock,
                                        RDS answers take no time (the strictest test of the pacing, deterministic);
                                        wall: wall time plus the pacing pauses (answers take the simulator's time)
              --max-runs N              fail after this many runs, default 200
              --json FILE               also write the report as JSON to FILE
            """;

    public CleanupBenchSettings {
        if (clusters < 1 || clusters > 9999) {
            throw new IllegalArgumentException("--clusters must be 1 to 9999, not " + clusters);
        }
        if (snapshotsPerCluster < 1 || snapshotsPerCluster > 5000) {
            throw new IllegalArgumentException("--snapshots must be 1 to 5000, not " + snapshotsPerCluster);
        }
        if (snapshotEvery.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("--every must be at least a minute (one scheduled slot), not " + snapshotEvery);
        }
        if (lambdaTimeout.compareTo(LAMBDA_MAX_TIMEOUT) > 0 || lambdaTimeout.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("--timeout must be 1m to 15m (Lambda's maximum), not " + lambdaTimeout);
        }
        if (maxRuns < 1) {
            throw new IllegalArgumentException("--max-runs must be at least 1, not " + maxRuns);
        }
        RetentionPolicyJson.parse(policyJson);
        // The function's own checks (budget range, rate range) apply as they would in Lambda.
        try {
            SnapshotCleanupSettings.fromEnvironment(Environment.of(functionVariables(policyJson, deletionBudget, deletesPerSecond)));
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public static CleanupBenchSettings defaults() {
        return parse(new String[0]);
    }

    /** @throws IllegalArgumentException naming the bad option */
    public static CleanupBenchSettings parse(String[] args) {
        int clusters = DEFAULT_CLUSTERS;
        int snapshots = DEFAULT_SNAPSHOTS;
        Duration every = Duration.ofDays(1);
        String policy = DEFAULT_POLICY;
        int budget = DEFAULT_BUDGET;
        double rate = SnapshotCleanupSettings.DEFAULT_DELETES_PER_SECOND;
        Duration timeout = LAMBDA_MAX_TIMEOUT;
        boolean rateLimits = true;
        TimeModel clock = TimeModel.PACED;
        int maxRuns = DEFAULT_MAX_RUNS;
        Optional<Path> json = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--no-rate-limits")) {
                rateLimits = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option.startsWith("--") ? option + " needs a value" : "unexpected argument " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--clusters" -> clusters = integer(option, value);
                case "--snapshots" -> snapshots = integer(option, value);
                case "--every" -> every = duration(option, value);
                case "--policy" -> policy = value;
                case "--budget" -> budget = integer(option, value);
                case "--deletes-per-second" -> rate = decimal(option, value);
                case "--timeout" -> timeout = duration(option, value);
                case "--max-runs" -> maxRuns = integer(option, value);
                case "--clock" -> clock = TimeModel.parse(value);
                case "--json" -> json = Optional.of(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new CleanupBenchSettings(clusters, snapshots, every, policy, budget, rate, timeout, rateLimits, clock, maxRuns, json);
    }

    /** The function's variables besides the AWS ones: a real run, tag selection (the default), the bench's policy and pace. */
    static Map<String, String> functionVariables(String policyJson, int budget, double deletesPerSecond) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(SnapshotCleanupSettings.RETENTION_POLICY, policyJson);
        env.put(SnapshotCleanupSettings.DRY_RUN, "false");
        env.put(SnapshotCleanupSettings.DELETION_BUDGET, Integer.toString(budget));
        env.put(SnapshotCleanupSettings.DELETES_PER_SECOND, Double.toString(deletesPerSecond));
        env.put("EVENT_BUS_NAME", CleanupAtScaleBench.BUS);
        return env;
    }

    Map<String, String> functionVariables() {
        return functionVariables(policyJson, deletionBudget, deletesPerSecond);
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + value + "'");
        }
    }

    private static double decimal(String option, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not '" + value + "'");
        }
    }

    private static Duration duration(String option, String value) {
        try {
            SettingsReader reader = new SettingsReader(Environment.of(Map.of(option, value)));
            Duration duration = reader.duration(option, null);
            reader.validate();
            return duration;
        } catch (ConfigException e) {
            throw new IllegalArgumentException(option + " takes a duration such as 30s, 15m, 24h, 1d or PT6H, not '" + value + "'");
        }
    }
}
