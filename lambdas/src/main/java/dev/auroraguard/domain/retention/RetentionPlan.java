package dev.auroraguard.domain.retention;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The outcome of planning: every listed snapshot appears exactly once, in {@link #keep()} or
 * {@link #delete()}. Both lists are ordered by cluster, then newest first, then identifier, so equal
 * inputs give equal plans.
 *
 * @param now the instant the plan was made for
 * @param zone the policy's time zone
 * @param listingComplete whether the listing was complete (if not, {@link #delete()} is empty)
 * @param budget the deletion budget applied
 * @param keep the snapshots to keep, each with its reasons
 * @param delete the snapshots to delete, at most {@code budget} of them
 */
public record RetentionPlan(
        Instant now,
        ZoneId zone,
        boolean listingComplete,
        DeletionBudget budget,
        List<SnapshotDecision> keep,
        List<SnapshotDecision> delete) {

    public RetentionPlan {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(budget, "budget");
        keep = List.copyOf(keep);
        delete = List.copyOf(delete);
    }

    /** All decisions: the kept ones first, then the deleted ones. */
    public List<SnapshotDecision> decisions() {
        return Stream.concat(keep.stream(), delete.stream()).toList();
    }

    public Optional<SnapshotDecision> decisionFor(String snapshotIdentifier) {
        return decisions().stream().filter(d -> d.identifier().equals(snapshotIdentifier)).findFirst();
    }

    /** The identifiers to delete, in plan order. */
    public List<String> deleteIdentifiers() {
        return delete.stream().map(SnapshotDecision::identifier).toList();
    }

    /** How many snapshots the policy would delete but the budget moved to a later run. */
    public int deferredByBudget() {
        return (int) keep.stream().filter(d -> d.hasReason(ReasonCode.BUDGET_EXHAUSTED)).count();
    }
}
