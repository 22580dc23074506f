package dev.auroraguard.domain;

import dev.auroraguard.domain.ClusterOutcome.Reason;
import dev.auroraguard.domain.ClusterOutcome.Status;
import dev.auroraguard.domain.TagScheme.NewSnapshotTags;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, before any call to RDS, what to do with each selected cluster: create its snapshot for the
 * slot, or settle it at once (skip or fail an unavailable cluster, report a missing one).
 */
public final class SnapshotPlanner {

    private final SnapshotKind kind;
    private final UnavailableClusterPolicy unavailablePolicy;
    private final boolean copyClusterTags;

    /**
     * @param copyClusterTags copy every cluster's own tags to its snapshots; clusters with
     *                        CopyTagsToSnapshot on get theirs copied regardless, because RDS skips its
     *                        own copying when the create call sets tags, as ours always does
     */
    public SnapshotPlanner(SnapshotKind kind, UnavailableClusterPolicy unavailablePolicy, boolean copyClusterTags) {
        this.kind = kind;
        this.unavailablePolicy = unavailablePolicy;
        this.copyClusterTags = copyClusterTags;
    }

    public ClusterPlan plan(Cluster cluster, SnapshotTrigger trigger) {
        String snapshotId = SnapshotNamer.snapshotId(cluster.id(), kind, trigger.slot());
        if (!cluster.isAvailable()) {
            return new ClusterPlan.Settled(unavailable(cluster.id(), Optional.of(cluster.arn()), snapshotId,
                    "cluster status is '" + cluster.status() + "'; RDS only snapshots an available cluster"));
        }
        boolean copy = copyClusterTags || cluster.copyTagsToSnapshot();
        NewSnapshotTags tags = TagScheme.forNewSnapshot(kind, trigger.reference(), trigger.slot(),
                copy ? cluster.tags() : Map.of());
        return new ClusterPlan.Create(cluster, snapshotId, tags);
    }

    /** A listed cluster RDS does not know: reported, and retrying will not make it appear. */
    public ClusterOutcome missing(String clusterId, SnapshotTrigger trigger) {
        String snapshotId = SnapshotNamer.snapshotId(clusterId, kind, trigger.slot());
        return new ClusterOutcome(clusterId, Optional.empty(), snapshotId, Optional.empty(), Optional.empty(),
                Status.FAILED, Reason.CLUSTER_NOT_FOUND,
                "cluster '" + clusterId + "' is listed for snapshots but does not exist in this account and region",
                false, false, Optional.empty(), List.of());
    }

    /** An unavailable cluster, settled by the configured policy. */
    public ClusterOutcome unavailable(String clusterId, Optional<String> clusterArn, String snapshotId, String message) {
        boolean skip = unavailablePolicy == UnavailableClusterPolicy.SKIP;
        return new ClusterOutcome(clusterId, clusterArn, snapshotId, Optional.empty(), Optional.empty(),
                skip ? Status.SKIPPED : Status.FAILED, Reason.CLUSTER_NOT_AVAILABLE, message,
                !skip, false, Optional.empty(), List.of());
    }

    public SnapshotKind kind() {
        return kind;
    }

    /** The decision for one cluster. */
    public sealed interface ClusterPlan {

        /** Create the snapshot {@code snapshotId} of {@code cluster} with {@code tags}. */
        record Create(Cluster cluster, String snapshotId, NewSnapshotTags tags) implements ClusterPlan {
        }

        /** Nothing to create; the outcome is already known. */
        record Settled(ClusterOutcome outcome) implements ClusterPlan {
        }
    }
}
