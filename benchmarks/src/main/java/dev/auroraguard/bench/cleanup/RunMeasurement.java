package dev.auroraguard.bench.cleanup;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one scheduled invocation of {@code snapshot-cleanup} did, as the simulator counted it (every RDS
 * request that reached it, the SDK's retries included) and as the function reported it.
 *
 * @param number            1 for the first scheduled run
 * @param start             the simulated time the schedule fired
 * @param simulatedDuration simulated time from invocation to return: real processing plus the pacer's pauses
 * @param pacingPauses      the pauses the pacer asked for, which the simulated clock skipped instead of sleeping
 * @param realDuration      wall time the invocation took on this machine
 * @param manualBefore      manual snapshots in the account when the run started
 * @param manualAfter       ... and when it returned
 * @param listedSnapshots   manual snapshots the function listed; -1 when the invocation failed (no summary)
 * @param listingPages      DescribeDBClusterSnapshots pages the function read (its own count); -1 likewise
 * @param listingComplete   whether it listed every page
 * @param perClusterPages   the sum over the selected clusters of ceil(cluster's listed snapshots / 100): the pages
 *                          listing each cluster on its own would take
 * @param rdsCalls          RDS requests per operation that reached the simulator during the run
 * @param rateLimited       of those, refused by RDS's request rate limit
 * @param deleted           snapshots the function reports deleted
 * @param deferred          planned deletions it did not attempt (deadline, earlier failure)
 * @param deferredByBudget  deletions the budget left for later runs
 * @param stoppedBy         why it stopped deleting early, if it did
 * @param failure           the invocation's error, if it failed (Lambda would retry it)
 */
public record RunMeasurement(int number, Instant start, Duration simulatedDuration, Duration pacingPauses,
                             Duration realDuration, int manualBefore, int manualAfter, int listedSnapshots, int listingPages,
                             boolean listingComplete, int perClusterPages, Map<String, Integer> rdsCalls, int rateLimited, int deleted,
                             int deferred, int deferredByBudget, Optional<String> stoppedBy, Optional<String> failure) {

    public RunMeasurement {
        rdsCalls = Map.copyOf(rdsCalls);
    }

    public int calls(String operation) {
        return rdsCalls.getOrDefault(operation, 0);
    }

    public int totalRdsCalls() {
        return rdsCalls.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int snapshotsDeleted() {
        return manualBefore - manualAfter;
    }

    /** A clean run that found nothing left to delete: the cleanup is done. */
    public boolean foundNothingToDelete() {
        return failure.isEmpty() && listingComplete && deleted == 0 && deferred == 0 && deferredByBudget == 0;
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("run", number);
        map.put("start", start.toString());
        map.put("simulatedSeconds", seconds(simulatedDuration));
        map.put("pacingPauseSeconds", seconds(pacingPauses));
        map.put("realSeconds", seconds(realDuration));
        map.put("manualSnapshotsBefore", manualBefore);
        map.put("manualSnapshotsAfter", manualAfter);
        map.put("listedSnapshots", listedSnapshots);
        map.put("listingPages", listingPages);
        map.put("listingComplete", listingComplete);
        map.put("perClusterPages", perClusterPages);
        map.put("rdsCalls", new LinkedHashMap<>(new java.util.TreeMap<>(rdsCalls)));
        map.put("rateLimited", rateLimited);
        map.put("deleted", deleted);
        map.put("deferred", deferred);
        map.put("deferredByBudget", deferredByBudget);
        stoppedBy.ifPresent(s -> map.put("stoppedBy", s));
        failure.ifPresent(f -> map.put("failure", f));
        return map;
    }

    static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 10.0) / 100.0;
    }
}
