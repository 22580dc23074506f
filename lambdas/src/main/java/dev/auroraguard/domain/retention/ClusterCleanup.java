package dev.auroraguard.domain.retention;

import dev.auroraguard.domain.retention.DeletionOutcome.Result;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one cleanup run did to one cluster's manual snapshots: the unit of the run's result and of its
 * {@code Cleanup Completed} event.
 *
 * @param clusterId  the cluster
 * @param clusterArn its ARN, when RDS described it
 * @param kept       the plan's keep decisions for this cluster (those the budget deferred included)
 * @param deletions  the fate of each of the plan's deletions for this cluster, oldest first
 */
public record ClusterCleanup(String clusterId, Optional<String> clusterArn, List<SnapshotDecision> kept,
                             List<DeletionOutcome> deletions) {

    public ClusterCleanup {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(clusterArn, "clusterArn");
        kept = List.copyOf(kept);
        deletions = List.copyOf(deletions);
    }

    /** Every snapshot of the cluster the run looked at. */
    public int listed() {
        return kept.size() + deletions.size();
    }

    /** The snapshots that are gone: deleted by this run, or found already deleted. */
    public List<String> deletedIds() {
        return deletions.stream().filter(DeletionOutcome::gone).map(DeletionOutcome::identifier).toList();
    }

    public List<String> alreadyGoneIds() {
        return idsWith(Result.ALREADY_GONE);
    }

    public List<DeletionOutcome> withResult(Result result) {
        return deletions.stream().filter(d -> d.result() == result).toList();
    }

    public List<String> idsWith(Result result) {
        return withResult(result).stream().map(DeletionOutcome::identifier).toList();
    }

    /** Planned deletions the budget moved to a later run (they are among {@link #kept()}). */
    public int deferredByBudget() {
        return (int) kept.stream().filter(d -> d.hasReason(ReasonCode.BUDGET_EXHAUSTED)).count();
    }

    public boolean hasRetryableFailure() {
        return deletions.stream().anyMatch(DeletionOutcome::retryable);
    }
}
