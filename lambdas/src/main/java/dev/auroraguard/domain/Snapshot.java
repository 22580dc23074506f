package dev.auroraguard.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A DB cluster snapshot as the snapshot functions see it.
 *
 * @param id         the snapshot identifier
 * @param arn        the snapshot ARN
 * @param clusterId  the identifier of the cluster it was taken from
 * @param status     the RDS status, e.g. {@code creating}, {@code available}
 * @param createTime when RDS started taking it, if RDS reported it
 * @param tags       its tags
 */
public record Snapshot(String id, String arn, String clusterId, String status, Optional<Instant> createTime,
                       Map<String, String> tags) {

    public static final String AVAILABLE = "available";

    /**
     * Statuses from which a snapshot never becomes available: the failure states of the
     * {@code DBClusterSnapshotAvailable} waiter ({@code aws rds wait db-cluster-snapshot-available}).
     */
    public static final java.util.Set<String> FAILURE_STATUSES =
            java.util.Set.of("deleted", "deleting", "failed", "incompatible-restore", "incompatible-parameters");

    public Snapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createTime, "createTime");
        tags = Map.copyOf(tags);
    }

    public boolean isAvailable() {
        return AVAILABLE.equals(status);
    }

    /** Whether it will never become available (see {@link #FAILURE_STATUSES}). */
    public boolean hasFailed() {
        return FAILURE_STATUSES.contains(status);
    }

    /** Whether aurora-guard created it (it carries the managed tag). */
    public boolean isManaged() {
        return TagScheme.isManaged(tags);
    }

    public Optional<String> tag(String key) {
        return Optional.ofNullable(tags.get(key));
    }
}
