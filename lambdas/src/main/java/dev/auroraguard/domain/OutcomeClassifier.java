package dev.auroraguard.domain;

import dev.auroraguard.domain.ClusterOutcome.Reason;
import dev.auroraguard.domain.ClusterOutcome.Status;
import dev.auroraguard.domain.SnapshotPlanner.SnapshotPlan;
import java.util.List;
import java.util.Optional;

/**
 * Turns RDS's answer to a create request into the cluster's outcome. This is where idempotency is
 * decided: an identifier that already exists is success only if the snapshot is ours (managed tag) and
 * of the same cluster; anything else is a loud, non-retryable conflict.
 */
public final class OutcomeClassifier {

    private final SnapshotPlanner planner;

    public OutcomeClassifier(SnapshotPlanner planner) {
        this.planner = planner;
    }

    /**
     * Classifies Created, ClusterNotFound and QuotaExceeded; AlreadyExists is classified by
     * {@link #existing} and ClusterNotAvailable by {@link #unavailable}, once the snapshot is described.
     */
    public ClusterOutcome classify(SnapshotPlan plan, SnapshotCreation creation) {
        Cluster cluster = plan.cluster();
        Optional<String> clusterArn = Optional.of(cluster.arn());
        if (creation instanceof SnapshotCreation.Created created) {
            Snapshot snapshot = created.snapshot();
            String message = "snapshot " + snapshot.id() + " of " + cluster.id() + " started";
            if (!plan.tags().droppedKeys().isEmpty()) {
                message += "; cluster tags not copied (50-tag limit): " + String.join(", ", plan.tags().droppedKeys());
            }
            return new ClusterOutcome(cluster.id(), clusterArn, plan.snapshotId(), Optional.of(snapshot.arn()),
                    Optional.of(snapshot.status()), Status.STARTED, Reason.CREATED, message, false, false,
                    Optional.empty(), plan.tags().droppedKeys());
        }
        if (creation instanceof SnapshotCreation.ClusterNotFound notFound) {
            return failure(plan, Reason.CLUSTER_NOT_FOUND, false,
                    "cluster " + cluster.id() + " disappeared before its snapshot could be created: " + notFound.message(),
                    Optional.empty());
        }
        if (creation instanceof SnapshotCreation.QuotaExceeded quota) {
            String usage = quota.quota().map(q -> " (" + q.used() + " of " + q.max() + " manual cluster snapshots used)").orElse("");
            return failure(plan, Reason.QUOTA_EXCEEDED, false,
                    "manual cluster snapshot quota exceeded" + usage + "; delete old snapshots or raise the quota: "
                            + quota.message(), quota.quota());
        }
        throw new IllegalArgumentException(creation + " is classified with existing() or unavailable()");
    }

    /**
     * Classifies DBClusterSnapshotAlreadyExists, given what RDS then described under the identifier
     * (empty if it vanished in between, e.g. deleted by someone).
     */
    public ClusterOutcome existing(SnapshotPlan plan, Optional<Snapshot> existing) {
        Cluster cluster = plan.cluster();
        if (existing.isEmpty()) {
            return failure(plan, Reason.AWS_ERROR, true,
                    "RDS reported snapshot " + plan.snapshotId() + " as existing but could not describe it; retry",
                    Optional.empty());
        }
        Snapshot snapshot = existing.get();
        if (snapshot.isManaged() && snapshot.clusterId().equals(cluster.id())) {
            return new ClusterOutcome(cluster.id(), Optional.of(cluster.arn()), plan.snapshotId(),
                    Optional.of(snapshot.arn()), Optional.of(snapshot.status()), Status.STARTED, Reason.ALREADY_EXISTS,
                    "snapshot " + snapshot.id() + " of " + cluster.id() + " already exists " + origin(plan, snapshot)
                            + " (status " + snapshot.status() + ")",
                    false, true, Optional.empty(), List.of());
        }
        String whose = snapshot.isManaged()
                ? "it is an aurora-guard snapshot of another cluster, '" + snapshot.clusterId() + "'"
                : "it is not an aurora-guard snapshot (no " + TagScheme.MANAGED + "=" + TagScheme.TRUE + " tag; cluster '"
                        + snapshot.clusterId() + "')";
        return new ClusterOutcome(cluster.id(), Optional.of(cluster.arn()), plan.snapshotId(), Optional.of(snapshot.arn()),
                Optional.of(snapshot.status()), Status.FAILED, Reason.IDENTIFIER_CONFLICT,
                "snapshot identifier " + plan.snapshotId() + " is taken and " + whose
                        + "; rename or delete that snapshot, aurora-guard will not touch it",
                false, false, Optional.empty(), List.of());
    }

    /**
     * The cluster is not available (seen in its status, or RDS refused with InvalidDBClusterState). If our
     * snapshot for this slot exists already, that is why (the cluster is backing it up) and it is success;
     * a foreign snapshot under the identifier is a conflict; otherwise the unavailable-cluster policy decides.
     */
    public ClusterOutcome unavailable(SnapshotPlan plan, String message, Optional<Snapshot> existing) {
        if (existing.isPresent()) {
            return existing(plan, existing);
        }
        return planner.unavailable(plan.cluster().id(), Optional.of(plan.cluster().arn()), plan.snapshotId(), message);
    }

    private static String origin(SnapshotPlan plan, Snapshot snapshot) {
        String ours = plan.tags().tags().get(TagScheme.TRIGGER);
        return snapshot.tag(TagScheme.TRIGGER)
                .map(theirs -> theirs.equals(ours)
                        ? "from an earlier delivery of this trigger"
                        : "for this slot, from trigger " + theirs)
                .orElse("for this slot");
    }

    /** A call to AWS failed beyond what the SDK's retries could fix, or the code failed unexpectedly. */
    public ClusterOutcome error(SnapshotPlan plan, Reason reason, boolean retryable, String message) {
        return failure(plan, reason, retryable, message, Optional.empty());
    }

    private static ClusterOutcome failure(SnapshotPlan plan, Reason reason, boolean retryable, String message,
                                          Optional<QuotaUsage> quota) {
        Cluster cluster = plan.cluster();
        return new ClusterOutcome(cluster.id(), Optional.of(cluster.arn()), plan.snapshotId(), Optional.empty(),
                Optional.empty(), Status.FAILED, reason, message, retryable, false, quota, List.of());
    }
}
