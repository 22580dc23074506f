package dev.auroraguard.simulator;

import java.time.Duration;

/**
 * How long simulated RDS work takes. {@link #realistic()} mirrors what Aurora takes (for tests and the
 * demo, on a manual clock); {@link #fast()} keeps {@code sandbox serve} responsive on wall time.
 *
 * @param snapshotCreate       manual or copied cluster snapshot: creating → available
 * @param clusterCreate        CreateDBCluster: creating → available
 * @param clusterRestore       RestoreDBClusterToPointInTime / FromSnapshot: creating → available
 * @param instanceCreate       CreateDBInstance: creating → available
 * @param deletion             any deleting resource disappears after this
 * @param latestRestorableLag  how far LatestRestorableTime trails "now" (Aurora: a few minutes)
 */
public record Timings(
        Duration snapshotCreate,
        Duration clusterCreate,
        Duration clusterRestore,
        Duration instanceCreate,
        Duration deletion,
        Duration latestRestorableLag) {

    public static Timings realistic() {
        return new Timings(Duration.ofMinutes(4), Duration.ofMinutes(10), Duration.ofMinutes(15),
                Duration.ofMinutes(8), Duration.ofMinutes(2), Duration.ofMinutes(5));
    }

    public static Timings fast() {
        return new Timings(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(6),
                Duration.ofSeconds(4), Duration.ofSeconds(2), Duration.ofMinutes(5));
    }
}
